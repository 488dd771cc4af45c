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

    /// <summary>Someone who works for one agency of the unit (a department) cannot assign the unit's tasks to sub-units.</summary>
    public const string AssignOnlyForWholeUnit = Prefix + "AssignOnlyForWholeUnit";

    /// <summary>The report period is not a quarter (2025-Q3), a half-year (2025-H1) or a year (2025) from 2021.</summary>
    public const string InvalidPeriod = Prefix + "InvalidPeriod";

    /// <summary>The investment project named for an allocation is not in the caller's scope.</summary>
    public const string ProjectNotFound = Prefix + "ProjectNotFound";

    public const string PlanNotFound = Prefix + "PlanNotFound";
    public const string GroupNotFound = Prefix + "GroupNotFound";

    /// <summary>Another plan already carries this number (số kế hoạch).</summary>
    public const string PlanNumberTaken = Prefix + "PlanNumberTaken";

    /// <summary>A plan with task groups is not deleted; a group with tasks is not deleted.</summary>
    public const string PlanNotEmpty = Prefix + "PlanNotEmpty";
    public const string GroupNotEmpty = Prefix + "GroupNotEmpty";

    /// <summary>A task already assigned to units is not deleted: its assignments carry progress and reports.</summary>
    public const string TaskHasAssignments = Prefix + "TaskHasAssignments";

    /// <summary>A task with investment projects or budget allocations is not deleted.</summary>
    public const string TaskHasResources = Prefix + "TaskHasResources";

    /// <summary>Plans are province-wide: only someone acting for the whole province edits them.</summary>
    public const string PlanOnlyByProvince = Prefix + "PlanOnlyByProvince";

    /// <summary>A new period leaves some task's deadline outside the plan.</summary>
    public const string PlanPeriodExcludesTasks = Prefix + "PlanPeriodExcludesTasks";
}
