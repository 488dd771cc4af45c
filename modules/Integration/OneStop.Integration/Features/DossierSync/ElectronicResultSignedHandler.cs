using OneStop.Digitization.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Messaging;

namespace OneStop.Integration.Features.DossierSync;

/// <summary>
/// Trả kết quả điện tử: a dossier's signed result goes to the National Public Service Portal through the outgoing queue,
/// under the dossier's ordering key, so it follows the statuses queued before it and the portal applies it once (the
/// document id in the idempotency key). The message names the blob; the delivery reads the bytes when it sends them,
/// so the queue's rows stay small.
/// </summary>
internal sealed class ElectronicResultSignedHandler(IntegrationDbContext db, TimeProvider clock) : IIntegrationEventHandler<ElectronicResultSigned>
{
    public const string PortalResultKind = "electronic-results";

    public async Task HandleAsync(ElectronicResultSigned e, CancellationToken ct)
    {
        var payload = new PortalResultPayload(e.DossierCode, e.Name, e.FileName, e.ContentType, e.SignedBlobKey, e.Length, e.SignedAt, e.VerificationCode);
        OutgoingQueue.Enqueue(db, DossierChangedHandler.PortalDestination, PortalResultKind, $"{e.DossierCode}:result:{e.DocumentId}", e.DossierCode, payload,
            clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The result message as queued; <see cref="Sha256"/> is the blob's key, the bytes are added at sending.</summary>
internal sealed record PortalResultPayload(
    string DossierCode, string Name, string FileName, string ContentType, string Sha256, long Length, DateTimeOffset SignedAt, string VerificationCode);
