namespace OneStop.Platform.Calendar;

/// <summary>A day the count passed over, with why (the holiday's name, or the weekend).</summary>
public sealed record SkippedDay(DateOnly Date, string Reason);
