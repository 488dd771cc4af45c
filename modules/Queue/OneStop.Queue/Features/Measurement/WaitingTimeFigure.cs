namespace OneStop.Queue.Features.Measurement;

/// <summary>
/// Waiting time of the visits of one unit in one period (plan target: ≤30 min in 2022, ≤15 min 2023–2025). Only
/// visits that were called count; <see cref="PeriodStart"/> is the range's start for <see cref="QueueKpiPeriod.Range"/>.
/// </summary>
internal sealed record WaitingTimeFigure(
    Guid UnitId,
    string UnitPath,
    DateOnly PeriodStart,
    int Visits,
    double AverageWaitMinutes,
    double? AverageServiceMinutes,
    int VisitsOverFifteenMinutes);
