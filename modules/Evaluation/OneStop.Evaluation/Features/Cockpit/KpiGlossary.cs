using System.Globalization;
using Microsoft.Extensions.Localization;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.Localization;

namespace OneStop.Evaluation.Features.Cockpit;

/// <summary>
/// The words of a KPI's definition by its code (ADR 0029): numerator, denominator and legal source live in the module's
/// <c>Localization/vi.json</c> and <c>en.json</c> under <c>Evaluation.Kpi.{code}.Numerator|Denominator|Source</c>, and
/// are read in the reader's language (the cockpit's card, the API's <c>definition</c>, the reports in Vietnamese).
/// </summary>
internal sealed class KpiGlossary(IStringLocalizer<EvaluationModule> texts)
{
    public const string Numerator = "Numerator";
    public const string Denominator = "Denominator";
    public const string Source = "Source";

    public static readonly string[] Parts = [Numerator, Denominator, Source];

    public static string Key(string code, string part) => $"Evaluation.Kpi.{code}.{part}";

    public KpiDefinitionText Of(KpiDefinition d) => new(
        Text(d, Numerator, English ? d.NumeratorEn : d.NumeratorVi),
        Text(d, Denominator, English ? d.DenominatorEn : d.DenominatorVi),
        Text(d, Source, d.SourceNote),
        d.Measure, d.Measure == KpiMeasures.Count ? "" : texts["Evaluation.MeasureUnit." + d.Measure].Value, d.LevelList, d.PeriodList);

    /// <summary>The period in words (Quý 2 năm 2025, Q2 2025).</summary>
    public string PeriodText(KpiPeriod p) => texts["Evaluation.PeriodText." + p.Kind,
        p.Start.Year.ToString(CultureInfo.InvariantCulture),
        p.Kind == KpiPeriodKinds.Quarter ? ((p.Start.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture) : p.Start.Month.ToString("00", CultureInfo.InvariantCulture),
        p.Start.Day.ToString("00", CultureInfo.InvariantCulture)].Value;

    public string LevelText(string level) => texts["Evaluation.Targets.Level." + level].Value;

    public string PeriodKindText(string kind) => texts["Evaluation.PeriodKind." + kind].Value;

    /// <summary>
    /// Why a KPI has no figure for a unit of <paramref name="unitLevel"/> in a period of <paramref name="periodKind"/>
    /// (a <see cref="KpiNoDataReasons"/> code), or null when it has one.
    /// </summary>
    public static string? NoDataReason(KpiDefinition d, bool sourcePending, KpiSnapshot? snapshot, string periodKind, string unitLevel) =>
        snapshot?.Value is not null ? null
        : sourcePending ? KpiNoDataReasons.SourcePending
        : !d.PeriodList.Contains(periodKind) ? KpiNoDataReasons.PeriodNotComputed
        : !d.LevelList.Contains(unitLevel) ? KpiNoDataReasons.LevelNotApplicable
        : snapshot is null ? KpiNoDataReasons.NothingCounted
        : KpiNoDataReasons.ZeroDenominator;

    /// <summary>
    /// A value with its definition, the counts behind it and, when it has no figure, no counts, no computation time and
    /// the reason in the reader's language.
    /// </summary>
    public KpiValue Describe(KpiValue value, KpiDefinition d, KpiSnapshot? snapshot, bool sourcePending, string periodKind, string unitLevel)
    {
        var reason = NoDataReason(d, sourcePending, snapshot, periodKind, unitLevel);
        return value with
        {
            Definition = Of(d),
            NumeratorCount = snapshot?.Numerator,
            DenominatorCount = snapshot is null || d.Measure == KpiMeasures.Count ? null : snapshot.Denominator,
            UnitLevel = snapshot?.UnitLevel is { Length: > 0 } level ? level : unitLevel,
            ComputedAt = snapshot?.ComputedAt,
            NoDataReasonCode = reason,
            NoDataReason = reason is null ? null : Messages.Text(reason),
        };
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private string Text(KpiDefinition d, string part, string fallback)
    {
        var found = texts[Key(d.Code, part)];
        return found.ResourceNotFound ? fallback : found.Value;
    }
}
