using OneStop.Evaluation.Contracts;

namespace OneStop.Evaluation.Features.Cockpit;

/// <summary>
/// What the definition card beside a figure shows (<c>_KpiDefinitionCard.cshtml</c>): the definition's words, the counts
/// behind the figure for the unit and period shown, and, without a figure, why.
/// </summary>
internal sealed record KpiDefinitionCardView(
    string Code, string Name, KpiDefinitionText Words, decimal? NumeratorCount, decimal? DenominatorCount, string Period, string UnitName, string UnitLevel,
    string? NoDataReason);
