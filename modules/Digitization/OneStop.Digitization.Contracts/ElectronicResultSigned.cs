using OneStop.Platform;

namespace OneStop.Digitization.Contracts;

/// <summary>
/// A dossier's result (kết quả giải quyết TTHC điện tử) was signed with the unit's certificate: the signed PDF is in the
/// blob store under <see cref="SignedBlobKey"/> (its SHA-256). Integration sends it to the National Public Service
/// Portal after the dossier's earlier statuses (ADR 0051). <see cref="IntegrationEvent.UnitPath"/> is the document's unit.
/// </summary>
public sealed record ElectronicResultSigned(
    Guid DossierId,
    string DossierCode,
    Guid DocumentId,
    string Name,
    string FileName,
    string ContentType,
    string SignedBlobKey,
    long Length,
    DateTimeOffset SignedAt,
    /// <summary>The code under the QR: the public verification page finds the result by it.</summary>
    string VerificationCode) : IntegrationEvent
{
    /// <summary>A dossier's messages keep their order.</summary>
    public override string? OrderingKey => DossierId.ToString();
}
