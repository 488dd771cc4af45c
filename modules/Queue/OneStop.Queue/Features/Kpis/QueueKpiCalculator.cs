using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.Kpis;

namespace OneStop.Queue.Features.Kpis;

/// <summary>
/// The plan's queue targets, from the visits (phiếu thứ tự) of each desk's unit by service day: average waiting time
/// (issue → first call) over the visits called, and average reception and processing time at the counter (first call →
/// end of service) over the visits served to the end. Measure <c>average</c>: the numerator is the minutes (each
/// visit's seconds to the hundredth of a minute, so every sum up the unit tree is exact), the denominator the visits;
/// lower is better. The same whole-second columns as the queue's own measurement (<c>QueueStats.WaitingTimeByUnitAsync</c>), summed
/// here instead of averaged so the engine can roll units up.
/// </summary>
internal sealed class QueueKpiCalculator(QueueDbContext db) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    /// <summary>The plan's yardsticks for the drill-down (a visit over them is listed first): ≤15 min wait, 30 min per dossier.</summary>
    private const int WaitLimitSeconds = 15 * 60;
    private const int ServiceLimitSeconds = 30 * 60;

    public IReadOnlyCollection<string> KpiCodes { get; } = [QueueKpiCodes.WaitingTime, QueueKpiCodes.ProcessingTimePerDossier];

    /// <summary>A period is the sum of its service days (the measure adds up over visits, so over days too).</summary>
    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default) =>
        (await ComputeDaysAsync(period.Start, period.End, ct)).SelectMany(d => d.Rows)
            .GroupBy(r => (r.KpiCode, r.UnitId, r.UnitPath))
            .Select(g => new KpiRow(g.Key.KpiCode, g.Key.UnitId, g.Key.UnitPath, g.Sum(r => r.Numerator), g.Sum(r => r.Denominator)))
            .ToList();

    /// <summary>Every service day of [from, to) in two queries on either database: the day is a column (ADR 0053).</summary>
    public async Task<IReadOnlyList<KpiDayRows>> ComputeDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (first, end) = (from, to); // "from" is a keyword inside the query expression below
        var groups = await db.QueueTickets.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(t => t.ServiceDate >= first && t.ServiceDate < end && (t.WaitSeconds != null || t.ServiceSeconds != null))
            .GroupBy(t => new { t.UnitId, t.UnitPath, t.ServiceDate })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.UnitPath, g.Key.ServiceDate,
                Called = g.Count(t => t.WaitSeconds != null),
                // Hundredths of a minute, rounded half up, in integer arithmetic: round(s / 60, 2) = (5s + 1) div 3 / 100.
                Waited = g.Sum(t => t.WaitSeconds != null ? (t.WaitSeconds.Value * 5L + 1) / 3 : 0L),
                Served = g.Count(t => t.ServiceSeconds != null),
                Serving = g.Sum(t => t.ServiceSeconds != null ? (t.ServiceSeconds.Value * 5L + 1) / 3 : 0L),
            })
            .ToListAsync(ct);
        // Per dossier, not per visit (issue 17): a visit that led to three dossiers served three, its time shared among them;
        // a visit linked to none still counts as one.
        var linked = await (from l in db.QueueTicketDossiers.IgnoreQueryFilters(Scope).AsNoTracking()
                            join t in db.QueueTickets.IgnoreQueryFilters(Scope) on l.TicketId equals t.Id
                            where t.ServiceDate >= first && t.ServiceDate < end && t.ServiceSeconds != null
                            group l by new { l.TicketId, l.UnitId, t.ServiceDate } into g
                            select new { g.Key.UnitId, g.Key.ServiceDate, Count = g.Count() }).ToListAsync(ct);
        var extra = linked.Where(l => l.Count > 1).GroupBy(l => (l.UnitId, l.ServiceDate)).ToDictionary(g => g.Key, g => g.Sum(l => l.Count - 1));
        return groups.GroupBy(g => g.ServiceDate).OrderBy(d => d.Key).Select(day => new KpiDayRows(day.Key,
            day.Where(g => g.Called > 0).Select(g => new KpiRow(QueueKpiCodes.WaitingTime, g.UnitId, g.UnitPath, g.Waited / 100m, g.Called))
                .Concat(day.Where(g => g.Served > 0).Select(g => new KpiRow(QueueKpiCodes.ProcessingTimePerDossier, g.UnitId, g.UnitPath, g.Serving / 100m,
                    g.Served + extra.GetValueOrDefault((g.UnitId, g.ServiceDate)))))
                .ToList())).ToList();
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default) =>
        await db.QueueTickets.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(t => t.CreatedAt >= since || t.ModifiedAt >= since)
            .Select(t => t.ServiceDate).Distinct().ToListAsync(ct);

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        var (start, end) = (period.Start, period.End);
        var waiting = kpiCode == QueueKpiCodes.WaitingTime;
        var limit = waiting ? WaitLimitSeconds : ServiceLimitSeconds;
        var tickets = db.QueueTickets.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(t => t.ServiceDate >= start && t.ServiceDate < end && t.UnitPath.StartsWith(unitPath));
        var rows = await (waiting ? tickets.Where(t => t.WaitSeconds != null) : tickets.Where(t => t.ServiceSeconds != null))
            .Select(t => new
            {
                t.Id, t.ServiceDate, t.Number, t.Field, t.UnitPath, t.IssuedAt, t.PriorityGroup,
                Seconds = waiting ? t.WaitSeconds!.Value : t.ServiceSeconds!.Value,
            })
            .OrderBy(t => t.Seconds <= limit ? 1 : 0).ThenByDescending(t => t.Seconds).Take(take).ToListAsync(ct);
        return rows.Select(t => new KpiDetailRow(t.Id, $"{t.ServiceDate:yyyy-MM-dd} #{t.Number:000}", t.Field, t.UnitPath, t.IssuedAt, t.Seconds <= limit,
            string.Create(CultureInfo.InvariantCulture, $"{(waiting ? "chờ" : "phục vụ")} {t.Seconds / 60.0:0.0} phút{(t.PriorityGroup is null ? "" : " · ưu tiên")}"), null)).ToList();
    }
}
