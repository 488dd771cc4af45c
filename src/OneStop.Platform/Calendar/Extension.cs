namespace OneStop.Platform.Calendar;

/// <summary>Gia hạn: more working time, always with a reason.</summary>
public sealed record Extension(LegalTime Time, string Reason);
