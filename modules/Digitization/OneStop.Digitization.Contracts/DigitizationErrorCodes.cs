namespace OneStop.Digitization.Contracts;

/// <summary>Stable error codes of the Digitization module, returned in ProblemDetails "code".</summary>
public static class DigitizationErrorCodes
{
    public const string Prefix = "Digitization.";
    /// <summary>Empty, too large, wrong type (by content), a path in the name, or refused by the virus scanner.</summary>
    public const string UploadRejected = Prefix + "UploadRejected";
    public const string DocumentNotFound = Prefix + "DocumentNotFound";
    public const string QueueItemNotFound = Prefix + "QueueItemNotFound";
    public const string QueueItemClosed = Prefix + "QueueItemClosed";
    public const string AlreadySigned = Prefix + "AlreadySigned";
    public const string NotSignable = Prefix + "NotSignable";
    /// <summary>Lưu trữ: an archived document or dossier cannot be changed.</summary>
    public const string Archived = Prefix + "Archived";
    public const string DossierNotFound = Prefix + "DossierNotFound";
    public const string DeskNotFound = Prefix + "DeskNotFound";
    public const string InvalidApplicant = Prefix + "InvalidApplicant";
    public const string VerificationNotFound = Prefix + "VerificationNotFound";
}
