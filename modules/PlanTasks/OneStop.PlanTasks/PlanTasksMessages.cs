namespace OneStop.PlanTasks;

/// <summary>Message codes of the PlanTasks module that are not API error codes (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class PlanTasksMessages
{
    public const string NoPlan = "PlanTasks.Plan.NoPlan";
    /// <summary>The administrative unit named by another module is not known.</summary>
    public const string UnitUnknown = "PlanTasks.Plan.UnitUnknown";

    public const string AssignTaskRequired = "PlanTasks.Assignments.TaskRequired";
    public const string AssignUnitRequired = "PlanTasks.Assignments.UnitRequired";
    public const string AssignUnitOutOfScope = "PlanTasks.Assignments.UnitOutOfScope";

    public const string ReportKindInvalid = "PlanTasks.Reports.KindInvalid";
    public const string ReportStatusInvalid = "PlanTasks.Reports.StatusInvalid";
    /// <summary>Also the page's data annotation: no placeholder, the range is in the text.</summary>
    public const string ReportPercentOutOfRange = "PlanTasks.Reports.PercentOutOfRange";
    public const string ReportNarrativeRequired = "PlanTasks.Reports.NarrativeRequired";
    /// <summary>{MaxLength}: the longest comment.</summary>
    public const string ReviewCommentTooLong = "PlanTasks.Reports.CommentTooLong";
    public const string ReturnReasonRequired = "PlanTasks.Reports.ReturnReasonRequired";
    /// <summary>{0}: the most evidence files one report may carry.</summary>
    public const string TooManyEvidenceFiles = "PlanTasks.Reports.TooManyEvidenceFiles";
    public const string EvidenceNotFound = "PlanTasks.Reports.EvidenceNotFound";

    public const string TeamNameRequired = "PlanTasks.Inspections.TeamNameRequired";
    public const string DecisionNoRequired = "PlanTasks.Inspections.DecisionNoRequired";
    public const string MembersRequired = "PlanTasks.Inspections.MembersRequired";
    public const string VisitTeamRequired = "PlanTasks.Inspections.TeamRequired";
    public const string VisitUnitRequired = "PlanTasks.Inspections.UnitRequired";
    public const string VisitSummaryTooLong = "PlanTasks.Inspections.SummaryTooLong";
    public const string FindingTextRequired = "PlanTasks.Inspections.FindingTextRequired";
    public const string InspectedUnitOutOfScope = "PlanTasks.Inspections.UnitOutOfScope";
    public const string FollowUpTaskNotFound = "PlanTasks.Inspections.FollowUpTaskNotFound";

    public const string ProjectNameRequired = "PlanTasks.Resources.ProjectNameRequired";
    public const string ProposedAmountNotPositive = "PlanTasks.Resources.ProposedAmountNotPositive";
    public const string InvestmentPeriodInvalid = "PlanTasks.Resources.InvestmentPeriodInvalid";
    public const string AllocationTaskRequired = "PlanTasks.Resources.AllocationTaskRequired";
    /// <summary>{From}, {To}: the years of the plan.</summary>
    public const string AllocationYearOutOfRange = "PlanTasks.Resources.AllocationYearOutOfRange";
    public const string AllocationAmountNotPositive = "PlanTasks.Resources.AmountNotPositive";
    public const string AllocationSourceRequired = "PlanTasks.Resources.SourceRequired";
    public const string ProjectOfAnotherTask = "PlanTasks.Resources.ProjectOfAnotherTask";
}
