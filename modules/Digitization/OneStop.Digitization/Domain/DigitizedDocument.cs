using OneStop.Digitization.Contracts;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Domain;

internal static class DocumentKinds
{
    /// <summary>Thành phần hồ sơ.</summary>
    public const string Component = "COMPONENT";
    /// <summary>Kết quả giải quyết TTHC.</summary>
    public const string Result = "RESULT";

    public static readonly string[] All = [Component, Result];
}

/// <summary>Where the document was digitised (nơi số hóa).</summary>
internal static class DigitizationPlaces
{
    public const string Desk = "DESK";      // Bộ phận Một cửa
    public const string Postal = "POSTAL";  // nhân viên bưu chính
    public const string Agency = "AGENCY";  // cơ quan giải quyết (kết quả)

    public static readonly string[] All = [Desk, Postal, Agency];
}

/// <summary>
/// Một tài liệu số hóa: a dossier component or result, scanned or uploaded, in the blob store by its SHA-256. Part of
/// the applicant's data store (indexed by CCCD or enterprise code) unless withheld from reuse. Once archived it is
/// immutable: the context refuses any change (see <see cref="Infrastructure.DigitizationDbContext"/>).
/// </summary>
internal sealed class DigitizedDocument : ScopedEntity
{
    private DigitizedDocument() { }

    public DigitizedDocument(string kind, DossierRef dossier, string name, string documentTypeCode, string digitizedCode, DateOnly? validUntil,
        string blobKey, string contentType, long size, string fileName, string place, Guid? deskId, string? deskName)
    {
        Kind = kind;
        DossierId = dossier.Id;
        DossierCode = dossier.Code;
        ProcedureCode = dossier.ProcedureCode;
        ApplicantKind = dossier.ApplicantKind;
        ApplicantIdentity = dossier.ApplicantIdentity;
        ApplicantName = dossier.ApplicantName;
        Name = name;
        DocumentTypeCode = documentTypeCode;
        DigitizedCode = digitizedCode;
        ValidUntil = validUntil;
        BlobKey = blobKey;
        ContentType = contentType;
        Size = size;
        FileName = fileName;
        Place = place;
        DeskId = deskId;
        DeskName = deskName;
    }

