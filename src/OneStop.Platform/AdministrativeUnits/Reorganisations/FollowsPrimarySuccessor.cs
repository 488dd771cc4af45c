using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// A participant for rows a unit owns as its working set-up rather than its history (webhook subscriptions, queue
/// desks): they pass to the primary successor, which works with them from the date. History needs nothing: it follows
/// the archive's path.
/// </summary>
public sealed class FollowsPrimarySuccessor<TContext, TEntity>(TContext db, string what) : IUnitSuccessionParticipant
    where TContext : DbContext
    where TEntity : class, IUnitScoped
{
    public async Task<IReadOnlyList<SuccessionImpact>> PreviewAsync(IReadOnlyList<UnitTransfer> transfers, CancellationToken ct)
    {
        var ids = transfers.Select(t => t.PredecessorId).ToList();
        var counts = await db.Set<TEntity>().IgnoreQueryFilters().Where(e => ids.Contains(e.UnitId))
            .GroupBy(e => e.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.Select(c => new SuccessionImpact(c.Key, what, c.Count, [], OpenWork: false)).ToList();
    }

    public async Task<int> ApplyAsync(IReadOnlyList<UnitTransfer> transfers, DateOnly effectiveOn, IReadOnlyDictionary<Guid, string> choices, CancellationToken ct)
    {
        // One read for every retired unit of the change set (a province-wide one retires hundreds).
        var primaries = transfers.ToDictionary(t => t.PredecessorId, t => t.Primary);
        var ids = primaries.Keys.ToList();
        foreach (var row in await db.Set<TEntity>().IgnoreQueryFilters().Where(e => ids.Contains(e.UnitId)).ToListAsync(ct))
        {
            var primary = primaries[row.UnitId];
            (row.UnitId, row.UnitPath) = (primary.Id, primary.Path);
        }

        await db.SaveChangesAsync(ct);
        return 0; // set-up, not open work: the preview says how many
    }
}
