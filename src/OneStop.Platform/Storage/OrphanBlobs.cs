using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Platform.Storage;

/// <summary>
/// Removes blobs no row references: right away for the blobs of a refused or failed request, and in the recurring
/// job <c>platform-orphan-blobs</c> for every blob older than <c>Blobs:OrphanGraceHours</c> (48) that no module's
/// <see cref="IBlobReferences"/> claims — what a crash between storing a file and saving its row leaves, and the
/// previews of imports never applied. Staged files older than the grace period (an upload cut off mid-way) go too.
/// </summary>
public sealed class OrphanBlobs(IBlobStore store, IServiceScopeFactory scopes, IOptions<BlobStorageOptions> options, TimeProvider clock, ILogger<OrphanBlobs> logger)
{
    private const int Batch = 500;

    /// <summary>Deletes those of <paramref name="keys"/> no row references; returns how many.</summary>
    public async Task<int> DeleteUnreferencedAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var references in scope.ServiceProvider.GetServices<IBlobReferences>())
        {
            referenced.UnionWith(await references.ReferencedAsync(keys, ct));
        }

        var deleted = 0;
        foreach (var key in keys.Where(k => !referenced.Contains(k)))
        {
            await store.DeleteAsync(key, ct);
            deleted++;
        }

        return deleted;
    }

    /// <summary>One round of the recurring job; returns the number of blobs removed.</summary>
    public async Task<int> RemoveOrphansAsync(CancellationToken ct)
    {
        using (var scope = scopes.CreateScope())
        {
            if (!scope.ServiceProvider.GetServices<IBlobReferences>().Any())
            {
                // Without a single provider every blob would look like an orphan: do nothing rather than everything.
                logger.LogWarning("No module registers its blob references; orphan blobs are not removed");
                return 0;
            }
        }

        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(Math.Max(1, options.Value.OrphanGraceHours));
        RemoveStaleStaging(cutoff);
        var removed = 0;
        var batch = new List<string>(Batch);
        await foreach (var blob in store.ListAsync(ct))
        {
            if (blob.LastWritten < cutoff)
            {
                batch.Add(blob.Key);
            }

            if (batch.Count == Batch)
            {
                removed += await DeleteUnreferencedAsync(batch.ToList(), ct);
                batch.Clear();
            }
        }

        removed += await DeleteUnreferencedAsync(batch, ct);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} orphan blobs older than {Cutoff}", removed, cutoff);
        }

        return removed;
    }

    private void RemoveStaleStaging(DateTimeOffset cutoff)
    {
        if (!Directory.Exists(store.StagingDirectory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(store.StagingDirectory))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime)
                {
                    File.Delete(file);
                }
            }
            catch (IOException)
            {
                // In use or gone meanwhile.
            }
        }
    }
}
