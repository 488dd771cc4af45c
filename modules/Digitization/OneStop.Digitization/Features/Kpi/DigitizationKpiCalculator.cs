using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Kpis;
using OneStop.Platform.Persistence;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// Digitization's flows for Evaluation's KPI engine, per receiving unit (the desk that scans and returns), counted in SQL
/// over the module's copy of the dossiers and its documents with the same flags as <see cref="DigitizationKpiSource"/>.
/// Every code here adds up over days — each dossier counts on one day — so the engine keeps day partials and sums the
/// months, quarters and years from them (ADR 0045); the stocks are <see cref="DigitizationStockKpiCalculator"/>'s (ADR 0055):
/// <list type="bullet">
/// <item>by resolution day, of the dossiers resolved: result signed with the unit's certificate (766 5.1: electronic
/// results with legal value);</item>
/// <item>by reception day: of the components the dossiers required, those the applicant was not asked for again because
/// the system held them (<see cref="Domain.NotAskedAgain"/>: reused from the data store or an earlier dossier, or the
/// identity document of an applicant verified in the population database; plan: applicants not asked again for
/// documents already accepted; ADR 0030); of the dossiers received, every component in the data store —
/// digitised for it or reused — and none left to scan (766 5.2); of the dossiers with a digitised document, those
/// with one shared for reuse (766 5.5).</item>
/// </list>
/// </summary>
internal sealed class DigitizationKpiCalculator(DigitizationDbContext db, DigitizationKpiDetails details, DigitizationKpiChanges changes) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public IReadOnlyCollection<string> KpiCodes { get; } =
    [
        DigitizationKpiCodes.NoRepeatDocuments, DigitizationKpiCodes.I766ElectronicResults, DigitizationKpiCodes.I766DigitisedLinked,
        DigitizationKpiCodes.I766SharedForReuse,
    ];

    public Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default) =>
        KpiDays.PeriodAsync(period, (start, end, days) => CountAsync(start, end, days, ct));

    /// <summary>A month's days in the two queries of one period, grouped by day as well (ADR 0053); SQLite: day by day.</summary>
    public Task<IReadOnlyList<KpiDayRows>> ComputeDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        KpiDays.DaysAsync(this, db.Database.IsNpgsql(), from, to, (start, end, days) => CountAsync(start, end, days, ct), ct);

    /// <summary>
    /// The dossiers resolved in [<paramref name="start"/>, <paramref name="end"/>) by resolving day, and those received in it
    /// by reception day, each flagged over its own documents and scan items only (so each query reads the dossiers it counts).
    /// </summary>
    private async Task<IEnumerable<(int Day, KpiRow Row)>> CountAsync(DateTimeOffset start, DateTimeOffset end, DateTimeOffset? days, CancellationToken ct)
    {
        var dossiers = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking();
        var validOn = Platform.Domain.VietnamTime.DayOf(end).AddDays(-1); // unused by these codes: a result's validity is a stock's
        var resolved = await DigitizationKpiFlags.Of(db, dossiers.Where(d => d.ResolvedAt >= start && d.ResolvedAt < end), start, end, validOn)
            .GroupBy(DayKey.Of(days, resolution: true))
            .Select(g => new { g.Key, Resolved = g.Count(), Signed = g.Count(f => f.SignedResult) })
            .ToListAsync(ct);
        var received = await DigitizationKpiFlags.Of(db, dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end), start, end, validOn)
            .GroupBy(DayKey.Of(days, resolution: false))
            .Select(g => new
            {
                g.Key, Received = g.Count(),
                Components = g.Sum(f => f.Components),
                NotAsked = g.Sum(f => f.NotAsked),
                Linked = g.Count(f => !f.OpenComponent && (f.ComponentStored || f.Reused > 0)),
                Digitised = g.Count(f => f.Digitised),
                Shared = g.Count(f => f.Shared),
            })
            .ToListAsync(ct);

        var rows = new List<(int Day, KpiRow Row)>();
        foreach (var g in resolved)
        {
            rows.Add((g.Key.Day, new KpiRow(DigitizationKpiCodes.I766ElectronicResults, g.Key.UnitId, g.Key.UnitPath, g.Signed, g.Resolved)));
        }

        foreach (var g in received)
        {
            rows.Add((g.Key.Day, new KpiRow(DigitizationKpiCodes.NoRepeatDocuments, g.Key.UnitId, g.Key.UnitPath, g.NotAsked, g.Components)));
            rows.Add((g.Key.Day, new KpiRow(DigitizationKpiCodes.I766DigitisedLinked, g.Key.UnitId, g.Key.UnitPath, g.Linked, g.Received)));
            rows.Add((g.Key.Day, new KpiRow(DigitizationKpiCodes.I766SharedForReuse, g.Key.UnitId, g.Key.UnitPath, g.Shared, g.Digitised)));
        }

        return rows;
    }

    /// <summary>The receiving unit and the day: whole days since <c>days</c> (a Vietnam midnight), or 0 when counting a period.</summary>
    private sealed class DayKey
    {
        public Guid UnitId { get; init; }
        public string UnitPath { get; init; } = "";
        public int Day { get; init; }

        public static Expression<Func<DigitizationKpiFlags, DayKey>> Of(DateTimeOffset? days, bool resolution) => (days, resolution) switch
        {
            ({ } origin, true) => f => new DayKey { UnitId = f.UnitId, UnitPath = f.UnitPath, Day = (f.ResolvedAt!.Value - origin).Days },
            ({ } origin, false) => f => new DayKey { UnitId = f.UnitId, UnitPath = f.UnitPath, Day = (f.ReceivedAt!.Value - origin).Days },
            _ => f => new DayKey { UnitId = f.UnitId, UnitPath = f.UnitPath, Day = 0 },
        };
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default) =>
        await changes.DossierDaysAsync(since, ct);

    public Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default) =>
        details.ForAsync(kpiCode, period, unitPath, take, ct);
}
