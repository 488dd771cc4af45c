namespace OneStop.Platform.Host.Demo;

/// <summary>
/// Runs the demo dataset's generation in the background once the host is ready (the banner has said where to sign
/// in); the pages work meanwhile and fill as it goes. A console line says when it is done.
/// </summary>
internal sealed class DemoDataGenerator(IServiceProvider services, IHostApplicationLifetime lifetime, DemoDataStatus status, ILogger<DemoDataGenerator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!status.Pending)
            {
                status.Complete(); // switched off, outside Development, or there from an earlier start
                return;
            }

            await DemoDataSeeder.GenerateAsync(services, logger, stoppingToken);
            Console.WriteLine($"Dữ liệu mẫu / demo data: {status.DossiersGenerated} hồ sơ sẵn sàng / dossiers ready ({status.Elapsed.TotalSeconds:F0} s).");
            status.Complete();
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException)
            {
                logger.LogError(e, "Dữ liệu mẫu / demo data: generation failed; delete App_Data/ and start again to retry.");
            }

            status.Fail(e);
        }
    }
}
