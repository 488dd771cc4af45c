using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneStop.Platform.Jobs;

/// <summary>
/// Near-real-time scanner: runs a round, drains while rounds find work, then waits the configured interval. For the
/// queues that must move within a second (outbox relay, outgoing deliveries), where Hangfire's schedule polling is too slow.
/// </summary>
public abstract class PollingBackgroundService(IConfiguration configuration, ILogger logger, string intervalKey, int defaultMilliseconds) : BackgroundService
{
    /// <summary>One round; returns how many items it completed (0 = nothing to do now).</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue(intervalKey, defaultMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0)
                {
                    // keep draining while there is work
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Service} round failed", GetType().Name);
            }

            await Task.Delay(interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
