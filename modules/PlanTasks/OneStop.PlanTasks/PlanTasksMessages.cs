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

    public const string PlanNumberRequired = "PlanTasks.Plans.NumberRequired";
    public const string PlanTitleRequired = "PlanTasks.Plans.TitleRequired";
    public const string PlanIssuerTooLong = "PlanTasks.Plans.IssuerTooLong";
    public const string PlanSignerTooLong = "PlanTasks.Plans.SignerTooLong";
    public const string PlanPeriodInvalid = "PlanTasks.Plans.PeriodInvalid";
    public const string PlanStatusInvalid = "PlanTasks.Plans.StatusInvalid";
    public const string PlanIssuedNeedsDates = "PlanTasks.Plans.IssuedNeedsDates";
    public const string PlanEffectiveRangeInvalid = "PlanTasks.Plans.EffectiveRangeInvalid";
    public const string GroupTitleRequired = "PlanTasks.Plans.GroupTitleRequired";
    public const string MoveDirectionInvalid = "PlanTasks.Plans.MoveDirectionInvalid";
    public const string TaskTitleRequired = "PlanTasks.Plans.TaskTitleRequired";
    public const string TaskLeadRequired = "PlanTasks.Plans.TaskLeadRequired";
    /// <summary>{0}: the reference nobody can choose (not an agency or group of the lists).</summary>
    public const string TaskAgencyUnknown = "PlanTasks.Plans.TaskAgencyUnknown";
    public const string TaskProductsTooLong = "PlanTasks.Plans.TaskProductsTooLong";
    public const string DeadlineKindInvalid = "PlanTasks.Plans.DeadlineKindInvalid";
    public const string DeadlineDateInvalid = "PlanTasks.Plans.DeadlineDateInvalid";
    public const string DeadlineMonthInvalid = "PlanTasks.Plans.DeadlineMonthInvalid";
    public const string DeadlineQuarterInvalid = "PlanTasks.Plans.DeadlineQuarterInvalid";
    /// <summary>{0}, {1}: the first and last year of the plan.</summary>
    public const string DeadlineOutsidePlan = "PlanTasks.Plans.DeadlineOutsidePlan";
}
