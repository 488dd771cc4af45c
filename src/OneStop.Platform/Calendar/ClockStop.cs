namespace OneStop.Platform.Calendar;

/// <summary>The clock stops from <see cref="From"/> to <see cref="To"/> (chờ bổ sung hồ sơ); local Vietnam time.</summary>
public sealed record ClockStop(DateTime From, DateTime To);
