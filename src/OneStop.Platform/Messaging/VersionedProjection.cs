using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Messaging;

/// <summary>
/// The find-or-create-and-copy every projection does with a snapshot event, once: a projection never goes back in time,
/// so an event older than (or as old as) what the row holds is ignored, whatever order the events arrive in.
/// </summary>
public static class VersionedProjection
{
    /// <summary>
    /// The row to copy snapshot <paramref name="version"/> of <paramref name="id"/> into — found whatever the query
    /// filters (scope, soft delete), or made by <paramref name="create"/> and added — with its version set; null when
    /// the row already holds this version or a newer one.
    /// </summary>
    public static async Task<TRow?> ForSnapshotAsync<TRow>(this DbContext db, Guid id, long version, Func<TRow> create, CancellationToken ct)
        where TRow : class, IVersionedProjection
    {
        var row = db.Set<TRow>().Local.FirstOrDefault(r => r.Id == id)
            ?? await db.Set<TRow>().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            row = create();
            db.Add(row);
        }
        else if (row.Version >= version)
        {
            return null;
        }

        row.Version = version;
        return row;
    }
}
