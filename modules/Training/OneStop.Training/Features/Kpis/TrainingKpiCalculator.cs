using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.Persistence;
using OneStop.Training.Infrastructure;
using OneStop.Platform.Kpis;
using OneStop.Platform.Domain;

namespace OneStop.Training.Features.Kpis;

/// <summary>
/// Training's contribution to the KPI engine: classes held (ended in the period) per organising unit, and the share of
/// desk officers who passed a class ending in the period, per the officer's unit. Counted in SQL; only the desk
/// officers' ids (a few hundred in a province) cross from the platform's tables.
/// </summary>
internal sealed class TrainingKpiCalculator(TrainingDbContext db, PlatformDbContext platform) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public IReadOnlyCollection<string> KpiCodes { get; } = [TrainingKpiCodes.TrainingClasses, TrainingKpiCodes.DeskStaffTrained];

    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default)
    {
        var (start, end) = (period.Start, period.End);
        var classes = await db.Classes.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(c => c.EndsOn >= start && c.EndsOn < end)
            .GroupBy(c => new { c.UnitId, c.UnitPath })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, Count = g.Count() })
            .ToListAsync(ct);
        var rows = classes.Select(c => new KpiRow(TrainingKpiCodes.TrainingClasses, c.UnitId, c.UnitPath, c.Count, 0)).ToList();

        var staff = await (from m in platform.UnitMemberships.IgnoreQueryFilters()
                           where m.Roles.Contains(Roles.DeskOfficer)
                           select new { m.UserId, m.UnitId, m.UnitPath }).Distinct().ToListAsync(ct);
        var ids = staff.Select(s => s.UserId).Distinct().ToList();
        var trained = (await (from p in db.Participants.IgnoreQueryFilters(Scope)
                              join c in db.Classes.IgnoreQueryFilters(Scope) on p.ClassId equals c.Id
                              where p.Result == "passed" && c.EndsOn >= start && c.EndsOn < end && ids.Contains(p.UserId)
                              select p.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        rows.AddRange(staff.GroupBy(s => new { s.UnitId, s.UnitPath }).Select(g =>
            new KpiRow(TrainingKpiCodes.DeskStaffTrained, g.Key.UnitId, g.Key.UnitPath, g.Count(s => trained.Contains(s.UserId)), g.Count())));
        return rows;
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var classes = await db.Classes.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(c => c.CreatedAt >= since || c.ModifiedAt >= since).Select(c => c.EndsOn).Distinct().ToListAsync(ct);
        var results = await (from p in db.Participants.IgnoreQueryFilters(Scope)
                             join c in db.Classes.IgnoreQueryFilters(Scope) on p.ClassId equals c.Id
                             where p.CreatedAt >= since || p.ModifiedAt >= since
                             select c.EndsOn).Distinct().ToListAsync(ct);
        return classes.Concat(results).ToHashSet();
    }

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        var (start, end) = (period.Start, period.End);
        if (kpiCode == TrainingKpiCodes.DeskStaffTrained)
        {
            var rows = await (from p in db.Participants.IgnoreQueryFilters(Scope)
                              join c in db.Classes.IgnoreQueryFilters(Scope) on p.ClassId equals c.Id
                              where c.EndsOn >= start && c.EndsOn < end && p.UnitPath.StartsWith(unitPath)
                              orderby p.Result == "passed" ? 1 : 0, p.FullName
                              select new { p.Id, p.UserName, p.FullName, p.UnitPath, p.UnitName, c.Title, c.EndsOn, ClassId = c.Id, Passed = p.Result == "passed" })
                .Take(take).ToListAsync(ct);
            return rows.Select(r => new KpiDetailRow(r.Id, r.UserName, $"{r.FullName} — {r.Title}", r.UnitPath,
                VietnamTime.StartOf(r.EndsOn), r.Passed, r.UnitName, $"/Training/Class/{r.ClassId}")).ToList();
        }

        var classes = await db.Classes.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(c => c.EndsOn >= start && c.EndsOn < end && c.UnitPath.StartsWith(unitPath)).OrderBy(c => c.EndsOn).Take(take)
            .Select(c => new { c.Id, c.Title, c.UnitPath, c.EndsOn, c.Venue }).ToListAsync(ct);
        return classes.Select(c => new KpiDetailRow(c.Id, c.EndsOn.ToString("yyyy-MM-dd"), c.Title, c.UnitPath,
            VietnamTime.StartOf(c.EndsOn), true, c.Venue, $"/Training/Class/{c.Id}")).ToList();
    }
}
