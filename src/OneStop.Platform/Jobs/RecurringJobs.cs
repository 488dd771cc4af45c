using System.Linq.Expressions;
using Hangfire;

namespace OneStop.Platform.Jobs;

/// <summary>
/// The one way to register a recurring job: every schedule is read in Vietnam time (zone <c>Asia/Ho_Chi_Minh</c>),
/// so "daily at 01:00" runs at 01:00 in the province, not at 01:00 UTC (08:00 in Vietnam), which is what Hangfire
/// does by default. Modules receive it in <c>ModuleBase.ConfigureJobs</c> and never spell a zone or a UTC hour
/// (ADR 0039).
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager manager)
{
    /// <summary>The IANA id Hangfire stores with each recurring job (and shows on <c>/jobs</c>).</summary>
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// Vietnam's zone: the system's tzdata entry when present, else UTC+7 under the same id (Vietnam has had no daylight
    /// saving since 1975, so both give the same schedule). <see cref="ZoneResolver"/> resolves the id to this zone on a
    /// host without tzdata, where Hangfire's own resolver would fail.
    /// </summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>Resolves <see cref="ZoneId"/> (and any other id the system knows) when Hangfire reads a job back.</summary>
    public static ITimeZoneResolver ZoneResolver { get; } = new VietnamZoneResolver();

    private readonly RecurringJobOptions _options = new() { TimeZone = Zone };

    /// <summary>Every day at <paramref name="hour"/>:<paramref name="minute"/> Vietnam time.</summary>
    public void Daily<T>(string id, Expression<Func<T, Task>> run, int hour, int minute = 0) =>
        Add(id, run, Cron.Daily(hour, minute));

    /// <summary>Every hour at <paramref name="minute"/> past.</summary>
    public void Hourly<T>(string id, Expression<Func<T, Task>> run, int minute = 0) => Add(id, run, Cron.Hourly(minute));

    /// <summary>Every <paramref name="minutes"/> minutes (a divisor of 60), from the full hour.</summary>
    public void EveryMinutes<T>(string id, Expression<Func<T, Task>> run, int minutes)
    {
        if (minutes is < 1 or > 59 || 60 % minutes != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "A divisor of 60 keeps the runs at the same minutes every hour.");
        }

        Add(id, run, $"*/{minutes} * * * *");
    }

    /// <summary>A cron expression read in Vietnam time ("0 1 * * 1" = Mondays at 01:00 in Vietnam).</summary>
    public void Add<T>(string id, Expression<Func<T, Task>> run, string cronInVietnamTime) =>
        manager.AddOrUpdate(id, run, cronInVietnamTime, _options);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, OneStop.Platform.Domain.VietnamTime.Offset, "Giờ Việt Nam (UTC+7)", "Giờ Việt Nam");
        }
    }

    private sealed class VietnamZoneResolver : ITimeZoneResolver
    {
        private static readonly DefaultTimeZoneResolver Default = new();

        public TimeZoneInfo GetTimeZoneById(string timeZoneId) =>
            timeZoneId == ZoneId ? Zone : Default.GetTimeZoneById(timeZoneId);
    }
}
