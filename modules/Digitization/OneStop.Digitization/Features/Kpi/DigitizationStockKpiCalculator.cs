using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.Persistence;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// Digitization's stocks and states for Evaluation's KPI engine, counted per period — as of its end, or distinct over it
/// — so they do not add up over days and stay on the engine's per-period path (ADR 0055); the flows are
/// <see cref="DigitizationKpiCalculator"/>'s:
/// <list type="bullet">
/// <item>as of the period's end, per competent unit and not rolled up (the unit that issued the result, whose level is the
/// level the plan's 30 / 20 / 15 % targets name): of the results in the register (<see cref="Domain.IssuedResult"/>: resolved dossiers and
/// old results digitised from the back-file) issued by the period's last day and still valid on it, those digitised
/// before the period's end (plan: kết quả giải quyết TTHC còn hiệu lực được số hóa; ADR 0030) — a stock, not the
/// period's flow, and a result expired before the period's last day is in neither figure;</item>
/// <item>by resolution day, per receiving unit: of the dossiers resolved in the period, those whose result is digitised
/// and still valid on the period's last day, with nothing left to scan, archived (plan: resolved dossiers digitised,
/// archived, reusable) — the validity makes it a stock at the period's end;</item>
/// <item>one-stop desks with the digitisation process switched on by the end of the period (plan; desks from the
/// platform's agencies); communes that signed an electronic copy of an original (bản sao điện tử từ bản chính) in the
/// period, of the communes (766 5.3) — distinct over the period.</item>
/// </list>
/// </summary>
internal sealed class DigitizationStockKpiCalculator(DigitizationDbContext db, PlatformDbContext platform, TimeProvider clock, DigitizationKpiDetails details, DigitizationKpiChanges changes) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public IReadOnlyCollection<string> KpiCodes { get; } =
    [
        DigitizationKpiCodes.ResultsDigitised, DigitizationKpiCodes.DesksDigitising, DigitizationKpiCodes.ResolvedDigitised,
        DigitizationKpiCodes.I766CertifiedCopies,
    ];

    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default)
    {
        var rows = new List<KpiRow>();
        if (period.Kind == KpiPeriodKinds.Day)
        {
            // States measured per month at the finest (kpis.json): a day would only repeat the month's figures.
            return rows;
        }

        rows.AddRange(await ResolvedRowsAsync(period, ct));
        rows.AddRange(await ResultRowsAsync(period, ct));
        rows.AddRange(await DeskRowsAsync(period.EndsAt, ct));
        rows.AddRange(await CertifiedCopyRowsAsync(period, ct));
        return rows;
    }

    /// <summary>
    /// The dossiers resolved in the period, and those of them digitised, valid on its last day, scanned and archived. On
    /// PostgreSQL from the year's groups (<see cref="ResolvedYearAsync"/>), counted once for its 17 periods: every period's
    /// last day is a month's, and a result's validity only decides which of them count it.
    /// </summary>
    private async Task<IEnumerable<KpiRow>> ResolvedRowsAsync(KpiPeriod period, CancellationToken ct)
    {
        if (db.Database.IsNpgsql() && period.Start.Year == period.End.AddDays(-1).Year)
        {
            var (first, end, lastDay) = (period.Start, period.End, period.End.AddDays(-1));
            return (await ResolvedYearAsync(period.Start.Year, ct)).Where(g => g.Day >= first && g.Day < end)
                .GroupBy(g => (g.UnitId, g.UnitPath))
                .Select(u => new KpiRow(DigitizationKpiCodes.ResolvedDigitised, u.Key.UnitId, u.Key.UnitPath,
                    u.Where(g => g.Kept && (g.Unlimited || g.Until >= lastDay)).Sum(g => g.Count), u.Sum(g => g.Count)))
                .ToList();
        }

        return await ResolvedRowsOfPeriodAsync(period, ct);
    }

    /// <summary>
    /// A year's resolved dossiers per unit, resolution day, "archived with nothing left to scan and a result" and the
    /// result's validity; kept for the engine run this calculator is scoped to.
    /// </summary>
    private readonly Dictionary<int, List<ResolvedGroup>> _resolvedYears = [];

    private sealed record ResolvedGroup(Guid UnitId, string UnitPath, DateOnly Day, bool Kept, bool Unlimited, DateOnly? Until, int Count);

    private async Task<List<ResolvedGroup>> ResolvedYearAsync(int year, CancellationToken ct)
    {
        if (_resolvedYears.TryGetValue(year, out var known))
        {
            return known;
        }

        var yearStart = new DateOnly(year, 1, 1);
        var (start, end) = (VietnamTime.StartOfDay(yearStart), VietnamTime.StartOfDay(yearStart.AddYears(1)));
        var resolved = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking().Where(d => d.ResolvedAt >= start && d.ResolvedAt < end);
        var ids = resolved.Select(d => (Guid?)d.Id);
        var results = db.Documents.IgnoreQueryFilters(Scope).Where(x => !x.IsDeleted && x.Kind == Domain.DocumentKinds.Result && ids.Contains(x.DossierId))
            .GroupBy(x => x.DossierId)
            .Select(g => new { DossierId = g.Key, Unlimited = g.Max(x => x.ValidUntil == null ? 1 : 0), Until = g.Max(x => x.ValidUntil) });
        var open = db.ScanQueue.IgnoreQueryFilters(Scope).Where(q => !q.IsDeleted && q.Status == Domain.QueueStatuses.Pending && ids.Contains(q.DossierId))
            .GroupBy(q => q.DossierId).Select(g => new { DossierId = (Guid?)g.Key });
        var groups = await (from d in resolved
                            join r in results on (Guid?)d.Id equals r.DossierId into rs
                            from r in rs.DefaultIfEmpty()
                            join q in open on (Guid?)d.Id equals q.DossierId into qs
                            from q in qs.DefaultIfEmpty()
                            group d by new
                            {
                                d.UnitId, d.UnitPath, Day = (d.ResolvedAt!.Value - start).Days,
                                Kept = d.ArchivedAt != null && q.DossierId == null && r.DossierId != null,
                                Unlimited = r.Unlimited == 1, r.Until,
                            } into g
                            select new { g.Key.UnitId, g.Key.UnitPath, g.Key.Day, g.Key.Kept, g.Key.Unlimited, g.Key.Until, Count = g.Count() })
            .ToListAsync(ct);
        return _resolvedYears[year] = groups.Select(g => new ResolvedGroup(g.UnitId, g.UnitPath, yearStart.AddDays(g.Day), g.Kept, g.Unlimited, g.Until, g.Count)).ToList();
    }

    /// <summary>One period's resolved dossiers counted on their own (SQLite, which cannot subtract instants in SQL).</summary>
    private async Task<IEnumerable<KpiRow>> ResolvedRowsOfPeriodAsync(KpiPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.StartsAt, period.EndsAt);
        var resolved = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking().Where(d => d.ResolvedAt >= start && d.ResolvedAt < end);
        var groups = await DigitizationKpiFlags.Of(db, resolved, start, end, period.End.AddDays(-1))
            .GroupBy(f => new { f.UnitId, f.UnitPath })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, Resolved = g.Count(), Archived = g.Count(f => f.Result && !f.Open && f.Archived) })
            .ToListAsync(ct);
        return groups.Select(g => new KpiRow(DigitizationKpiCodes.ResolvedDigitised, g.UnitId, g.UnitPath, g.Archived, g.Resolved));
    }

    /// <summary>
    /// Results valid on the period's last day (issued by then, not expired before it) per competent unit, and those of
    /// them digitised before the period's end.
    /// </summary>
    private async Task<IEnumerable<KpiRow>> ResultRowsAsync(KpiPeriod period, CancellationToken ct)
    {
        var end = period.EndsAt;
        var stock = await DigitizationKpiDetails.ValidResults(db, period.End.AddDays(-1))
            .GroupBy(r => new { r.UnitId, r.UnitPath })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, Valid = g.Count(), Digitised = g.Count(r => r.DigitisedAt != null && r.DigitisedAt < end) })
            .ToListAsync(ct);
        // The targets are per competent level: a province's figure is its own results, not its communes' (RollsUp).
        return stock.Select(s => new KpiRow(DigitizationKpiCodes.ResultsDigitised, s.UnitId, s.UnitPath, s.Digitised, s.Valid, RollsUp: false));
    }

    /// <summary>Desks (Bộ phận Một cửa, service centre) per unit, and those switched on before the period's end.</summary>
    private async Task<IEnumerable<KpiRow>> DeskRowsAsync(DateTimeOffset end, CancellationToken ct)
    {
        var desks = await platform.Agencies.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(a => DeskService.DeskKinds.Contains(a.Kind))
            .GroupBy(a => new { a.UnitId, a.UnitPath }).Select(g => new { g.Key.UnitId, g.Key.UnitPath, Count = g.Count() }).ToListAsync(ct);
        var running = await db.Desks.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(d => d.Enabled && d.EnabledSince < end)
            .GroupBy(d => d.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        return desks.Select(d => new KpiRow(DigitizationKpiCodes.DesksDigitising, d.UnitId, d.UnitPath, Math.Min(d.Count, running.GetValueOrDefault(d.UnitId)), d.Count));
    }

    /// <summary>
    /// One row per commune in existence during the period: 1 of 1 when its certification register (sổ chứng thực bản
    /// sao) has an electronic certified copy made in the period — every line has one, signed when it is written.
    /// </summary>
    private async Task<IEnumerable<KpiRow>> CertifiedCopyRowsAsync(KpiPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.StartsAt, period.EndsAt);
        var offering = (await db.CertifiedCopies.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(x => x.CertifiedAt >= start && x.CertifiedAt < end)
            .Select(x => x.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
        var communes = await DigitizationKpiDetails.CommunesAsync(platform, period, null, ct);
        return communes.Select(c => new KpiRow(DigitizationKpiCodes.I766CertifiedCopies, c.Id, c.Path, offering.Contains(c.Id) ? 1 : 0, 1));
    }

    /// <summary>
    /// The dossiers' days (<see cref="DigitizationKpiChanges"/>), and today when a desk was switched. A result entered or
    /// digitised changes the stock of every period ending after its issue day: one day a month from then to today (from
    /// the start of last year at the earliest — the years the engine keeps recomputing).
    /// </summary>
    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var days = await changes.DossierDaysAsync(since, ct);
        var today = VietnamTime.Today(clock);
        if (await db.Desks.IgnoreQueryFilters(Scope).AnyAsync(d => d.CreatedAt >= since || d.ModifiedAt >= since, ct))
        {
            days.Add(today);
        }

        var issued = await db.Results.IgnoreQueryFilters(Scope).AsNoTracking().Where(r => r.CreatedAt >= since || r.ModifiedAt >= since)
            .Select(r => (DateOnly?)r.IssuedOn).MinAsync(ct);
        if (issued is { } first)
        {
            var from = first > new DateOnly(today.Year - 1, 1, 1) ? first : new DateOnly(today.Year - 1, 1, 1);
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= today; month = month.AddMonths(1))
            {
                days.Add(month);
            }

            days.Add(today);
        }

        return days;
    }

    public Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default) =>
        details.ForAsync(kpiCode, period, unitPath, take, ct);
}
