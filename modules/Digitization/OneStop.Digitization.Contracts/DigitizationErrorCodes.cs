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
    /// <summary>A line of the certification register (sổ chứng thực bản sao) not in the caller's scope.</summary>
    public const string CertifiedCopyNotFound = Prefix + "CertifiedCopyNotFound";
    /// <summary>Chứng thực bản sao is done by a commune (UBND cấp xã); the caller acts for another level or no unit.</summary>
    public const string CertificationNotAllowed = Prefix + "CertificationNotAllowed";
    /// <summary>The certifying officer is not a leader of the caller's unit today.</summary>
    public const string OfficerNotFound = Prefix + "OfficerNotFound";
    /// <summary>The dossier named for a certification is of another procedure than 2.000815.</summary>
    public const string NotCertificationDossier = Prefix + "NotCertificationDossier";
    /// <summary>The scanned original's page count differs from the pages declared (and charged).</summary>
    public const string PagesMismatch = Prefix + "PagesMismatch";
    /// <summary>An old result (back-file) dated after today.</summary>
    public const string ResultIssuedInFuture = Prefix + "ResultIssuedInFuture";
    /// <summary>The issuing unit named for an old result held no such code on the issue day, or is outside the caller's scope.</summary>
    public const string IssuingUnitNotFound = Prefix + "IssuingUnitNotFound";
    /// <summary>A consent dated before today or more than a year ahead (ADR 0035).</summary>
    public const string ConsentDateOutOfRange = Prefix + "ConsentDateOutOfRange";
}
