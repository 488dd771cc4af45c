using OneStop.Counters.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Messaging;

namespace OneStop.Evaluation.Features.Satisfaction;

/// <summary>
/// Keeps <see cref="RatedDossier"/> from Counters' <see cref="DossierChanged"/> events (event-carried state): the kiosk
/// finds a dossier by its code without reading Counters' tables, and knows whether its result was returned. Never goes
/// back to an older snapshot.
/// </summary>
internal sealed class RatedDossierProjection(EvaluationDbContext db) : IIntegrationEventHandler<DossierChanged>
{
    public async Task HandleAsync(DossierChanged @event, CancellationToken cancellationToken)
    {
        var d = @event.Dossier;
        var row = await db.ForSnapshotAsync(d.Id, d.Version, () => new RatedDossier(d.Id), cancellationToken);
        if (row is null)
        {
            return; // it already holds a newer state
        }

        row.Code = d.Code;
        row.ProcedureName = d.ProcedureName.Length > 1000 ? d.ProcedureName[..1000] : d.ProcedureName;
        row.Channel = d.Channel;
        row.Status = d.Status;
        row.UnitId = d.ReceivingUnitId;
        row.UnitPath = d.ReceivingUnitPath;
        row.ResolvingUnitPath = d.ResolvingUnitPath;
        row.TicketId = d.TicketId;
        row.IdentityTail = d.ApplicantIdentity.Length >= 4 ? d.ApplicantIdentity[^4..] : d.ApplicantIdentity;
        row.ReceivedAt = d.ReceivedAt;
        row.ReturnedAt = d.ReturnedAt;
        await db.SaveChangesAsync(cancellationToken);
    }
}
