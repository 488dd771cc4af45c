namespace OneStop.Platform.Kpis;

/// <summary>
/// What a module contributes to the KPI engine: calculators for some KPI codes, computed set-based in SQL on the
/// module's own database context (never by loading rows into memory). Registered in DI as
/// <c>services.AddScoped&lt;IKpiCalculator, MyCalculator&gt;()</c>; the engine finds them all. Calculators run
/// unrestricted (the engine's job) and must ignore the request scope: they count the whole province.
/// <para>
/// The kernel's extension point, so a module computing KPIs needs nothing from Evaluation, its consumer. The codes are
/// Evaluation's definitions (data, <c>kpis.json</c>); a module keeps its own constants for the codes it answers, and a
/// test checks that every answered code is defined and every defined code answered.
/// </para>
/// </summary>
public interface IKpiCalculator
{
    /// <summary>The KPI codes this calculator answers (codes Evaluation defines).</summary>
    IReadOnlyCollection<string> KpiCodes { get; }

    /// <summary>Numerator and denominator per owning unit for every code of <see cref="KpiCodes"/> in the period.</summary>
    Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default);

    /// <summary>
    /// Every day of [<paramref name="from"/>, <paramref name="to"/>) at once: for each day, the rows
    /// <see cref="ComputeAsync"/> gives for that day's period, at least those of the codes counted per day (days without
    /// rows may be left out). The engine asks a month at a time wherever it needs days (day partials, day snapshots), so a
    /// calculator that can group by day in one query answers a month in one query instead of thirty (ADR 0053). By
    /// default, one <see cref="ComputeAsync"/> per day.
    /// </summary>
    Task<IReadOnlyList<KpiDayRows>> ComputeDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        KpiDays.OneByOneAsync(this, from, to, ct);

    /// <summary>
    /// For incremental runs: the calendar days whose KPI values may have changed because rows were written at or after
    /// <paramref name="since"/> (e.g. the reception and resolution days of dossiers changed since then).
    /// </summary>
    Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default);

    /// <summary>
    /// For incremental runs, finer than <see cref="ChangedDaysAsync"/>: the unit-days whose rows may have changed because
    /// rows were written at or after <paramref name="since"/>, and the days to count whole. Null (the default): the
    /// calculator tells whole days only, and <see cref="ChangedDaysAsync"/> is asked. A calculator that answers here also
    /// answers <see cref="ComputeUnitDaysAsync"/>; the engine asks only day-rolled calculators (ADR 0055).
    /// </summary>
    Task<KpiChanges?> ChangedUnitDaysAsync(DateTimeOffset since, CancellationToken ct = default) => Task.FromResult<KpiChanges?>(null);

    /// <summary>
    /// Exactly the rows of <paramref name="unitDays"/>: for each of their days, the rows <see cref="ComputeDaysAsync"/>
    /// gives whose <see cref="KpiRow.UnitId"/> is one of that day's units — every code's, so the engine can replace the
    /// unit-day's partials with them. So an incremental run after changes spread over a year counts the changed units'
    /// days, not every unit's (ADR 0055). Asked only of a calculator whose <see cref="ChangedUnitDaysAsync"/> answers.
    /// </summary>
    Task<IReadOnlyList<KpiDayRows>> ComputeUnitDaysAsync(IReadOnlyCollection<KpiUnitDay> unitDays, CancellationToken ct = default) =>
        throw new NotSupportedException($"{GetType().Name} tells whole days only (ChangedUnitDaysAsync answers null).");

    /// <summary>The rows behind one KPI for a unit path and period, not-counted rows first (drill-down).</summary>
    Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default);
}
