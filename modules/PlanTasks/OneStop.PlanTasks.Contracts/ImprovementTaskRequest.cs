namespace OneStop.PlanTasks.Contracts;

/// <param name="Key">Stable key of the cause, e.g. <c>kpi:waiting-time:2024-Q3:288</c>; the same key never raises two tasks.</param>
/// <param name="KpiTargetKey">The breached target (Evaluation's key).</param>
public sealed record ImprovementTaskRequest(string Key, Guid UnitId, string Title, string KpiTargetKey, DateOnly DueOn);
