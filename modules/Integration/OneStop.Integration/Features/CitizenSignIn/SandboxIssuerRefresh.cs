using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Client;

namespace OneStop.Integration.Features.CitizenSignIn;

/// <summary>
/// With the simulator standing in for VNeID, its issuer is this host's own address, which Kestrel knows only once it
/// listens (a port chosen at start, as the browser tests do). Client options read before that carry the configured
/// address ("…:0"); they are dropped when the application has started, so the next use builds them with the real one.
/// </summary>
internal sealed class SandboxIssuerRefresh(IHostApplicationLifetime lifetime, IOptionsMonitorCache<OpenIddictClientOptions> cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => cache.TryRemove(Options.DefaultName));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
