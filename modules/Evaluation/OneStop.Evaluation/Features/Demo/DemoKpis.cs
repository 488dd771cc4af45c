using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Platform.Modules;

namespace OneStop.Evaluation.Features.Demo;

/// <summary>
/// Last step of the demo dataset (ADR 0019): the full KPI run of every year it covers, the same run as the nightly job
/// and a reorganisation's recompute, so the cockpit has its snapshots when the host is ready.
/// </summary>
internal sealed class DemoKpis(IServiceScopeFactory scopes, ILogger<DemoKpis> logger) : IDemoDataContributor
{
    public int Order => 1000;

    public Task GenerateAsync(DemoDataRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task CompleteAsync(DemoDataRun run, CancellationToken ct)
    {
        for (var year = run.From.Year; year <= run.To.Year; year++)
        {
            var watch = Stopwatch.StartNew();
            using var scope = scopes.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<KpiEngine>().RecomputeYearAsync(year, ct);
            logger.LogInformation("Dữ liệu mẫu / demo data: chỉ số năm {Year} ({Rows} dòng) trong {Seconds:F1} s", year, result.Rows, watch.Elapsed.TotalSeconds);
        }
    }
}
