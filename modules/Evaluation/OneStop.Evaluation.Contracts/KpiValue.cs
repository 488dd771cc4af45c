namespace OneStop.Evaluation.Contracts;

/// <summary>A KPI value as the API gives it (for the Government command-centre connector and third parties).</summary>
/// <param name="Numerator">The numerator counted (0 when nothing was counted; see <see cref="NumeratorCount"/>).</param>
/// <param name="Denominator">The denominator counted (0 when nothing was counted; see <see cref="DenominatorCount"/>).</param>
/// <param name="ComputedAt">When the engine computed it; null when there is no data (never 0001-01-01).</param>
/// <param name="Definition">How the figure is formed, in the reader's language (the cockpit's definition card).</param>
/// <param name="NumeratorCount">The numerator behind the figure for this unit and period; null when there is no data.</param>
/// <param name="DenominatorCount">The denominator behind the figure for this unit and period; null when there is no data.</param>
/// <param name="UnitLevel">The level of the unit the value is for (province, district, commune).</param>
/// <param name="NoDataReasonCode">Why there is no value (<see cref="KpiNoDataReasons"/>); null when there is one.</param>
/// <param name="NoDataReason">The reason's text in the reader's language.</param>
public sealed record KpiValue(
    string Code, string NameVi, string NameEn, string Group, Guid UnitId, string UnitPath, string Period,
    decimal Numerator, decimal Denominator, decimal? Value, decimal? Target, bool? Met, decimal? Points, decimal? MaxPoints, DateTimeOffset? ComputedAt,
    KpiDefinitionText? Definition = null, decimal? NumeratorCount = null, decimal? DenominatorCount = null, string? UnitLevel = null,
    string? NoDataReasonCode = null, string? NoDataReason = null);
