namespace OneStop.Platform.Web;

/// <summary>Codes of the kernel's messages that are not error codes (titles, hints), texts in Localization/messages.*.json.</summary>
public static class PlatformMessages
{
    public const string RequestUnreadable = "Platform.Messages.RequestUnreadable";
    public const string ChangedMeanwhile = "Platform.Messages.ChangedMeanwhile";
    public const string BodyMissing = "Platform.Messages.BodyMissing";
    public const string DataInvalid = "Platform.Messages.DataInvalid";
    public const string FieldRequired = "Platform.Messages.FieldRequired";
    /// <summary>{0}: the value typed.</summary>
    public const string ValueInvalid = "Platform.Messages.ValueInvalid";
    public const string NumberExpected = "Platform.Messages.NumberExpected";
    /// <summary>A destructive action whose confirmation box was not ticked.</summary>
    public const string ConfirmFirst = "Platform.Messages.ConfirmFirst";
    public const string IdempotencyKeyTooLong = "Platform.Messages.IdempotencyKeyTooLong";

    // What the API accepts at all, whatever the endpoint (InputLimits, ADR 0034).
    /// <summary>{0}, {1}: the earliest and the latest date allowed (dd/MM/yyyy).</summary>
    public const string DateOutOfRange = "Platform.Messages.DateOutOfRange";
    /// <summary>{0}: the most characters allowed.</summary>
    public const string TextTooLong = "Platform.Messages.TextTooLong";
    /// <summary>{0}: the most items allowed.</summary>
    public const string TooManyItems = "Platform.Messages.TooManyItems";
    public const string NullItem = "Platform.Messages.NullItem";
    public const string NulCharacter = "Platform.Messages.NulCharacter";
    /// <summary>The database refused a value (too long for its column, out of its range): the safety net behind the checks above.</summary>
    public const string ValueNotStorable = "Platform.Messages.ValueNotStorable";

    // Why the audit chain of a module is broken (GET /audit/verify).
    /// <summary>{0}: the number of the missing record.</summary>
    public const string AuditRecordMissing = "Platform.Audit.RecordMissing";
    public const string AuditLinkBroken = "Platform.Audit.LinkBroken";
    public const string AuditContentChanged = "Platform.Audit.ContentChanged";

    // Why an uploaded file is refused (UploadGuard), under the module's own error code.
    public const string UploadEmpty = "Platform.Upload.Empty";
    /// <summary>{0}: the accepted extensions.</summary>
    public const string UploadWrongType = "Platform.Upload.WrongType";
    public const string UploadInfected = "Platform.Upload.Infected";
    /// <summary>{0}: the longest name allowed.</summary>
    public const string UploadBadName = "Platform.Upload.BadName";
    /// <summary>{0}: the size allowed, in MB.</summary>
    public const string UploadTooLarge = "Platform.Upload.TooLarge";

    // What the deep check of the upload guard refuses (UploadInspector), and a virus scanner that cannot answer.
    public const string UploadPdfJavaScript = "Platform.Upload.PdfJavaScript";
    public const string UploadPdfLaunch = "Platform.Upload.PdfLaunch";
    public const string UploadPdfEmbeddedFile = "Platform.Upload.PdfEmbeddedFile";
    public const string UploadPdfRichMedia = "Platform.Upload.PdfRichMedia";
    public const string UploadPdfForeignPayload = "Platform.Upload.PdfForeignPayload";
    public const string UploadPdfTrailingData = "Platform.Upload.PdfTrailingData";
    public const string UploadPdfMalformed = "Platform.Upload.PdfMalformed";
    public const string UploadOfficeMacro = "Platform.Upload.OfficeMacro";
    public const string UploadOfficeEmbeddedObject = "Platform.Upload.OfficeEmbeddedObject";
    public const string UploadOfficeExternalLink = "Platform.Upload.OfficeExternalLink";
    public const string UploadOfficeTooLarge = "Platform.Upload.OfficeTooLarge";
    public const string UploadOfficeMalformed = "Platform.Upload.OfficeMalformed";
    public const string UploadImageBroken = "Platform.Upload.ImageBroken";
    public const string UploadScanUnavailable = "Platform.Upload.ScanUnavailable";
}
