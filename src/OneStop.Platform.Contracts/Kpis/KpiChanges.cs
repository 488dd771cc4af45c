namespace OneStop.Platform.Kpis;

/// <summary>
/// What changed since an incremental run's watermark, as finely as a calculator can tell (ADR 0055): the unit-days whose
/// rows may differ (a row's <see cref="KpiRow.UnitId"/> and day), and the days to count whole, for every unit — where the
/// calculator cannot name every unit a change touched (e.g. a dossier routed away from a unit it does not record).
/// </summary>
public sealed record KpiChanges(IReadOnlyCollection<KpiUnitDay> UnitDays, IReadOnlyCollection<DateOnly> WholeDays);
