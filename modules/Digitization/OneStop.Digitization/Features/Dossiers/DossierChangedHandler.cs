using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Archive;
using OneStop.Digitization.Features.Results;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;

namespace OneStop.Digitization.Features.Dossiers;

/// <summary>
/// Follows the dossier lifecycle (Counters' <see cref="DossierChanged"/>, through the inbox): on reception each
/// submitted component goes to the receiving desk's scan queue, and the components the data store could have supplied
/// are counted for the reuse KPI, with those not asked again (<see cref="NotAskedAgain"/>); on resolution the result is
/// queued and entered in the register of results issued (<see cref="ResultRegister"/>), at the competent resolving unit;
/// when the result is returned the dossier is archived; a refused, withdrawn or stopped dossier closes its open queue
/// items. A snapshot older than the record's is ignored.
/// </summary>
internal sealed class DossierChangedHandler(DigitizationDbContext db, ArchiveHandler archive, ResultRegister results, IConfiguration configuration)
    : IIntegrationEventHandler<DossierChanged>
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public async Task HandleAsync(DossierChanged @event, CancellationToken cancellationToken)
    {
        var s = @event.Dossier;
        var record = await db.ForSnapshotAsync(s.Id, s.Version, () => new DossierRecord(s.Id, s.ReceivingUnitId, s.ReceivingUnitPath), cancellationToken);
        if (record is null)
        {
            return; // the record holds a newer state: an older change is not replayed over it (only a retried dead letter comes this late)
        }

        record.Code = s.Code;
        record.ProcedureCode = s.ProcedureCode;
        record.ProcedureName = s.ProcedureName;
        record.ApplicantKind = s.ApplicantKind;
        record.ApplicantIdentity = s.ApplicantIdentity;
        record.ApplicantName = s.ApplicantName;
        record.Status = s.Status;
        record.ReceivedAt = s.ReceivedAt;
        record.ResolvedAt = s.ResolvedAt;
        record.ReturnedAt = s.ReturnedAt;
        record.ComponentCount = s.Components.Count;
        record.ReusedCount = s.Components.Count(c => c.Source != ComponentSources.Submitted);
        record.ApplicantVerified = s.ApplicantVerified;
        record.NotAskedCount = NotAskedAgain.Count(s);
        record.ResolvingUnitId = s.ResolvingUnitId;
        record.ResolvingUnitPath = s.ResolvingUnitPath;

        if (@event.Transition == DossierTransitions.Received || (s.Status == DossierStatuses.Received && record.ReusableCount == 0))
        {
            await QueueComponentsAsync(record, s, cancellationToken);
        }

        if (@event.Transition == DossierTransitions.Resolved)
        {
            await QueueAsync(record, DocumentKinds.Result, $"Kết quả: {s.ProcedureName}", ResultTypeCode(s.ProcedureCode), cancellationToken);
        }

        if (s.ResolvedAt is not null && (@event.Transition == DossierTransitions.Resolved || s.Status is DossierStatuses.Resolved or DossierStatuses.Returned))
        {
            await results.RecordResolvedAsync(record, s, cancellationToken);
        }

        if (DossierStatuses.Final.Contains(s.Status) && s.Status != DossierStatuses.Returned)
        {
            await foreach (var open in db.ScanQueue.IgnoreQueryFilters(Scope).Where(q => q.DossierId == s.Id && q.Status == QueueStatuses.Pending).AsAsyncEnumerable())
            {
                open.Cancel();
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        if (@event.Transition == DossierTransitions.Returned && configuration.GetValue("Digitization:Archive:OnReturn", true) && record.ArchivedAt is null)
        {
            await archive.ArchiveAsync(record.Id, null, cancellationToken);
        }
    }

    /// <summary>The document-type code a procedure's result carries in the data store (reused when another procedure asks for it).</summary>
    public static string ResultTypeCode(string procedureCode) => "KQ." + procedureCode;

    private async Task QueueComponentsAsync(DossierRecord record, DossierSnapshot s, CancellationToken ct)
    {
        foreach (var component in s.Components.Where(c => c.Source == ComponentSources.Submitted))
        {
            await QueueAsync(record, DocumentKinds.Component, component.Name, component.DocumentTypeCode, ct);
        }

        // Could the data store have supplied a component? Reused ones obviously could; for the others, a valid shared
        // document of the same type for the same applicant from another dossier.
        var day = DateOnly.FromDateTime((s.ReceivedAt ?? s.SubmittedAt).UtcDateTime);
        var submittedTypes = s.Components.Where(c => c.Source == ComponentSources.Submitted).Select(c => c.DocumentTypeCode).Distinct().ToList();
        var available = await db.Documents.IgnoreQueryFilters(Scope)
            .Where(d => !d.IsDeleted && d.SharedForReuse && d.ApplicantIdentity == s.ApplicantIdentity && submittedTypes.Contains(d.DocumentTypeCode)
                        && d.DossierId != s.Id && (d.ValidUntil == null || d.ValidUntil >= day))
            .Select(d => d.DocumentTypeCode).Distinct().ToListAsync(ct);
        record.ReusableCount = record.ReusedCount + s.Components.Count(c => c.Source == ComponentSources.Submitted && available.Contains(c.DocumentTypeCode));
    }

    private async Task QueueAsync(DossierRecord record, string kind, string name, string type, CancellationToken ct)
    {
        var exists = db.ScanQueue.Local.Any(q => q.DossierId == record.Id && q.Kind == kind && q.DocumentTypeCode == type && q.Name == name)
            || await db.ScanQueue.IgnoreQueryFilters(Scope).AnyAsync(q => q.DossierId == record.Id && q.Kind == kind && q.DocumentTypeCode == type && q.Name == name, ct);
        if (!exists)
        {
            db.ScanQueue.Add(new ScanQueueItem(record, kind, name, type));
        }
    }
}
