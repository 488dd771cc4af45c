namespace OneStop.Platform.Kpis;

/// <summary>What a calculator answers for one day (<see cref="IKpiCalculator.ComputeDaysAsync"/>): the day's rows.</summary>
public sealed record KpiDayRows(DateOnly Day, IReadOnlyList<KpiRow> Rows);
