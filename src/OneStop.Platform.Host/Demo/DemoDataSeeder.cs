using System.Diagnostics;
using OneStop.Counters.Contracts;
using OneStop.Platform.Domain;
using OneStop.Platform.Modules;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Host.Demo;

/// <summary>
/// The demo dataset of the embedded default (<c>Seed:DemoData</c>, ADR 0019): at the first start in Development, the
/// modules' <see cref="IDemoDataContributor"/>s fill the last 18 months — dossiers at the units of each day, queue
/// visits, ratings, digitised results, plan reports — then what derives from them (search index, KPI snapshots). It
/// takes over a minute on two cores, so start-up only decides (<see cref="PrepareAsync"/>) and the work runs in the
/// background once the host is ready (<see cref="DemoDataGenerator"/>), its progress in the log. Runs once: when a
/// dossier exists, nothing is generated.
/// </summary>
internal static class DemoDataSeeder
{
    public const string Setting = "Seed:DemoData";
    public const string CountSetting = "Seed:DemoDataDossiers";
    public const int DefaultCount = 3500;

    /// <summary>How far back: 18 months before today's month, so both sides of the 2025-07-01 reorganisation.</summary>
    public const int Months = 18;

    /// <summary>At start-up, after migrations and seeding: whether the demo dataset is to be generated.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var status = services.GetRequiredService<DemoDataStatus>();
        if (!configuration.GetValue(Setting, false))
        {
            status.Complete();
            return;
        }

        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            // Made-up citizens never go into a real installation, whatever the configuration says.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataSeeder)).LogWarning("{Setting} is ignored outside Development.", Setting);
            status.Complete();
            return;
        }

        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetService<ICountersApi>() is not { } counters || !scope.ServiceProvider.GetServices<IDemoDataContributor>().Any())
        {
            status.Complete(); // without the Counters module there is no dossier to build on
            return;
        }

        if ((await counters.ListDossiersAsync(null, 1, ct)).Count > 0)
        {
            status.AlreadyPresent = true;
            status.Complete();
            return;
        }

        status.Pending = true;
        status.Requested = Math.Max(0, configuration.GetValue(CountSetting, DefaultCount));
    }

    /// <summary>Generates the dataset; called once by <see cref="DemoDataGenerator"/> when <see cref="DemoDataStatus.Pending"/>.</summary>
    public static async Task GenerateAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var status = services.GetRequiredService<DemoDataStatus>();
        using var _ = services.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "system");
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var today = VietnamTime.Today(sp.GetRequiredService<TimeProvider>());
        var run = new DemoDataRun(
            From: new DateOnly(today.Year, today.Month, 1).AddMonths(-Months),
            To: today,
            Dossiers: status.Requested,
            Seed: 20250701,
            Log: logger);
        logger.LogInformation("Dữ liệu mẫu / demo data: {Count} hồ sơ từ {From:dd/MM/yyyy} đến {To:dd/MM/yyyy}, đang tạo… ({Setting}=false để tắt)", run.Dossiers, run.From, run.To, Setting);
        var watch = Stopwatch.StartNew();
        await DemoStaff.EnsureAsync(sp, run.From, ct); // the person the generated dossiers are handed to
        var contributors = sp.GetServices<IDemoDataContributor>().OrderBy(c => c.Order).ToList();
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
        status.Pending = false;
        logger.LogInformation("Dữ liệu mẫu / demo data: {Count} hồ sơ, xong trong {Seconds:F1} s", run.DossiersCreated, watch.Elapsed.TotalSeconds);
    }
}
