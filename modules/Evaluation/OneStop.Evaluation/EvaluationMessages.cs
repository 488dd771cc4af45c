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
    public const string ReportPeriodInvalid = "Evaluation.Reports.PeriodInvalid";
}
