using FluentValidation;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;

namespace OneStop.Evaluation.Features.Targets;

/// <summary>
/// Đặt chỉ tiêu: the target of a KPI for a year, for all levels (Level and UnitId null), one level or one unit. Saving
/// again with the same KPI, year, level and unit changes that target.
/// </summary>
internal sealed record SaveKpiTargetRequest(string Code, int Year, string? Level, Guid? UnitId, decimal Value, string LegalBasis, bool ExcludesEspeciallyDifficult);

/// <summary>
/// Shape checks. The KPI's measure and levels come from the shipped catalogue (definitions follow <c>kpis.json</c> at
/// every start): a ratio's target is a percentage, 0–100; an average's or a count's is at least 0.
/// </summary>
internal sealed class SaveKpiTargetRequestValidator : AbstractValidator<SaveKpiTargetRequest>
{
    public const decimal MaxValue = 1_000_000m;

    public SaveKpiTargetRequestValidator()
    {
        RuleFor(r => r.Code).Must(c => Shipped(c) is not null).WithErrorCode(EvaluationMessages.TargetKpiUnknown);
        RuleFor(r => r.Year).InclusiveBetween(2021, 2100).WithErrorCode(EvaluationMessages.TargetYearOutOfRange);
        RuleFor(r => r.Level).Must((r, level) => string.IsNullOrEmpty(level) || r.UnitId is not null || Levels(r.Code).Contains(level))
            .WithErrorCode(EvaluationMessages.TargetLevelInvalid);
        RuleFor(r => r.Value).Must(v => v >= 0 && v <= MaxValue).WithErrorCode(EvaluationMessages.TargetNegative);
        RuleFor(r => r.Value).Must((r, v) => Shipped(r.Code)?.Measure != KpiMeasures.Ratio || v <= 100).When(r => r.Value >= 0)
            .WithErrorCode(EvaluationMessages.TargetRatioOutOfRange);
        RuleFor(r => r.LegalBasis).Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 512).WithErrorCode(EvaluationMessages.TargetLegalBasisRequired);
    }

    private static KpiSeeder.KpiSeed? Shipped(string? code) => KpiSeeder.Data.Kpis.FirstOrDefault(k => k.Code == code);

    private static IReadOnlyList<string> Levels(string? code) =>
        Shipped(code)?.Levels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
