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
