namespace OneStop.Evaluation.Contracts;

/// <summary>
/// Why a KPI value has no figure (<see cref="KpiValue.NoDataReasonCode"/>): message codes (ADR 0020) whose text, in
/// the reader's language, is <see cref="KpiValue.NoDataReason"/>. A value without data has no value, no counts and no
/// computation time — never a sentinel date.
/// </summary>
public static class KpiNoDataReasons
{
    /// <summary>No enabled module computes the indicator yet.</summary>
    public const string SourcePending = "Evaluation.Kpis.NoData.SourcePending";

    /// <summary>The indicator is not computed for this kind of period (e.g. a day for a yearly indicator).</summary>
    public const string PeriodNotComputed = "Evaluation.Kpis.NoData.PeriodNotComputed";

    /// <summary>The indicator does not apply to the unit's level (e.g. national databases below the province).</summary>
    public const string LevelNotApplicable = "Evaluation.Kpis.NoData.LevelNotApplicable";

    /// <summary>Nothing was counted for the unit in the period (no records, or the period has not been computed yet).</summary>
    public const string NothingCounted = "Evaluation.Kpis.NoData.NothingCounted";

    /// <summary>Records were counted but the denominator is zero, so no ratio or average exists.</summary>
    public const string ZeroDenominator = "Evaluation.Kpis.NoData.ZeroDenominator";

    public static readonly string[] All = [SourcePending, PeriodNotComputed, LevelNotApplicable, NothingCounted, ZeroDenominator];
}
