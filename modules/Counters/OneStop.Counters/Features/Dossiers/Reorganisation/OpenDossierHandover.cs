using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Messaging;

namespace OneStop.Counters.Features.Dossiers.Reorganisation;

/// <summary>
/// Counters' part in a reorganisation: every open dossier of a retired unit (owned, being resolved there, or held
/// there) goes to one successor, with its whole history; after a split, to the successor named in the applicant's
/// address, else the primary one, unless the admin chose otherwise in the preview. Closed dossiers keep their unit and
/// move with its archive.
/// </summary>
internal sealed class OpenDossierHandover(CountersDbContext db, TimeProvider clock) : IUnitSuccessionParticipant
{
    public async Task<IReadOnlyList<SuccessionImpact>> PreviewAsync(IReadOnlyList<UnitTransfer> transfers, CancellationToken ct)
    {
        var impacts = new List<SuccessionImpact>();
        foreach (var transfer in transfers)
        {
            var open = await OpenOf(transfer.PredecessorId)
                .Select(d => new { d.Id, d.Code, d.ApplicantName, d.ApplicantAddress, d.ProcedureName }).ToListAsync(ct);
            if (open.Count == 0)
            {
                continue;
            }

            var choices = transfer.Successors.Select(s => s.Code).ToList();
            var items = transfer.IsSplit
                ? open.Select(d =>
                {
                    var (target, reason) = transfer.TargetFor(d.ApplicantAddress);
                    return new SuccessionItem(d.Id, $"{d.Code} — {d.ApplicantName} — {d.ProcedureName}", target.Code, target.Name, reason, choices);
                }).ToList()
                : [];
            impacts.Add(new SuccessionImpact(transfer.PredecessorId, "Hồ sơ đang giải quyết", open.Count, items));
        }

        return impacts;
    }

    public async Task<int> ApplyAsync(IReadOnlyList<UnitTransfer> transfers, DateOnly effectiveOn, IReadOnlyDictionary<Guid, string> choices, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moved = 0;
        foreach (var transfer in transfers)
        {
            var dossiers = await OpenOf(transfer.PredecessorId).Include(d => d.History).ToListAsync(ct);
            foreach (var d in dossiers)
            {
                var (target, reason) = transfer.TargetFor(d.ApplicantAddress, choices.GetValueOrDefault(d.Id));
                d.HandToSuccessor(transfer.PredecessorId, target.Id, target.Name, target.Path,
                    $"{transfer.PredecessorName} thôi hiệu lực từ {effectiveOn:dd/MM/yyyy}; chuyển {target.Name} ({reason}).", now, "he-thong");
                db.Publish(d.Changed(DossierTransitions.HandedToSuccessor, d.Status, reason, "he-thong", now));
                moved++;
            }

            await db.SaveChangesAsync(ct);
        }

        return moved;
    }

    private IQueryable<Dossier> OpenOf(Guid unitId) => db.Dossiers.IgnoreQueryFilters()
        .Where(d => !DossierStatuses.Final.Contains(d.Status)
            && (d.UnitId == unitId || d.ResolvingUnitId == unitId || d.CurrentUnitId == unitId));
}
