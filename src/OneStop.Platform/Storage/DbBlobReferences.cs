using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Storage;

/// <summary>Blob keys referenced by the columns a module names (each a query of its DbContext), in every unit.</summary>
internal sealed class DbBlobReferences<TContext>(TContext db, IReadOnlyList<Func<TContext, IQueryable<string?>>> columns) : IBlobReferences
    where TContext : DbContext
{
    public async Task<IReadOnlyCollection<string>> ReferencedAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var wanted = keys.ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var hits = await column(db).Where(k => k != null).Select(k => k!).IgnoreQueryFilters().Where(k => wanted.Contains(k)).Distinct().ToListAsync(ct);
            found.UnionWith(hits);
        }

        return found;
    }
}
