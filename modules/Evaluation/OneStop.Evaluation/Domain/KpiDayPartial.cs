using OneStop.Platform.Domain;

namespace OneStop.Evaluation.Domain;

/// <summary>
/// One unit's numerator and denominator of one KPI on one day, as its calculator counted it (before the roll-up up the
/// unit tree): the engine sums a month's, quarter's or year's partials instead of asking the calculator again, so an
/// incremental run recomputes only the changed days and re-sums the periods above them (ADR 0045). Only for KPIs whose
/// period figure is the sum of its days' (<see cref="Features.Kpis.KpiDayRollUp"/>). Derived data, engine-internal,
/// rewritten by every run: not audited, not unit-scoped (nobody reads it but the engine).
/// </summary>
[NotAudited]
internal sealed class KpiDayPartial
{
    public Guid Id { get; set; } = OneStop.Platform.SequentialGuid.NewGuid();
    public string KpiCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public Guid? AsIsUnitId { get; set; }
    public bool RollsUp { get; set; }
    public decimal Numerator { get; set; }
    public decimal Denominator { get; set; }
}

/// <summary>
/// A year whose every day has partials for one calculator (written by its full run). An incremental run rolls a period
/// up from partials only in such a year; elsewhere (a year never recomputed since partials exist) it asks the calculator.
/// </summary>
[NotAudited]
internal sealed class KpiDayCoverage
{
    public string Calculator { get; set; } = "";
    public int Year { get; set; }
}
