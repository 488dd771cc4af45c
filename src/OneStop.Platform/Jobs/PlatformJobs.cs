using Hangfire;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Jobs;

/// <summary>Recurring jobs of the kernel. Each is an idempotent scanner of database state: running twice does no harm.</summary>
public static class PlatformJobs
{
    public static void Configure(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<IdempotencyCleanupJob>("platform-idempotency-cleanup", j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        // A change set applied ahead of its date takes effect in the first minutes of that day: 00:05 in Vietnam (UTC+7,
        // no daylight saving) is 17:05 UTC the day before; Hangfire's cron runs in UTC.
        jobs.AddOrUpdate<OneStop.Platform.AdministrativeUnits.Reorganisations.Reorganiser>("platform-reorganisations-take-effect",
            r => r.TakeEffectDueAsync(CancellationToken.None), "5 17 * * *");
        // Blobs no row references, older than Blobs:OrphanGraceHours: 02:30 in Vietnam (19:30 UTC), ADR 0033.
        jobs.AddOrUpdate<OneStop.Platform.Storage.OrphanBlobs>("platform-orphan-blobs", o => o.RemoveOrphansAsync(CancellationToken.None), "30 19 * * *");
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
