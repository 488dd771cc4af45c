namespace OneStop.Evaluation.Contracts;

public sealed record QualityIndexGroup(string Code, string NameVi, string NameEn, decimal MaxPoints, decimal Points, IReadOnlyList<KpiValue> Indicators);
