namespace OneStop.Evaluation.Features.Targets;

/// <summary>A target as the API and the targets page show it (with the KPI's and the unit's names).</summary>
internal sealed record KpiTargetView(
    Guid Id, string Code, string KpiNameVi, string KpiNameEn, string Measure, int Year, string? Level, Guid? UnitId, string? UnitName, decimal Value,
    string LegalBasis, bool ExcludesEspeciallyDifficult);

/// <summary>How many targets a copy added and how many the next year already had.</summary>
internal sealed record KpiTargetsCopied(int FromYear, int ToYear, int Added, int Kept);
