using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace OneStop.Integration.Simulators;

/// <summary>How a simulator misbehaves: latency, share of failed requests, an outage window. Set by config or at run time.</summary>
internal sealed record SimulatorSettings(int LatencyMilliseconds, double ErrorRate, DateTimeOffset? DownUntil);

/// <summary>The live settings of every simulator (the real systems are slow and fail; tests and demos need to say how).</summary>
internal sealed class SandboxBehaviour(IConfiguration configuration, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SimulatorSettings> _settings = new();
    private readonly Random _random = new(468);

    public SimulatorSettings Get(string system) => _settings.GetOrAdd(system, key => new SimulatorSettings(
        configuration.GetValue($"Integration:Sandbox:{key}:LatencyMilliseconds", 40),
        configuration.GetValue($"Integration:Sandbox:{key}:ErrorRate", 0.0),
        null));

    public void Set(string system, SimulatorSettings settings) => _settings[system] = settings;

    /// <summary>Waits the simulated latency (±50 %), then tells whether this request fails.</summary>
    public async Task<bool> ShouldFailAsync(string system, CancellationToken ct)
    {
        var settings = Get(system);
        double roll, jitter;
        lock (_random)
        {
            roll = _random.NextDouble();
            jitter = 0.5 + _random.NextDouble();
        }

        if (settings.LatencyMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(settings.LatencyMilliseconds * jitter), ct);
        }

        return settings.DownUntil > clock.GetUtcNow() || roll < settings.ErrorRate;
    }
}
