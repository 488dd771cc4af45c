using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using OneStop.Platform.Scoping;
using Polly;

namespace OneStop.Integration.Connectors;

/// <summary>Where each national system answers: configured, or this host's own simulator under /sandbox/{key}/.</summary>
internal sealed class ConnectorAddresses(IConfiguration configuration, IServiceProvider services)
{
    public Uri For(NationalSystem system, string relative) => new(BaseOf(system), relative);

    private Uri BaseOf(NationalSystem system)
    {
        if (configuration[$"Integration:Systems:{system.Key}:BaseUrl"] is { Length: > 0 } configured)
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        // The simulator served by this very host (embedded default, development, tests).
        var self = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return new Uri(self.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").TrimEnd('/') + $"/sandbox/{system.Key}/");
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

        services.AddScoped<NationalSystemsClient>();
        services.AddScoped<OneStop.Integration.Contracts.IIntegrationApi>(sp => sp.GetRequiredService<NationalSystemsClient>());
        return services;
    }
}
