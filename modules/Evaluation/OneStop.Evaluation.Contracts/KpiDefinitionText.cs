namespace OneStop.Evaluation.Contracts;

/// <summary>
/// Định nghĩa chỉ số in the reader's language, as the cockpit's definition card shows it beside the figure: what the
/// numerator and the denominator count, the legal source (a clause of the province's plan, a Decision 766 indicator),
/// how the figure is formed (<see cref="Measure"/>: <c>ratio</c>, <c>average</c>, <c>count</c>), its unit of measure,
/// and the unit levels and period kinds it is computed for (<c>province</c>, <c>district</c>, <c>commune</c>;
/// <c>day</c>, <c>month</c>, <c>quarter</c>, <c>year</c>).
/// </summary>
public sealed record KpiDefinitionText(
    string Numerator, string Denominator, string Source, string Measure, string MeasureUnit, IReadOnlyList<string> Levels, IReadOnlyList<string> Periods);
