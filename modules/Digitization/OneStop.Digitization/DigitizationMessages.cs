namespace OneStop.Digitization;

/// <summary>Message codes of Digitization that are not API error codes (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class DigitizationMessages
{
    public const string FileMissing = "Digitization.Upload.FileMissing";
    public const string PlaceInvalid = "Digitization.Upload.PlaceInvalid";
    public const string KindInvalid = "Digitization.Upload.KindInvalid";
    public const string NameRequired = "Digitization.Upload.NameRequired";
    public const string TypeCodeRequired = "Digitization.Upload.TypeCodeRequired";
    public const string ApplicantNameRequired = "Digitization.Upload.ApplicantNameRequired";
    /// <summary>A dossier code typed on a free upload that is not in the reader's scope.</summary>
    public const string DossierCodeNotFound = "Digitization.Upload.DossierCodeNotFound";
    public const string RetentionOutOfRange = "Digitization.Archive.RetentionOutOfRange";
    public const string DossierArchived = "Digitization.Archive.DossierArchived";
    /// <summary>Something archived was about to change (the context refuses it whoever asks).</summary>
    public const string ArchivedReadOnly = "Digitization.Archive.ReadOnly";
    public const string NotResolved = "Digitization.Archive.NotResolved";
    public const string PurposeRequired = "Digitization.DataStore.PurposeRequired";
    public const string OwnerUnitUnknown = "Digitization.Signing.OwnerUnitUnknown";
    public const string StoredFileMissing = "Digitization.Signing.StoredFileMissing";
    public const string PdfUnreadable = "Digitization.Signing.PdfUnreadable";
    public const string ImageNotConvertible = "Digitization.Signing.ImageNotConvertible";
    public const string NotSigned = "Digitization.Signing.NotSigned";
    public const string ByteRangeInvalid = "Digitization.Signing.ByteRangeInvalid";
    public const string SignatureUnreadable = "Digitization.Signing.SignatureUnreadable";
    public const string ContentChanged = "Digitization.Signing.ContentChanged";
    public const string ContentAppended = "Digitization.Signing.ContentAppended";
    public const string DiffersFromRegistered = "Digitization.Verify.DiffersFromRegistered";
    public const string VerifyFileRequired = "Digitization.Verify.FileRequired";
    public const string PeriodInvalid = "Digitization.Kpi.PeriodInvalid";
    /// <summary>A drill-down row's note: {0} signed electronic copies.</summary>
    public const string KpiCopiesSigned = "Digitization.Kpi.CopiesSigned";
    public const string KpiNoCopies = "Digitization.Kpi.NoCopies";
    /// <summary>A drill-down row's note: {0} of the dossier's {1} components not asked again.</summary>
    public const string KpiReused = "Digitization.Kpi.Reused";
    /// <summary>A line of the results register behind the "results digitised" KPI: issuing body, issue day, valid until.</summary>
    public const string KpiResultLine = "Digitization.Kpi.ResultLine";
    /// <summary>Hiệu lực: vô thời hạn.</summary>
    public const string NoExpiry = "Digitization.Results.NoExpiry";
    /// <summary>A 5.3 drill-down row of a commune: {0} certified copies in the period.</summary>
    public const string KpiCertified = "Digitization.Kpi.Certified";
    public const string KpiNoCertified = "Digitization.Kpi.NoCertified";
    public const string CertifySourceMissing = "Digitization.Certify.SourceMissing";
    public const string CertifyRequesterRequired = "Digitization.Certify.RequesterRequired";
    public const string CertifyDocumentRequired = "Digitization.Certify.DocumentRequired";
    public const string CertifyIssuerRequired = "Digitization.Certify.IssuerRequired";
    public const string CertifyPagesInvalid = "Digitization.Certify.PagesInvalid";
    public const string CertifyCopiesInvalid = "Digitization.Certify.CopiesInvalid";
    public const string CertifyOfficerRequired = "Digitization.Certify.OfficerRequired";
    public const string CertifyNoteTooLong = "Digitization.Certify.NoteTooLong";
    /// <summary>Flash after a certification: {0} its number, {1} the fee.</summary>
    public const string CertifyDone = "Digitization.Certify.Done";
}
