namespace OneStop.Queue.Features.Measurement;

/// <summary>Grouping of the waiting-time KPI over time.</summary>
internal enum QueueKpiPeriod
{
    /// <summary>One row per unit for the whole range.</summary>
    Range,
    Day,
    Month,
}
