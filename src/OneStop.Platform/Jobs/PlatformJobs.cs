using Hangfire;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Jobs;

/// <summary>Recurring jobs of the kernel. Each is an idempotent scanner of database state: running twice does no harm.</summary>
public static class PlatformJobs
{
    public static void Configure(RecurringJobs jobs)
    {
        jobs.Hourly<IdempotencyCleanupJob>("platform-idempotency-cleanup", j => j.RunAsync(CancellationToken.None));
        // A change set applied ahead of its date takes effect in the first minutes of that day (00:05 in Vietnam).
        jobs.Daily<OneStop.Platform.AdministrativeUnits.Reorganisations.Reorganiser>("platform-reorganisations-take-effect",
            r => r.TakeEffectDueAsync(CancellationToken.None), 0, 5);
        // Blobs no row references, older than Blobs:OrphanGraceHours: 02:30 in Vietnam, ADR 0033.
        jobs.Daily<OneStop.Platform.Storage.OrphanBlobs>("platform-orphan-blobs", o => o.RemoveOrphansAsync(CancellationToken.None), 2, 30);
    }
}

/// <summary>Idempotency keys protect retries for a day; older records are removed.</summary>
public sealed class IdempotencyCleanupJob(PlatformDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        return db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
