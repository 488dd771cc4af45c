namespace OneStop.PlanTasks.Contracts;

/// <summary>Stable error codes of the PlanTasks module, returned in ProblemDetails "code".</summary>
public static class PlanTasksErrorCodes
{
    public const string Prefix = "PlanTasks.";
}
