using Hangfire;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Domain;

namespace OneStop.Platform.Jobs;

/// <summary>Recurring jobs of the kernel. Each is an idempotent scanner of database state: running twice does no harm.</summary>
public static class PlatformJobs
{
    public static void Configure(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<IdempotencyCleanupJob>("platform-idempotency-cleanup", j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        // A change set applied ahead of its date takes effect in the first minutes of that day: 00:05 in Vietnam.
        jobs.AddOrUpdate<OneStop.Platform.AdministrativeUnits.Reorganisations.Reorganiser>("platform-reorganisations-take-effect",
            r => r.TakeEffectDueAsync(CancellationToken.None), "5 0 * * *", InVietnam);
    }

    /// <summary>
    /// Options of a recurring job whose cron is read in Vietnam time (Hangfire reads cron in UTC otherwise): "0 1 * * *"
    /// then runs at 01:00 in Vietnam, whatever the server's own zone.
    /// </summary>
    public static RecurringJobOptions InVietnam => new() { TimeZone = VietnamZone };

    // A fixed UTC+7 zone of our own rather than "Asia/Ho_Chi_Minh": no tzdata needed on the server, the same since 1975.
    private static readonly TimeZoneInfo VietnamZone =
        TimeZoneInfo.CreateCustomTimeZone("Vietnam", OneStop.Platform.Domain.VietnamTime.Offset, "Giờ Việt Nam (UTC+7)", "Giờ Việt Nam (UTC+7)");
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
