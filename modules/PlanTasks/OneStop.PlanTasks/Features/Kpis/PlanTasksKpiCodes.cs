namespace OneStop.PlanTasks.Features.Kpis;

/// <summary>
/// The KPI codes PlanTasks computes. Their definitions and targets are Evaluation's data (<c>kpis.json</c>); a test checks
/// that every code here is defined there, so the module needs nothing from Evaluation to contribute its figures.
/// </summary>
internal static class PlanTasksKpiCodes
{
    public const string PlanTasksOnTime = "plan.tasks-done";
}
