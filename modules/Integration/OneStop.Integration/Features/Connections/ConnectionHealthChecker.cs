using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Connectors;
using OneStop.Integration.Infrastructure;

namespace OneStop.Integration.Features.Connections;

/// <summary>
/// Checks every national system's connection as configured (kiểm tra kết nối định kỳ) and records one
/// <see cref="ConnectionCheck"/> per system: a switched-off connection is recorded without a call; the others get one
/// GET to their health address (<c>Integration:Systems:{key}:HealthPath</c>, default <c>health</c>), no retries,
/// <c>Integration:Health:TimeoutSeconds</c> (10 s). Runs hourly (Hangfire) and from the connection board.
/// </summary>
internal sealed class ConnectionHealthChecker(
    IntegrationDbContext db, IHttpClientFactory http, ConnectorAddresses addresses, IConfiguration configuration, TimeProvider clock,
    ILogger<ConnectionHealthChecker> logger)
{
    public const string JobId = "integration-connection-health";
    public const string ClientName = "national-health";

    public async Task<IReadOnlyList<ConnectionCheck>> RunAsync(CancellationToken ct)
    {
        var checks = new List<ConnectionCheck>();
        foreach (var system in NationalSystem.All)
        {
            checks.Add(await CheckAsync(addresses.Describe(system), ct));
        }

        db.ConnectionChecks.AddRange(checks);
        await db.SaveChangesAsync(ct);
        return checks;
    }

    private async Task<ConnectionCheck> CheckAsync(ConnectionSetting setting, CancellationToken ct)
    {
        var check = new ConnectionCheck
        {
            System = setting.System.Key, CheckedAt = clock.GetUtcNow(), Enabled = setting.Enabled, Simulated = setting.Simulated, Endpoint = setting.Endpoint,
        };
        if (!setting.Enabled)
        {
            return check;
        }

        var path = configuration[$"Integration:Systems:{setting.System.Key}:HealthPath"] is { Length: > 0 } configured ? configured.TrimStart('/') : "health";
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.CreateClient(ClientName).GetAsync(new Uri(setting.BaseAddress, path), ct);
            check.StatusCode = (int)response.StatusCode;
            check.Healthy = response.IsSuccessStatusCode;
            check.Error = check.Healthy ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Health check of {System} failed", setting.System.Key);
            check.Error = e.Message[..Math.Min(e.Message.Length, 1000)];
        }

        check.DurationMs = (int)watch.ElapsedMilliseconds;
        return check;
    }
}
