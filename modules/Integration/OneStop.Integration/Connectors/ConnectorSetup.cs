using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using OneStop.Platform.Scoping;
using Polly;

namespace OneStop.Integration.Connectors;

/// <summary>
/// How a national system's connection is configured (cấu hình kết nối): switched on or off, the address it answers at
/// (user information left out), and whether a simulator serves it — this host's own under <c>/sandbox/{key}/</c> when no
/// address is configured, the standalone simulators (<c>etc/simulators</c>, addresses under <c>/sandbox/</c>), or any
/// address marked <c>Integration:Systems:{key}:Simulator=true</c>.
/// </summary>
internal sealed record ConnectionSetting(NationalSystem System, bool Enabled, bool Simulated, Uri BaseAddress)
{
    /// <summary>Scheme, host, port and path only: never credentials written into the URL.</summary>
    public string Endpoint => $"{BaseAddress.Scheme}://{BaseAddress.Authority}{BaseAddress.AbsolutePath}";
}

/// <summary>Where each national system answers: configured, or this host's own simulator under /sandbox/{key}/.</summary>
internal sealed class ConnectorAddresses(IConfiguration configuration, IServiceProvider services)
{
    public Uri For(NationalSystem system, string relative) => new(BaseOf(system), relative);

    /// <summary>The connection as configured now: <c>Integration:Systems:{key}:Enabled</c> (default on), address, simulator or not.</summary>
    public ConnectionSetting Describe(NationalSystem system)
    {
        var section = configuration.GetSection($"Integration:Systems:{system.Key}");
        var configured = section["BaseUrl"] is { Length: > 0 };
        var address = BaseOf(system);
        var simulated = !configured || section.GetValue("Simulator", false)
            || address.AbsolutePath.StartsWith("/sandbox/", StringComparison.OrdinalIgnoreCase);
        return new ConnectionSetting(system, section.GetValue("Enabled", true), simulated, address);
    }

    private Uri BaseOf(NationalSystem system)
    {
        if (configuration[$"Integration:Systems:{system.Key}:BaseUrl"] is { Length: > 0 } configured)
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        return Sandbox(system.Key);
    }

    /// <summary>The simulator <paramref name="key"/> served by this very host (embedded default, development, tests).</summary>
    public Uri Sandbox(string key)
    {
        var self = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return new Uri(self.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").TrimEnd('/') + $"/sandbox/{key}/");
    }
}

internal static class ConnectorSetup
{
    /// <summary>
    /// One named HttpClient per national system: total and per-attempt timeouts, retries with exponential backoff and
    /// jitter, a circuit breaker (Microsoft.Extensions.Http.Resilience), and the exchange recorder innermost so every
    /// attempt is logged. Figures come from <c>Integration:Resilience</c>.
    /// </summary>
    public static IServiceCollection AddNationalSystemConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        var r = configuration.GetSection("Integration:Resilience");
        var attemptTimeout = TimeSpan.FromSeconds(r.GetValue("AttemptTimeoutSeconds", 5.0));
        services.AddSingleton<ConnectorAddresses>();
        foreach (var system in NationalSystem.All)
        {
            var client = services.AddHttpClient(system.HttpClientName);
            client.AddResilienceHandler("national", builder => builder
                    .AddTimeout(TimeSpan.FromSeconds(r.GetValue("TotalTimeoutSeconds", 30.0)))
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = r.GetValue("MaxRetryAttempts", 4),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(r.GetValue("RetryDelayMilliseconds", 300)),
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = r.GetValue("BreakerFailureRatio", 0.8),
                        MinimumThroughput = r.GetValue("BreakerMinimumThroughput", 10),
                        SamplingDuration = attemptTimeout * 2 > TimeSpan.FromSeconds(30) ? attemptTimeout * 2 : TimeSpan.FromSeconds(30),
                        BreakDuration = TimeSpan.FromSeconds(r.GetValue("BreakSeconds", 15.0)),
                    })
                    .AddTimeout(attemptTimeout));
            client.AddHttpMessageHandler(sp => new ExchangeRecordingHandler(
                    system.Key, sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ICurrentScope>(), sp.GetRequiredService<TimeProvider>()));
        }

        // Webhooks: one attempt per delivery round (the outgoing queue retries with backoff), recorded like the others.
        services.AddHttpClient(OneStop.Integration.Delivery.OutgoingDelivery.WebhookClientName, c => c.Timeout = TimeSpan.FromSeconds(r.GetValue("WebhookTimeoutSeconds", 10.0)))
            .AddHttpMessageHandler(sp => new ExchangeRecordingHandler(
                "webhook", sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ICurrentScope>(), sp.GetRequiredService<TimeProvider>()));

        // Health checks: one attempt each, no retries (a check records the state it finds, ConnectionHealthChecker).
        services.AddHttpClient(Features.Connections.ConnectionHealthChecker.ClientName,
            c => c.Timeout = TimeSpan.FromSeconds(configuration.GetValue("Integration:Health:TimeoutSeconds", 10.0)));
        services.AddScoped<Features.Connections.ConnectionHealthChecker>();

        services.AddScoped<NationalSystemsClient>();
        services.AddScoped<OneStop.Integration.Contracts.IIntegrationApi>(sp => sp.GetRequiredService<NationalSystemsClient>());
        return services;
    }
}
