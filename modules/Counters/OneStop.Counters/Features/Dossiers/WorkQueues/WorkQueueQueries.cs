using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Features.Dossiers.WorkQueues;

/// <summary>
/// What waits for a person, by the same table that decides what they may do (DossierLifecycle): each queue is a stage
/// the person's permissions act on, at their unit or agency, or assigned to them. Soonest due first; overdue and
/// due-soon counted per queue by the open step's own clock where the internal process gives one, else the dossier's.
/// </summary>
internal sealed class WorkQueueQueries(CountersDbContext db, ICurrentScope scope, IPermissionChecker permissions, TimeProvider time)
{
    public const int FirstCount = 10;

    /// <param name="withItems">The page's view: overdue and due-soon counts and the first dossiers; without it the counts alone.</param>
    public async Task<IReadOnlyList<WorkQueue>> QueuesAsync(ClaimsPrincipal user, bool withItems, CancellationToken ct)
    {
        if (!withItems)
        {
            return await CountsAsync(user, ct);
        }

        var now = time.GetUtcNow();
        var soon = now + DossierQueries.DueSoonWindow;
        var queues = new List<WorkQueue>();
        foreach (var kind in WorkQueueKinds.All)
        {
            if (await QueryAsync(kind, user) is not { } query)
            {
                continue;
            }

            var count = await query.CountAsync(ct);
            if (count == 0)
            {
                queues.Add(new WorkQueue(kind, 0, 0, 0, []));
                continue;
            }

            var due = query.Select(d => new { d.Id, Due = d.Steps.Where(s => s.CompletedAt == null).Select(s => s.DueAt).FirstOrDefault() ?? d.DueAt, Stopped = d.ClockStoppedSince != null });
            var overdue = await due.CountAsync(x => !x.Stopped && x.Due != null && x.Due < now, ct);
            var dueSoon = await due.CountAsync(x => !x.Stopped && x.Due != null && x.Due >= now && x.Due < soon, ct);
            var first = (await query.OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt).ThenBy(d => d.Id).Take(FirstCount).ToListAsync(ct))
                .Select(d => DossierQueries.Item(d, now)).ToList();
            queues.Add(new WorkQueue(kind, count, overdue, dueSoon, first));
        }

        return queues;
    }

    /// <summary>
    /// The counts alone, for the menu on every page: the person's queues as one statement (each queue's dossiers tagged
    /// with its number, <c>UNION ALL</c>, counted per number), one round trip instead of one per queue.
    /// </summary>
    private async Task<IReadOnlyList<WorkQueue>> CountsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var kinds = new List<string>();
        IQueryable<int>? tagged = null;
        foreach (var kind in WorkQueueKinds.All)
        {
            if (await QueryAsync(kind, user) is not { } query)
            {
                continue;
            }

            var number = kinds.Count;
            kinds.Add(kind);
            var mine = query.Select(_ => number);
            tagged = tagged is null ? mine : tagged.Concat(mine);
        }

        if (tagged is null)
        {
            return [];
        }

        var counts = await tagged.GroupBy(n => n).Select(g => new { Number = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Number, x => x.Count, ct);
        return kinds.Select((kind, number) => new WorkQueue(kind, counts.GetValueOrDefault(number), 0, 0, [])).ToList();
    }

    /// <summary>The dossiers of one queue, or null when the person has no such queue (no permission, no agency).</summary>
    public async Task<IQueryable<Dossier>?> QueryAsync(string kind, ClaimsPrincipal user)
    {
        var unitId = scope.Unit.UnitId;
        var agency = scope.Unit.AgencyCode;
        var login = scope.ActorName;
        var dossiers = db.Dossiers.AsNoTracking();
        async Task<bool> May(string permission) => await permissions.IsGrantedAsync(user, permission);
        return kind switch
        {
            // The unit-wide queues belong to the unit's own people; an agency's officer has the agency's queue.
            WorkQueueKinds.ToReceive when agency is null && await May(CountersPermissions.DossiersReceive) =>
                dossiers.Where(d => d.Stage == DossierStatuses.New && d.UnitId == unitId),
            WorkQueueKinds.ToAssign when agency is null && await May(CountersPermissions.DossiersProcess) && await May(CountersPermissions.DossiersReceive) =>
                // Received here, or routed here from another unit (which clears the assignee).
                dossiers.Where(d => (d.Stage == DossierStatuses.Received || d.Stage == DossierStatuses.Processing) && d.CurrentUnitId == unitId && d.AssignedTo == null),
            WorkQueueKinds.ToProcess when await May(CountersPermissions.DossiersProcess) =>
                dossiers.Where(d => d.AssignedTo == login && (d.Stage == DossierStatuses.Received || d.Stage == DossierStatuses.Processing)),
            WorkQueueKinds.AtMyAgency when agency is not null && await May(CountersPermissions.DossiersProcess) =>
                dossiers.Where(d => d.Stage == DossierStages.AtAgency && d.CurrentAgencyCode == agency),
            WorkQueueKinds.ToApprove when agency is null && await May(CountersPermissions.DossiersApprove) =>
                dossiers.Where(d => d.Stage == DossierStages.AwaitingApproval && d.CurrentUnitId == unitId),
            WorkQueueKinds.ToReturn when agency is null && await May(CountersPermissions.DossiersReturn) =>
                dossiers.Where(d => d.Stage == DossierStatuses.Resolved && d.UnitId == unitId),
            _ => null,
        };
    }
}
