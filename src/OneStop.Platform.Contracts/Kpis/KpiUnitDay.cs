namespace OneStop.Platform.Kpis;

/// <summary>One unit's day: the key of the rows a change touches, finer than a whole day (ADR 0055).</summary>
public readonly record struct KpiUnitDay(Guid UnitId, DateOnly Day);
