using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;
using OneStop.Platform.Kpis;
using OneStop.Platform.Domain;

namespace OneStop.PlanTasks.Features.Kpis;

/// <summary>
/// PlanTasks' contribution to the KPI engine: of the assignments falling due in the period, how many are completed
/// (nhiệm vụ đến hạn đã hoàn thành), per assignee unit. Counted in SQL on the module's own tables.
/// </summary>
internal sealed class PlanTasksKpiCalculator(PlanTasksDbContext db) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public IReadOnlyCollection<string> KpiCodes { get; } = [PlanTasksKpiCodes.PlanTasksOnTime];

    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default)
    {
        var (from, to) = (period.Start, period.End);
        var rows = await db.Assignments.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(a => a.DueOn >= from && a.DueOn < to)
            .GroupBy(a => new { a.UnitId, a.UnitPath })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, Due = g.Count(), Done = g.Count(a => a.Status == TaskStatuses.Completed) })
            .ToListAsync(ct);
        return rows.Select(r => new KpiRow(PlanTasksKpiCodes.PlanTasksOnTime, r.UnitId, r.UnitPath, r.Done, r.Due)).ToList();
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default) =>
        (await db.Assignments.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(a => a.DueOn != null && (a.CreatedAt >= since || a.ModifiedAt >= since))
            .Select(a => a.DueOn!.Value).Distinct().ToListAsync(ct)).ToHashSet();

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        var (from, to) = (period.Start, period.End);
        var rows = await db.Assignments.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(a => a.DueOn >= from && a.DueOn < to && a.UnitPath.StartsWith(unitPath))
            .OrderBy(a => a.Status == TaskStatuses.Completed ? 1 : 0).ThenBy(a => a.DueOn).Take(take)
            .Select(a => new { a.Id, a.Task.Code, a.Task.Title, a.UnitPath, a.UnitName, a.DueOn, a.Status, a.Percent })
            .ToListAsync(ct);
        return rows.Select(a => new KpiDetailRow(a.Id, a.Code, a.Title.Length > 200 ? a.Title[..200] + "…" : a.Title, a.UnitPath,
            a.DueOn is { } d ? VietnamTime.StartOf(d) : null,
            a.Status == TaskStatuses.Completed, $"{a.UnitName} · {a.Status} · {a.Percent}%", $"/PlanTasks/Assignment/{a.Id}")).ToList();
    }
}
