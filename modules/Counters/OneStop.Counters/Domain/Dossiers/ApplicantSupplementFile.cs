using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// A file the applicant sent online to supplement a dossier (bổ sung hồ sơ trực tuyến, ADR 0050): accepted by the
/// kernel's upload guard, kept in the blob store under <see cref="BlobKey"/> (declared to the orphan job), owned by the
/// dossier's unit so its desk reads it in scope. Written in the same transaction as the "supplemented" transition.
/// </summary>
internal sealed class ApplicantSupplementFile : ScopedEntity
{
    public Guid DossierId { get; set; }
    public string BlobKey { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
