using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Evaluation.Contracts;
using OneStop.Platform.Kpis;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Permissions;

namespace OneStop.Integration.Features.CommandCentre;

/// <summary>
/// Báo cáo chỉ tiêu lên Hệ thống thông tin chỉ đạo, điều hành của Chính phủ: once a day (after the KPI recompute) the
/// province's KPI values and 766 index for the current year and month go out through the outgoing queue — written
/// in a transaction, delivered at least once with a per-period-and-day idempotency key, retried with backoff, dead
/// letters visible to admins like every other outgoing message.
/// </summary>
internal sealed class CommandCentreReporter(
    IntegrationDbContext db, IAdministrativeUnitDirectory units, IServiceProvider services, TimeProvider clock, ILogger<CommandCentreReporter> logger)
{
    public const string JobId = "integration:command-centre-report";
    public const string Kind = "indicators";

    /// <summary>Queues today's report for the year and the month so far; returns the number of reports queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var evaluation = services.GetService<IEvaluationApi>();
        if (evaluation is null)
        {
            logger.LogInformation("The Evaluation module is not enabled: no indicators to report to the command centre.");
            return 0;
        }

        var province = await units.ProvinceAsync(ct: ct);
        if (province is null)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = VietnamTime.DayOf(now);
        var queued = 0;
        foreach (var period in new[] { KpiPeriod.ForYear(today.Year).Key, KpiPeriod.ForMonth(today.Year, today.Month).Key })
        {
            var key = $"{Kind}:{period}:{today:yyyyMMdd}";
            if (await db.OutgoingMessages.AnyAsync(m => m.Destination == NationalSystem.CommandCentre.Key && m.IdempotencyKey == key, ct))
            {
                continue; // already queued today (the job ran twice)
            }

            var values = await evaluation.KpisAsync(province.Id, period, ct);
            if (values.Count == 0)
            {
                continue; // nothing computed yet for the period
            }

            var index = await evaluation.QualityIndexAsync(province.Id, period, ct);
            var payload = new
            {
                provinceCode = province.Code, provinceName = province.Name, period, reportedAt = now,
                indicators = values.Select(v => new
                {
                    code = v.Code, name = v.NameVi, numerator = v.Numerator, denominator = v.Denominator, value = v.Value,
                    target = v.Target, met = v.Met, points = v.Points, maxPoints = v.MaxPoints, computedAt = v.ComputedAt,
                }),
                qualityIndex = index is null ? null : new { points = index.Points, measuredMaxPoints = index.MeasuredMaxPoints },
            };
            OutgoingQueue.Enqueue(db, NationalSystem.CommandCentre.Key, Kind, key, $"{Kind}:{period}", payload, now, (province.Id, province.Path));
            queued++;
        }

        await db.SaveChangesAsync(ct);
        return queued;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/command-centre/report", async (CommandCentreReporter reporter, CancellationToken ct) =>
                TypedResults.Ok(new { queued = await reporter.RunAsync(ct) }))
            .RequirePermission(IntegrationPermissions.SandboxManage)
            .WithSummary("Gửi ngay báo cáo chỉ tiêu của tỉnh lên Hệ thống thông tin chỉ đạo, điều hành của Chính phủ (năm và tháng hiện tại)");
}
