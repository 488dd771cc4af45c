using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Persistence;
using OneStop.Platform.Kpis;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Kpis;

/// <summary>
/// Decision 766 indicators over the procedure catalogue. The catalogue is the province's, so each unit is credited
/// with the procedures of its own level (a commune with the commune-level ones, a district with the district-level
/// ones, the province with its own): the roll-up then counts procedure × implementing unit, as the index does per agency.
/// <list type="bullet">
/// <item>1.1 published on time: of the procedures (or amendments) taking effect in the period, those published no later
/// than their effective date.</item>
/// <item>1.2 published in full: of the procedures in the catalogue, those published with every element the publication
/// needs (executing agency, components, a legal time, fees — 0 đồng included).</item>
/// <item>5.7 connected to population data: of the procedures in the catalogue, those whose intake uses the national
/// population database.</item>
/// </list>
/// 1.2 and 5.7 describe the catalogue as it is (it keeps no history): every period shows the current state, and the
/// nightly full run rewrites the year with it.
/// The procedures are counted in one grouped query (by their three level flags); only the units (a few hundred) are
/// read from the platform.
/// </summary>
internal sealed class CatalogueKpiCalculator(CountersDbContext db, PlatformDbContext platform, TimeProvider clock) : IKpiCalculator
{
    public IReadOnlyCollection<string> KpiCodes { get; } =
        [CountersKpiCodes.I766PublishedOnTime, CountersKpiCodes.I766PublishedInFull, CountersKpiCodes.I766ProceduresOnPopulationData];

    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default)
    {
        var (start, end) = (period.Start, period.End);
        var byLevels = await db.Procedures.AsNoTracking()
            .GroupBy(p => new { p.AtCommune, p.AtDistrict, p.AtProvince })
            .Select(g => new
            {
                g.Key.AtCommune, g.Key.AtDistrict, g.Key.AtProvince,
                Due = g.Count(p => p.EffectiveFrom >= start && p.EffectiveFrom < end),
                OnTime = g.Count(p => p.EffectiveFrom >= start && p.EffectiveFrom < end && p.PublishedOn <= p.EffectiveFrom),
                All = g.Count(),
                InFull = g.Count(p => p.PublishedOn != null && p.ExecutingAgency != "" && p.Components.Any() && p.LegalTimes.Any() && p.Fees.Any()),
                Connected = g.Count(p => p.PopulationDataConnected),
            })
            .ToListAsync(ct);
        var levels = new[] { UnitLevels.Commune, UnitLevels.District, UnitLevels.Province }.ToDictionary(level => level, level =>
        {
            var at = byLevels.Where(g => level == UnitLevels.Commune ? g.AtCommune : level == UnitLevels.District ? g.AtDistrict : g.AtProvince).ToList();
            return (Due: at.Sum(g => g.Due), OnTime: at.Sum(g => g.OnTime), All: at.Sum(g => g.All), InFull: at.Sum(g => g.InFull), Connected: at.Sum(g => g.Connected));
        });

        var units = await platform.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.ValidFrom < end && (u.ValidTo == null || u.ValidTo > start))
            .Select(u => new { u.Id, u.Path, u.Level }).ToListAsync(ct);
        var rows = new List<KpiRow>();
        foreach (var unit in units)
        {
            if (!levels.TryGetValue(unit.Level, out var f))
            {
                continue;
            }

            if (f.Due > 0)
            {
                rows.Add(new KpiRow(CountersKpiCodes.I766PublishedOnTime, unit.Id, unit.Path, f.OnTime, f.Due));
            }

            if (f.All > 0)
            {
                rows.Add(new KpiRow(CountersKpiCodes.I766PublishedInFull, unit.Id, unit.Path, f.InFull, f.All));
                rows.Add(new KpiRow(CountersKpiCodes.I766ProceduresOnPopulationData, unit.Id, unit.Path, f.Connected, f.All));
            }
        }

        return rows;
    }

    /// <summary>
    /// A catalogue change moves the periods of its effective and publication dates and, for the catalogue's state (in
    /// full, connected), the current ones; earlier periods follow at the nightly full run.
    /// </summary>
    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var changed = await db.Procedures.AsNoTracking()
            .Where(p => p.CreatedAt >= since || p.ModifiedAt >= since)
            .Select(p => new { p.EffectiveFrom, p.PublishedOn }).Distinct().ToListAsync(ct);
        if (changed.Count == 0)
        {
            return [];
        }

        var today = VietnamTime.DayOf(clock.GetUtcNow());
        return changed.SelectMany(p => new[] { p.EffectiveFrom, p.PublishedOn }).OfType<DateOnly>().Append(today).ToHashSet();
    }

    /// <summary>The procedures of the unit's level and the levels below it, the ones not counted first.</summary>
    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        var (start, end) = (period.Start, period.End);
        var level = await platform.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Path == unitPath).Select(u => u.Level).FirstOrDefaultAsync(ct);
        var (commune, district, province) = (true, level is UnitLevels.District or UnitLevels.Province or null, level is UnitLevels.Province or null);
        var procedures = db.Procedures.AsNoTracking().Where(p => (commune && p.AtCommune) || (district && p.AtDistrict) || (province && p.AtProvince));
        if (kpiCode == CountersKpiCodes.I766PublishedOnTime)
        {
            procedures = procedures.Where(p => p.EffectiveFrom >= start && p.EffectiveFrom < end);
        }

        var rows = await procedures.Select(p => new
            {
                p.Id, p.Code, p.Name, p.EffectiveFrom, p.PublishedOn,
                Counted = kpiCode == CountersKpiCodes.I766PublishedOnTime ? p.PublishedOn <= p.EffectiveFrom
                    : kpiCode == CountersKpiCodes.I766ProceduresOnPopulationData ? p.PopulationDataConnected
                    : p.PublishedOn != null && p.ExecutingAgency != "" && p.Components.Any() && p.LegalTimes.Any() && p.Fees.Any(),
            })
            .OrderBy(p => p.Counted ? 1 : 0).ThenBy(p => p.Code).Take(take).ToListAsync(ct);
        return rows.Select(p => new KpiDetailRow(p.Id, p.Code, p.Name, unitPath,
            p.EffectiveFrom is { } from ? VietnamTime.StartOf(from) : null, p.Counted,
            $"hiệu lực {p.EffectiveFrom:dd/MM/yyyy} · công bố {(p.PublishedOn is { } on ? on.ToString("dd/MM/yyyy") : "chưa")}",
            $"/Counters/Catalogue/Detail?code={Uri.EscapeDataString(p.Code)}")).ToList();
    }
}
