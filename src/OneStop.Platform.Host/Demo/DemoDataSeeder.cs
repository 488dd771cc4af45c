using System.Diagnostics;
using OneStop.Counters.Contracts;
using OneStop.Platform.Domain;
using OneStop.Platform.Modules;

namespace OneStop.Platform.Host.Demo;

/// <summary>
/// The demo dataset of the embedded default (<c>Seed:DemoData</c>, ADR 0017): at the first start in Development, the
/// modules' <see cref="IDemoDataContributor"/>s fill the last 18 months — dossiers at the units of each day, then what
/// derives from them (search index, KPI snapshots). Runs once: when a dossier exists, it does nothing.
/// </summary>
internal static class DemoDataSeeder
{
    public const string Setting = "Seed:DemoData";
    public const string CountSetting = "Seed:DemoDataDossiers";
    public const int DefaultCount = 4000;

    /// <summary>How far back: 18 months before today's month, so both sides of the 2025-07-01 reorganisation.</summary>
    public const int Months = 18;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var status = services.GetRequiredService<DemoDataStatus>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OneStop.Platform.Host.DemoData");
        if (!configuration.GetValue(Setting, false))
        {
            return;
        }

        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            // Made-up citizens never go into a real installation, whatever the configuration says.
            logger.LogWarning("{Setting} is ignored outside Development.", Setting);
            return;
        }

        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var contributors = sp.GetServices<IDemoDataContributor>().OrderBy(c => c.Order).ToList();
        if (sp.GetService<ICountersApi>() is not { } counters || contributors.Count == 0)
        {
            return; // without the Counters module there is no dossier to build on
        }

        if ((await counters.ListDossiersAsync(null, 1, ct)).Count > 0)
        {
            status.AlreadyPresent = true;
            return;
        }

        var today = VietnamTime.Today(sp.GetRequiredService<TimeProvider>());
        var run = new DemoDataRun(
            From: new DateOnly(today.Year, today.Month, 1).AddMonths(-Months),
            To: today,
            Dossiers: Math.Max(0, configuration.GetValue(CountSetting, DefaultCount)),
            Seed: 20250701,
            Log: logger);
        logger.LogInformation("Dữ liệu mẫu / demo data: {Count} hồ sơ từ {From:dd/MM/yyyy} đến {To:dd/MM/yyyy} ({Setting}=false để tắt)…", run.Dossiers, run.From, run.To, Setting);
        var watch = Stopwatch.StartNew();
        foreach (var contributor in contributors)
        {
            await contributor.GenerateAsync(run, ct);
        }

        foreach (var contributor in contributors)
        {
            await contributor.CompleteAsync(run, ct);
        }

        status.DossiersGenerated = run.DossiersCreated;
        status.Elapsed = watch.Elapsed;
        logger.LogInformation("Dữ liệu mẫu / demo data: {Count} hồ sơ, xong trong {Seconds:F1} s", run.DossiersCreated, watch.Elapsed.TotalSeconds);
    }
}
