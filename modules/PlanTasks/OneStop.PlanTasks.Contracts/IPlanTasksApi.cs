namespace OneStop.PlanTasks.Contracts;

/// <summary>What other modules may ask of PlanTasks.</summary>
public interface IPlanTasksApi
{
    /// <summary>
    /// Raises an improvement task (nhiệm vụ khắc phục) on the same task model as the plan's, assigned to one unit —
    /// the seam Evaluation uses when a KPI target is breached. Idempotent on <see cref="ImprovementTaskRequest.Key"/>.
    /// </summary>
    Task<Guid> RaiseImprovementTaskAsync(ImprovementTaskRequest request, CancellationToken ct = default);
}

/// <param name="Key">Stable key of the cause, e.g. <c>kpi:waiting-time:2024-Q3:288</c>; the same key never raises two tasks.</param>
/// <param name="KpiTargetKey">The breached target (Evaluation's key).</param>
public sealed record ImprovementTaskRequest(string Key, Guid UnitId, string Title, string KpiTargetKey, DateOnly DueOn);
