namespace OneStop.Platform.Calendar;

/// <summary>One official calendar entry: a day off or a worked Saturday.</summary>
public sealed record CalendarEntry(DateOnly Date, string Kind, string Name);
