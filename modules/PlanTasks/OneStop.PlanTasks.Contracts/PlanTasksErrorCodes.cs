namespace OneStop.PlanTasks.Contracts;

/// <summary>Stable error codes of the PlanTasks module, returned in ProblemDetails "code".</summary>
public static class PlanTasksErrorCodes
{
    public const string Prefix = "PlanTasks.";
    public const string TaskNotFound = Prefix + "TaskNotFound";
    public const string AssignmentNotFound = Prefix + "AssignmentNotFound";
    public const string ReportNotFound = Prefix + "ReportNotFound";
    public const string NotTheAssignee = Prefix + "NotTheAssignee";
    public const string ReviewOnlyByProvince = Prefix + "ReviewOnlyByProvince";
    public const string AlreadyReviewed = Prefix + "AlreadyReviewed";
    public const string EvidenceRejected = Prefix + "EvidenceRejected";
    public const string UnitNotFound = Prefix + "UnitNotFound";
    public const string TeamNotFound = Prefix + "TeamNotFound";
    public const string VisitNotFound = Prefix + "VisitNotFound";
}
