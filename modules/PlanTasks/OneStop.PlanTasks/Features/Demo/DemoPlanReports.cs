using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Modules;
using OneStop.Platform.Scoping;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Features.Reports;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features.Demo;

/// <summary>
/// Progress reports of the demo dataset (ADR 0019): most assignments the plan gave a unit that still existed in the
/// window report once while in progress and once at the deadline, through <see cref="SubmitReportHandler"/> in the
/// assignee's name; the provincial office of today reviews them a few days later (<see cref="ReviewReportHandler"/>),
/// accepting most.
/// </summary>
internal sealed class DemoPlanReports(IServiceScopeFactory scopes, IAdministrativeUnitDirectory units, TimeProvider clock, ILogger<DemoPlanReports> logger)
    : IDemoDataContributor
{
    public int Order => 300;

    public async Task GenerateAsync(DemoDataRun run, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var rng = run.RandomFor("PlanTasks.Reports");
        var now = clock.GetUtcNow();
        var province = await units.ProvinceAsync(ct: ct);
        if (province is null)
        {
            return;
        }

        List<(Guid Id, Guid UnitId, DateOnly? DueOn)> assignments;
        using (var scope = scopes.CreateScope())
        {
            assignments = (await scope.ServiceProvider.GetRequiredService<PlanTasksDbContext>().Assignments.AsNoTracking()
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.UnitId, a.DueOn }).ToListAsync(ct))
                .Select(a => (a.Id, a.UnitId, a.DueOn)).ToList();
        }

        var reports = 0;
        foreach (var (id, unitId, dueOn) in assignments)
        {
            var unit = await units.FindAsync(unitId, ct);
            if (unit is null || rng.NextDouble() < 0.25)
            {
                continue;
            }

            // Reports while the unit existed and before the deadline (a retired unit's last day is the day before).
            var end = new[] { run.To, dueOn ?? run.To, unit.ValidTo?.AddDays(-1) ?? run.To }.Min();
            if (end < run.From)
            {
                continue;
            }

            var span = end.DayNumber - run.From.DayNumber;
            var first = run.From.AddDays(rng.Next(span / 2 + 1));
            var percent = 30 + rng.Next(50);
            reports += await ReportAsync(unit, province, id, first, TaskStatuses.InProgress, percent,
                $"Đơn vị đã triển khai {percent}% khối lượng nhiệm vụ; đang tiếp tục thực hiện theo kế hoạch.", accept: true, rng, now, ct);
            var done = rng.NextDouble() < 0.8;
            reports += await ReportAsync(unit, province, id, end, done ? TaskStatuses.Completed : TaskStatuses.InProgress, done ? 100 : percent + 10,
                done ? "Đã hoàn thành nhiệm vụ, có văn bản báo cáo kết quả kèm theo." : "Chưa hoàn thành do vướng mắc về kinh phí, đề nghị gia hạn.",
                accept: rng.NextDouble() < 0.9, rng, now, ct);
        }

        logger.LogInformation("Dữ liệu mẫu / demo data: {Reports} báo cáo tiến độ nhiệm vụ trong {Seconds:F1} s", reports, watch.Elapsed.TotalSeconds);
    }

    private async Task<int> ReportAsync(AdministrativeUnitInfo unit, AdministrativeUnitInfo province, Guid assignmentId, DateOnly day, string status, int percent,
        string narrative, bool accept, Random rng, DateTimeOffset now, CancellationToken ct)
    {
        var at = VietnamTime.StartOf(day).AddHours(9 + rng.NextDouble() * 7);
        if (at > now)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var current = scope.ServiceProvider.GetRequiredService<ICurrentScope>();
        Guid reportId;
        using (current.Change(new UnitScope(unit.Id, unit.Path, unit.Name), null, "dulieumau"))
        using (AsOfClock.At(at))
        {
            var report = await scope.ServiceProvider.GetRequiredService<SubmitReportHandler>()
                .HandleAsync(assignmentId, new SubmitReportRequest(ReportKinds.Periodic, status, percent, narrative), [], ct);
            reportId = report.Id;
        }

        var reviewAt = at.AddDays(1 + rng.Next(4));
        if (reviewAt < now)
        {
            using (current.Change(new UnitScope(province.Id, province.Path, province.Name), null, "dulieumau"))
            using (AsOfClock.At(reviewAt))
            {
                await scope.ServiceProvider.GetRequiredService<ReviewReportHandler>()
                    .HandleAsync(reportId, accept, accept ? null : "Đề nghị bổ sung minh chứng kết quả thực hiện.", ct);
            }
        }

        return 1;
    }
}
