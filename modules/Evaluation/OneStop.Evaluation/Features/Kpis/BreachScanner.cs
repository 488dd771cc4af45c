using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;
using OneStop.PlanTasks.Contracts;
using OneStop.Platform.Kpis;
using OneStop.Platform.Domain;

namespace OneStop.Evaluation.Features.Kpis;

/// <summary>
/// After a quarter closes, every plan target a unit missed (snapshot of the quarter with a target and Met = false)
/// opens an improvement task (nhiệm vụ khắc phục) for that unit in Plan tasks, due at the end of the next quarter.
/// Idempotent: the task key names KPI, quarter and unit, and a breach is recorded once.
/// </summary>
internal sealed class BreachScanner(EvaluationDbContext db, IServiceProvider services, TimeProvider clock, ILogger<BreachScanner> logger)
{
    public const string JobId = "evaluation-kpi-breaches";

    public async Task<int> RunAsync(CancellationToken ct) => await RunForAsync(LastClosedQuarter(clock.GetUtcNow()), ct);

    public static KpiPeriod LastClosedQuarter(DateTimeOffset now)
    {
        var today = VietnamTime.DayOf(now);
        var current = KpiPeriod.Containing(KpiPeriodKinds.Quarter, today);
        return KpiPeriod.Containing(KpiPeriodKinds.Quarter, current.Start.AddDays(-1));
    }

    public async Task<int> RunForAsync(KpiPeriod quarter, CancellationToken ct)
    {
        var planTasks = services.GetService<IPlanTasksApi>();
        if (planTasks is null)
        {
            return 0; // the PlanTasks module is switched off
        }

        var key = quarter.Key;
        var names = await db.Definitions.AsNoTracking().Where(d => d.Group == "plan").ToDictionaryAsync(d => d.Code, d => d.NameVi, ct);
        var codes = names.Keys.ToList();
        var breached = await db.Snapshots.IgnoreQueryFilters().AsNoTracking()
            // As is: an improvement task goes to a unit that exists today (a retired unit's breach is its successor's).
            .Where(s => s.PeriodKey == key && s.Met == false && codes.Contains(s.KpiCode) && s.Structure != KpiStructures.Was)
            .Where(s => !db.Breaches.IgnoreQueryFilters().Any(b => b.KpiCode == s.KpiCode && b.PeriodKey == s.PeriodKey && b.UnitId == s.UnitId))
            .OrderBy(s => s.UnitPath).ToListAsync(ct);
        var due = quarter.End.AddMonths(3).AddDays(-1);
        foreach (var s in breached)
        {
            var title = $"Khắc phục chỉ tiêu \"{names[s.KpiCode]}\" quý {key}: đạt {s.Value:0.##}, chỉ tiêu {s.Target:0.##}";
            var assignment = await planTasks.RaiseImprovementTaskAsync(
                new ImprovementTaskRequest($"{s.KpiCode}:{key}:{s.UnitPath.TrimEnd('/').Split('/')[^1]}", s.UnitId, title, s.KpiCode, due), ct);
            db.Breaches.Add(new KpiBreach(s.KpiCode, key, s.UnitId, s.UnitPath, assignment, s.Value, s.Target));
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("KPI breaches of {Quarter}: {Count} improvement tasks raised", key, breached.Count);
        return breached.Count;
    }
}
