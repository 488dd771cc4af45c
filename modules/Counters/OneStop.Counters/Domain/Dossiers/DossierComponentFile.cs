using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// A file of a dossier's component (tệp đính kèm thành phần hồ sơ), stored in the kernel's blob store after the upload
/// guard passed it: the files a citizen attached on the national portal or on the province's portal (<see cref="Sources"/>). Scoped to the
/// dossier's receiving unit like the dossier.
/// </summary>
internal sealed class DossierComponentFile : Entity, IUnitScoped
{
    public Guid DossierId { get; set; }
    public string DocumentTypeCode { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    /// <summary>The blob's key (SHA-256 of the bytes), declared to the orphan job in CountersModule.</summary>
    public string BlobKey { get; set; } = "";
    public long Length { get; set; }
    public string Source { get; set; } = Sources.NationalPortal;
    public DateTimeOffset AddedAt { get; set; }
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";

    /// <summary>A file stored for <paramref name="dossier"/>, in the dossier's unit like the dossier.</summary>
    public static DossierComponentFile Of(
        Dossier dossier, string documentTypeCode, string fileName, string contentType, string blobKey, long length, string source, DateTimeOffset at) => new()
    {
        DossierId = dossier.Id, DocumentTypeCode = documentTypeCode, FileName = fileName, ContentType = contentType, BlobKey = blobKey, Length = length,
        Source = source, AddedAt = at, UnitId = dossier.UnitId, UnitPath = dossier.UnitPath,
    };

    public static class Sources
    {
        /// <summary>Attached by the applicant on Cổng Dịch vụ công quốc gia.</summary>
        public const string NationalPortal = "NATIONAL_PORTAL";
        /// <summary>Uploaded by the applicant on the province's own portal (ADR 0049).</summary>
        public const string CitizenPortal = "CITIZEN_PORTAL";
    }
}
