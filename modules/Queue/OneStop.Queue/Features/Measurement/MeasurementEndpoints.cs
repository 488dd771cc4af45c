using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features.Measurement;

internal static class StatsGroupings
{
    public const string Desk = "desk";
    public const string Counter = "counter";
    public const string Field = "field";
    public const string Day = "day";

    public static readonly string[] All = [Desk, Counter, Field, Day];
}

/// <summary>
/// Waiting and service times of one group. Averages are over the visits that were called (waiting) or served to the
/// end (service), in minutes with one decimal.
/// </summary>
internal sealed record StatsRow(string Key, string Label, int Tickets, int Called, int Served, int NoShows, double AverageWaitMinutes, double LongestWaitMinutes, double AverageServiceMinutes);

internal sealed record LiveDesk(Guid DeskId, string Code, string Name, int Waiting, int BeingServed, int OpenCounters, int Counters, double LongestWaitMinutes, double TodayAverageWaitMinutes, int TodayCalled);

/// <summary>Measurement over the visits in scope, computed set-based in SQL (GROUP BY over whole-second columns).</summary>
internal sealed class QueueStats(QueueDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<StatsRow>> StatsAsync(DateOnly from, DateOnly to, string by, CancellationToken ct)
    {
        var tickets = db.QueueTickets.AsNoTracking().Where(t => t.ServiceDate >= from && t.ServiceDate <= to);
        var rows = by switch
        {
            StatsGroupings.Counter => await Aggregate(tickets.Where(t => t.CounterId != null).GroupBy(t => t.CounterId!.Value), k => k.ToString(), ct),
            StatsGroupings.Field => await Aggregate(tickets.GroupBy(t => t.Field), k => k, ct),
            StatsGroupings.Day => await Aggregate(tickets.GroupBy(t => t.ServiceDate), k => k.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct),
            _ => await Aggregate(tickets.GroupBy(t => t.DeskId), k => k.ToString(), ct),
        };
        var labels = by switch
        {
            StatsGroupings.Counter => await db.QueueCounters.AsNoTracking()
                .Join(db.QueueDesks.AsNoTracking(), c => c.DeskId, d => d.Id, (c, d) => new { c.Id, Label = d.Name + " — " + c.Name })
                .ToDictionaryAsync(x => x.Id.ToString(), x => x.Label, ct),
            StatsGroupings.Desk => await db.QueueDesks.AsNoTracking().ToDictionaryAsync(d => d.Id.ToString(), d => d.Name, ct),
            _ => [],
        };
        return rows.Select(r => r with { Label = labels.GetValueOrDefault(r.Key, r.Key) }).OrderBy(r => r.Label, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<StatsRow>> Aggregate<TKey>(IQueryable<IGrouping<TKey, QueueTicket>> groups, Func<TKey, string> keyText, CancellationToken ct)
    {
        var rows = await groups.Select(g => new
        {
            g.Key,
            Tickets = g.Count(),
            Called = g.Count(t => t.WaitSeconds != null),
            Served = g.Count(t => t.ServiceSeconds != null),
            NoShows = g.Count(t => t.Status == QueueTicketStatuses.NoShow),
            AverageWait = g.Average(t => (double?)t.WaitSeconds),
            LongestWait = g.Max(t => t.WaitSeconds),
            AverageService = g.Average(t => (double?)t.ServiceSeconds),
        }).ToListAsync(ct);
        return rows.Select(r => new StatsRow(keyText(r.Key), keyText(r.Key), r.Tickets, r.Called, r.Served, r.NoShows,
            QueueTime.Minutes(r.AverageWait), QueueTime.Minutes(r.LongestWait), QueueTime.Minutes(r.AverageService))).ToList();
    }

    /// <summary>The leader's live board: queue length and the longest current wait per desk, today.</summary>
    public async Task<IReadOnlyList<LiveDesk>> LiveAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var day = QueueTime.DayOf(now);
        var desks = await db.QueueDesks.AsNoTracking().Include(d => d.Counters).OrderBy(d => d.UnitPath).ThenBy(d => d.Code).ToListAsync(ct);
        var today = await db.QueueTickets.AsNoTracking().Where(t => t.ServiceDate == day)
            .GroupBy(t => t.DeskId)
            .Select(g => new
            {
                DeskId = g.Key,
                Waiting = g.Count(t => t.Status == QueueTicketStatuses.Waiting),
                BeingServed = g.Count(t => t.Status == QueueTicketStatuses.Called || t.Status == QueueTicketStatuses.Serving),
                Called = g.Count(t => t.WaitSeconds != null),
                AverageWait = g.Average(t => (double?)t.WaitSeconds),
            }).ToListAsync(ct);
        // Oldest waiting ticket per desk (its issue time; the wait is still running).
        var oldest = (await db.QueueTickets.AsNoTracking().Where(t => t.ServiceDate == day && t.Status == QueueTicketStatuses.Waiting)
            .Select(t => new { t.DeskId, t.IssuedAt }).ToListAsync(ct))
            .GroupBy(t => t.DeskId).ToDictionary(g => g.Key, g => g.Min(t => t.IssuedAt));
        var byDesk = today.ToDictionary(t => t.DeskId);
        return desks.Select(d =>
        {
            var s = byDesk.GetValueOrDefault(d.Id);
            var longest = oldest.TryGetValue(d.Id, out var issued) ? (now - issued).TotalSeconds : 0;
            return new LiveDesk(d.Id, d.Code, d.Name, s?.Waiting ?? 0, s?.BeingServed ?? 0, d.Counters.Count(c => c.OfficerId != null), d.Counters.Count,
                QueueTime.Minutes(longest), QueueTime.Minutes(s?.AverageWait), s?.Called ?? 0);
        }).ToList();
    }

    public async Task<IReadOnlyList<WaitingTimeFigure>> WaitingTimeByUnitAsync(DateOnly from, DateOnly to, QueueKpiPeriod period, CancellationToken ct = default)
    {
        var called = db.QueueTickets.AsNoTracking().Where(t => t.ServiceDate >= from && t.ServiceDate <= to && t.WaitSeconds != null);
        var rows = period switch
        {
            QueueKpiPeriod.Day => await Figures(called.GroupBy(t => new KpiKey { UnitId = t.UnitId, UnitPath = t.UnitPath, Year = t.ServiceDate.Year, Month = t.ServiceDate.Month, Day = t.ServiceDate.Day }), ct),
            QueueKpiPeriod.Month => await Figures(called.GroupBy(t => new KpiKey { UnitId = t.UnitId, UnitPath = t.UnitPath, Year = t.ServiceDate.Year, Month = t.ServiceDate.Month, Day = 1 }), ct),
            _ => await Figures(called.GroupBy(t => new KpiKey { UnitId = t.UnitId, UnitPath = t.UnitPath, Year = from.Year, Month = from.Month, Day = from.Day }), ct),
        };
        return rows.OrderBy(r => r.UnitPath, StringComparer.Ordinal).ThenBy(r => r.PeriodStart).ToList();
    }

    private sealed class KpiKey
    {
        public Guid UnitId { get; init; }
        public string UnitPath { get; init; } = "";
        public int Year { get; init; }
        public int Month { get; init; }
        public int Day { get; init; }
    }

    private static async Task<List<WaitingTimeFigure>> Figures(IQueryable<IGrouping<KpiKey, QueueTicket>> groups, CancellationToken ct)
    {
        var rows = await groups.Select(g => new
        {
            g.Key,
            Visits = g.Count(),
            Wait = g.Average(t => (double)t.WaitSeconds!.Value),
            Service = g.Average(t => (double?)t.ServiceSeconds),
            Over = g.Count(t => t.WaitSeconds > 15 * 60),
        }).ToListAsync(ct);
        return rows.Select(r => new WaitingTimeFigure(r.Key.UnitId, r.Key.UnitPath, new DateOnly(r.Key.Year, r.Key.Month, r.Key.Day), r.Visits,
            Math.Round(r.Wait / 60.0, 2), r.Service is { } s ? Math.Round(s / 60.0, 2) : null, r.Over)).ToList();
    }
}

internal static class MeasurementEndpoints
{
    public static void Map(IEndpointRouteBuilder queue)
    {
        queue.MapGet("/stats", Stats).RequirePermission(QueuePermissions.Read)
            .WithSummary("Thời gian chờ (lấy số → gọi) và phục vụ (gọi → kết thúc) theo điểm phục vụ, quầy, lĩnh vực hoặc ngày");
        queue.MapGet("/live", Live).RequirePermission(QueuePermissions.Read)
            .WithSummary("Hàng đợi trực tiếp: số người chờ và thời gian chờ lâu nhất của từng điểm phục vụ hôm nay");
        queue.MapGet("/kpi/waiting-time", Kpi).RequirePermission(QueuePermissions.Read)
            .WithSummary("Chỉ tiêu thời gian chờ trung bình theo đơn vị và kỳ (range, day, month)");
    }

    private static async Task<Results<Ok<IReadOnlyList<StatsRow>>, ProblemHttpResult>> Stats(QueueStats stats, TimeProvider clock, DateOnly? from, DateOnly? to, string? by, CancellationToken ct)
    {
        var today = QueueTime.DayOf(clock.GetUtcNow());
        var grouping = by ?? StatsGroupings.Desk;
        if (!StatsGroupings.All.Contains(grouping) || (from ?? today) > (to ?? today))
        {
            return QueueProblems.Problem(PlatformErrorCodes.ValidationFailed, QueueMessages.MeasurementParametersInvalid, 400);
        }

        return TypedResults.Ok(await stats.StatsAsync(from ?? today, to ?? today, grouping, ct));
    }

    private static async Task<Ok<IReadOnlyList<LiveDesk>>> Live(QueueStats stats, CancellationToken ct) => TypedResults.Ok(await stats.LiveAsync(ct));

    private static async Task<Results<Ok<IReadOnlyList<WaitingTimeFigure>>, ProblemHttpResult>> Kpi(QueueStats stats, DateOnly from, DateOnly to, QueueKpiPeriod? period, CancellationToken ct) =>
        from > to
            ? QueueProblems.Problem(PlatformErrorCodes.ValidationFailed, QueueMessages.MeasurementFromAfterTo, 400)
            : TypedResults.Ok(await stats.WaitingTimeByUnitAsync(from, to, period ?? QueueKpiPeriod.Range, ct));
}
