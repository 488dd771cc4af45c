namespace OneStop.Evaluation.Contracts;

/// <summary>A KPI value as the API gives it (for the Government command-centre connector and third parties).</summary>
public sealed record KpiValue(
    string Code, string NameVi, string NameEn, string Group, Guid UnitId, string UnitPath, string Period,
    decimal Numerator, decimal Denominator, decimal? Value, decimal? Target, bool? Met, decimal? Points, decimal? MaxPoints, DateTimeOffset ComputedAt);