    public string Kind { get; private set; } = "";
    public Guid? DossierId { get; private set; }
    public string? DossierCode { get; private set; }
    public string? ProcedureCode { get; private set; }
    public string ApplicantKind { get; private set; } = "";
    /// <summary>CCCD (12 digits) or enterprise code: the key of the data store.</summary>
    public string ApplicantIdentity { get; private set; } = "";
    public string ApplicantName { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>Mã loại giấy tờ, as in the procedure catalogue's components.</summary>
    public string DocumentTypeCode { get; private set; } = "";
    /// <summary>Mã số hóa: unique code printed on the copy.</summary>
    public string DigitizedCode { get; private set; } = "";
    /// <summary>Hiệu lực: valid until this date; <c>null</c> is permanent (vô thời hạn).</summary>
    public DateOnly? ValidUntil { get; private set; }
    /// <summary>SHA-256 of the file as digitised.</summary>
    public string BlobKey { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    /// <summary>The uploaded name, for display only (never a path).</summary>
    public string FileName { get; private set; } = "";
    public string Place { get; private set; } = "";
    public Guid? DeskId { get; private set; }
    public string? DeskName { get; private set; }
    /// <summary>Offered for reuse at later intakes (kho dữ liệu); the applicant may ask to withhold it.</summary>
    public bool SharedForReuse { get; private set; } = true;

    public string? SignedBlobKey { get; private set; }
    public long? SignedSize { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public string? SignerSubject { get; private set; }
    public string? SignerIssuer { get; private set; }
    public string? CertificateSerial { get; private set; }
    public DateTimeOffset? CertificateNotAfter { get; private set; }
    /// <summary>Public code in the QR printed on the signed copy; opens the verification page without login.</summary>
    public string? VerificationCode { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }
    public Guid? ArchiveId { get; private set; }

    public bool IsSigned => SignedBlobKey is not null;
    public string CurrentBlobKey => SignedBlobKey ?? BlobKey;
    public bool IsValidOn(DateOnly day) => ValidUntil is null || ValidUntil >= day;

    public void Sign(SignedFile signed, string actor, string verificationCode)
    {
        EnsureNotArchived();
        if (IsSigned)
        {
            throw new PlatformException(DigitizationErrorCodes.AlreadySigned, 409);
        }

        SignedBlobKey = signed.BlobKey;
        SignedSize = signed.Size;
        SignedAt = signed.SignedAt;
        SignerSubject = signed.Subject;
        SignerIssuer = signed.Issuer;
        CertificateSerial = signed.Serial;
        CertificateNotAfter = signed.NotAfter;
        SignedBy = actor;
        VerificationCode = verificationCode;
    }

    public void SetSharing(bool shared)
    {
        EnsureNotArchived();
        SharedForReuse = shared;
    }

    public void MarkArchived(Guid archiveId, DateTimeOffset at)
    {
        EnsureNotArchived();
        ArchiveId = archiveId;
        ArchivedAt = at;
    }

    public void EnsureNotArchived()
    {
        if (ArchivedAt is not null)
        {
            throw new PlatformException(DigitizationErrorCodes.Archived, 409);
        }
    }
}

/// <summary>The dossier a document belongs to, as the module knows it (from events, or typed in for a free upload).</summary>
internal sealed record DossierRef(Guid? Id, string? Code, string? ProcedureCode, string ApplicantKind, string ApplicantIdentity, string ApplicantName);

internal sealed record SignedFile(string BlobKey, long Size, DateTimeOffset SignedAt, string Subject, string Issuer, string Serial, DateTimeOffset NotAfter);

internal static class QueueStatuses
{
    public const string Pending = "PENDING";
    public const string Done = "DONE";
    public const string Cancelled = "CANCELLED";
}

/// <summary>
/// Hàng đợi số hóa: one component to scan at reception or one result to digitise at resolution, for the receiving
/// unit's desk. Created from <c>DossierChanged</c> events; closed when the document is uploaded.
/// </summary>
internal sealed class ScanQueueItem : ScopedEntity
{
    private ScanQueueItem() { }

    public ScanQueueItem(DossierRecord dossier, string kind, string name, string documentTypeCode)
    {
        UnitId = dossier.UnitId;
        UnitPath = dossier.UnitPath;
        DossierId = dossier.Id;
        DossierCode = dossier.Code;
        ProcedureCode = dossier.ProcedureCode;
        ApplicantName = dossier.ApplicantName;
        Kind = kind;
        Name = name;
        DocumentTypeCode = documentTypeCode;
        Status = QueueStatuses.Pending;
    }

    public Guid DossierId { get; private set; }
    public string DossierCode { get; private set; } = "";
    public string ProcedureCode { get; private set; } = "";
    public string ApplicantName { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string DocumentTypeCode { get; private set; } = "";
    public string Status { get; private set; } = "";
    public Guid? DocumentId { get; private set; }

    public void Complete(Guid documentId)
    {
        if (Status != QueueStatuses.Pending)
        {
            throw new PlatformException(DigitizationErrorCodes.QueueItemClosed, 409);
        }

        Status = QueueStatuses.Done;
        DocumentId = documentId;
    }

    public void Cancel()
    {
        if (Status == QueueStatuses.Pending)
        {
            Status = QueueStatuses.Cancelled;
        }
    }
}

/// <summary>
/// The module's copy of a dossier (event-carried state from Counters): what it needs for the scan queue, archiving and
/// the KPI sources. Owned by the receiving unit, where the desk scans and returns.
/// </summary>
internal sealed class DossierRecord : ScopedEntity, IVersionedProjection
{
    private DossierRecord() { }

    public DossierRecord(Guid id, Guid unitId, string unitPath)
    {
        Id = id;
        UnitId = unitId;
        UnitPath = unitPath;
    }

    /// <summary>The snapshot version copied in (<see cref="OneStop.Counters.Contracts.DossierSnapshot.Version"/>).</summary>
    public long Version { get; set; }

    public string Code { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string ProcedureName { get; set; } = "";
    public string ApplicantKind { get; set; } = "";
    public string ApplicantIdentity { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public int ComponentCount { get; set; }
    /// <summary>Components reused from the data store (not asked again).</summary>
    public int ReusedCount { get; set; }
    /// <summary>Components the data store could supply at reception (reused or not).</summary>
    public int ReusableCount { get; set; }
    /// <summary>The applicant's identity was checked against the National Population Database (Cơ sở dữ liệu quốc gia về dân cư) at intake.</summary>
    public bool ApplicantVerified { get; set; }
    /// <summary>
    /// Components the applicant did not have to hand in because the system already held them (<see cref="NotAskedAgain"/>):
    /// the numerator of "không phải cung cấp lại"; <see cref="ComponentCount"/> is its denominator.
    /// </summary>
    public int NotAskedCount { get; set; }
    /// <summary>The competent unit resolving the dossier, which issues its result (cấp có thẩm quyền giải quyết).</summary>
    public Guid ResolvingUnitId { get; set; }
    public string ResolvingUnitPath { get; set; } = "";
    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>A one-stop desk (agency of the platform) running the digitisation process (quy trình số hóa).</summary>
internal sealed class DigitizationDesk : ScopedEntity
{
    private DigitizationDesk() { }

    public DigitizationDesk(Guid agencyId, string agencyCode, string agencyName, Guid unitId, string unitPath)
    {
        AgencyId = agencyId;
        AgencyCode = agencyCode;
        AgencyName = agencyName;
        UnitId = unitId;
        UnitPath = unitPath;
    }

    public Guid AgencyId { get; private set; }
    public string AgencyCode { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public bool Enabled { get; private set; }
    public DateTimeOffset? EnabledSince { get; private set; }

    public void Switch(bool enabled, DateTimeOffset at)
    {
        EnabledSince = enabled ? Enabled ? EnabledSince : at : null;
        Enabled = enabled;
    }
}

/// <summary>
/// Hồ sơ lưu trữ điện tử: a dossier with its documents, archived with a retention period. The manifest hash covers
/// every document's SHA-256 so a later change of any file would show.
/// </summary>
internal sealed class ArchiveRecord : ScopedEntity
{
    private ArchiveRecord() { }

    public ArchiveRecord(DossierRecord dossier, int? retentionYears, DateTimeOffset at, int documentCount, string manifestSha256)
    {
        UnitId = dossier.UnitId;
        UnitPath = dossier.UnitPath;
        DossierId = dossier.Id;
        DossierCode = dossier.Code;
        ApplicantIdentity = dossier.ApplicantIdentity;
        ArchivedAt = at;
        RetentionYears = retentionYears;
        RetainUntil = retentionYears is { } years ? DateOnly.FromDateTime(at.UtcDateTime).AddYears(years) : null;
        DocumentCount = documentCount;
        ManifestSha256 = manifestSha256;
    }

    public Guid DossierId { get; private set; }
    public string DossierCode { get; private set; } = "";
    public string ApplicantIdentity { get; private set; } = "";
    public DateTimeOffset ArchivedAt { get; private set; }
    /// <summary>Thời hạn bảo quản in years; <c>null</c> is permanent (vĩnh viễn).</summary>
    public int? RetentionYears { get; private set; }
    public DateOnly? RetainUntil { get; private set; }
    public int DocumentCount { get; private set; }
    public string ManifestSha256 { get; private set; } = "";
}

/// <summary>
/// The applicant's consent (đồng ý) to reuse and share their documents, given to one unit: a record is for
/// (identity, unit that asked) and takes effect from <see cref="EffectiveFrom"/>. The record in force for a pair is the
/// latest one already in effect (history kept, nothing overwritten); one unit's record never decides for another unit
/// (ADR 0035).
/// </summary>
internal sealed class ApplicantConsent : ScopedEntity
{
    private ApplicantConsent() { }

    public ApplicantConsent(string applicantIdentity, bool granted, string purpose, DateTimeOffset effectiveFrom)
    {
        ApplicantIdentity = applicantIdentity;
        Granted = granted;
        Purpose = purpose;
        EffectiveFrom = effectiveFrom;
    }

    public string ApplicantIdentity { get; private set; } = "";
    /// <summary><c>true</c>: đồng ý chia sẻ, tái sử dụng; <c>false</c>: từ chối or rút đồng ý.</summary>
    public bool Granted { get; private set; }
    public string Purpose { get; private set; } = "";
    /// <summary>Hiệu lực từ: the record decides for its (identity, unit) from this instant on.</summary>
    public DateTimeOffset EffectiveFrom { get; private set; }
}

/// <summary>Nhật ký truy cập: who read which applicant's data store, for what, how many documents.</summary>
internal sealed class DataAccessEntry : ScopedEntity
{
    private DataAccessEntry() { }

    public DataAccessEntry(string applicantIdentity, string purpose, int documentCount)
    {
        ApplicantIdentity = applicantIdentity;
        Purpose = purpose;
        DocumentCount = documentCount;
    }

    public string ApplicantIdentity { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public int DocumentCount { get; private set; }
}

internal static class AccessPurposes
{
    public const string IntakeReuse = "INTAKE_REUSE";
    public const string DataStoreView = "DATA_STORE_VIEW";
    public const string Download = "DOWNLOAD";
}
