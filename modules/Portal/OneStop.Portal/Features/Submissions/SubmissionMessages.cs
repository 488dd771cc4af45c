namespace OneStop.Portal.Features.Submissions;

/// <summary>Message codes of the online submission (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class SubmissionMessages
{
    public const string UnitRequired = "Portal.Submission.UnitRequired";
    public const string ReturnMethodRequired = "Portal.Submission.ReturnMethodRequired";
    public const string AddressTooLong = "Portal.Submission.AddressTooLong";
    public const string ReusedNotAvailable = "Portal.Submission.ReusedNotAvailable";
    public const string AlreadySubmitted = "Portal.Submission.AlreadySubmitted";
    public const string PaymentPending = "Portal.Submission.PaymentPending";
}
