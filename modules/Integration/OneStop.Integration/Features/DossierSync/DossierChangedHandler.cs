using OneStop.Counters.Contracts;
using OneStop.Integration.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.Webhooks;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Messaging;

namespace OneStop.Integration.Features.DossierSync;

/// <summary>
/// Every dossier transition goes out in the same unit of work: to the National Public Service Portal (đồng bộ trạng
/// thái hồ sơ — the 766 index scores the share synced in real time) and to third parties' webhooks. Delivery is
/// at least once with the event id as idempotency key, in order per dossier.
/// </summary>
internal sealed class DossierChangedHandler(IntegrationDbContext db, TimeProvider clock) : IIntegrationEventHandler<DossierChanged>
{
    public const string PortalDestination = "portal";
    public const string PortalStatusKind = "dossier-statuses";
    public const string PortalSupplementKind = "supplement-requests";

    /// <summary>
    /// A status reaching the portal within this time counts as synced in real time (766 indicator 1.3). The decision
    /// gives no figure; 15 minutes leaves room for the retries of a portal hiccup, not for an outage.
    /// </summary>
    public static readonly TimeSpan InTime = TimeSpan.FromMinutes(15);

    public async Task HandleAsync(DossierChanged e, CancellationToken ct)
    {
        var d = e.Dossier;
        var now = clock.GetUtcNow();
        var payload = new
        {
            dossierCode = d.Code, status = d.Status, transition = e.Transition, procedureCode = d.ProcedureCode, channel = d.Channel,
            receivedAt = d.ReceivedAt, dueAt = d.DueAt, resolvedAt = d.ResolvedAt, returnedAt = d.ReturnedAt, occurredAt = e.OccurredAt,
            reason = e.Reason,
        };
        OutgoingQueue.Enqueue(db, PortalDestination, PortalStatusKind, $"{d.Code}:{e.EventId}", d.Code, payload, now, (d.ReceivingUnitId, d.ReceivingUnitPath), now + InTime);
        if (e.Transition == DossierTransitions.SupplementRequested)
        {
            // Yêu cầu bổ sung (Mẫu 02) for the citizen on the portal, after the status and before anything later, with the
            // components the desk ticked (document-type codes of the procedure; null when it named none).
            OutgoingQueue.Enqueue(db, PortalDestination, PortalSupplementKind, $"{d.Code}:{e.EventId}:supplement", d.Code,
                new { dossierCode = d.Code, reason = e.Reason, requestedAt = e.OccurredAt, componentsAsked = e.ComponentsAsked },
                now, (d.ReceivingUnitId, d.ReceivingUnitPath));
        }
        await Features.Webhooks.Webhooks.PublishAsync(db, WebhookEventTypes.DossierStatusChanged, d.ReceivingUnitPath, d.Code, payload, now, ct);
        if (e.Transition == DossierTransitions.Resolved)
        {
            await Features.Webhooks.Webhooks.PublishAsync(db, WebhookEventTypes.ResultReady, d.ReceivingUnitPath, d.Code,
                new { dossierCode = d.Code, procedureCode = d.ProcedureCode, resolvedAt = d.ResolvedAt, returnMethod = d.ReturnMethod }, now, ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
