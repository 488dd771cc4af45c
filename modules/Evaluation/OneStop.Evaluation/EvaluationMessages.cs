namespace OneStop.Evaluation;

/// <summary>Message codes of Evaluation that are not API error codes (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class EvaluationMessages
{
    public const string DossierCodeRequired = "Evaluation.Ratings.DossierCodeRequired";
    public const string RatingChannelInvalid = "Evaluation.Ratings.ChannelInvalid";
    public const string ScoresInvalid = "Evaluation.Ratings.ScoresInvalid";
    public const string OverallInvalid = "Evaluation.Ratings.OverallInvalid";
    public const string CommentTooLong = "Evaluation.Ratings.CommentTooLong";
    /// <summary>Online ratings come after the result is handed over.</summary>
    public const string OnlineAfterResult = "Evaluation.Ratings.OnlineAfterResult";
    public const string NotYetReceived = "Evaluation.Ratings.NotYetReceived";
    public const string KioskOnly = "Evaluation.Ratings.KioskOnly";
    public const string RatingNotFound = "Evaluation.Ratings.NotFound";
    /// <summary>{0}: the sequence number missing from the chain.</summary>
    public const string ChainGap = "Evaluation.Ratings.ChainGap";
    public const string ChainLinkBroken = "Evaluation.Ratings.ChainLinkBroken";
    public const string ChainContentChanged = "Evaluation.Ratings.ChainContentChanged";
    public const string ComplaintChannelInvalid = "Evaluation.Complaints.ChannelInvalid";
    public const string SubjectRequired = "Evaluation.Complaints.SubjectRequired";
    public const string ContentRequired = "Evaluation.Complaints.ContentRequired";
    public const string ApplicantNameRequired = "Evaluation.Complaints.ApplicantNameRequired";
    public const string OutcomeInvalid = "Evaluation.Complaints.OutcomeInvalid";
    public const string AnswerRequired = "Evaluation.Complaints.AnswerRequired";
    public const string RecomputeYearOutOfRange = "Evaluation.Kpis.RecomputeYearOutOfRange";
    public const string TargetKpiUnknown = "Evaluation.Targets.KpiUnknown";
    public const string TargetYearOutOfRange = "Evaluation.Targets.YearOutOfRange";
    public const string TargetLevelInvalid = "Evaluation.Targets.LevelInvalid";
    /// <summary>A target below 0 (or absurdly large).</summary>
    public const string TargetNegative = "Evaluation.Targets.Negative";
    /// <summary>A ratio KPI's target outside 0–100 %.</summary>
    public const string TargetRatioOutOfRange = "Evaluation.Targets.RatioOutOfRange";
    public const string TargetLegalBasisRequired = "Evaluation.Targets.LegalBasisRequired";
    /// <summary>"{0} targets of {1} copied to {2}; {3} already there were kept."</summary>
    public const string TargetsCopied = "Evaluation.Targets.Copied";
    public const string ReportPeriodInvalid = "Evaluation.Reports.PeriodInvalid";
}
