namespace OneStop.Platform.Calendar;

/// <summary>What to compute. Every time is local Vietnam time (UTC+7, no daylight saving), DateTimeKind ignored.</summary>
public sealed record DueDateInput(DateTime ReceivedAt, LegalTime LegalTime, IReadOnlyList<ClockStop>? Stops = null, IReadOnlyList<Extension>? Extensions = null);
