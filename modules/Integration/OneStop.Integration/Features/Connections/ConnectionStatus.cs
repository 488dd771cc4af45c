using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.Connections;

/// <summary>Up (last attempts succeed), degraded (some fail), down (the last three failed), unknown (never called).</summary>
internal static class ConnectionStates
{
    public const string Up = "up";
    public const string Degraded = "degraded";
    public const string Down = "down";
    public const string Unknown = "unknown";
}

/// <param name="Enabled">Switched on in the configuration.</param>
/// <param name="Simulated">A simulator answers for the system (not counted as connected outside Development).</param>
/// <param name="LastCheckAt">The last health check (<see cref="ConnectionHealthChecker"/>), and whether it passed.</param>
internal sealed record ConnectionStatusDto(
    string System, string Name, string State, int? AverageLatencyMs, int CallsLast24Hours, int FailuresLast24Hours,
    DateTimeOffset? LastCallAt, string? LastError, DateTimeOffset? LastErrorAt,
    bool Enabled = true, bool Simulated = false, DateTimeOffset? LastCheckAt = null, bool? LastCheckHealthy = null);

internal sealed record SandboxSettingsBody(int LatencyMilliseconds, double ErrorRate, int DownForSeconds);

internal sealed class SandboxSettingsBodyValidator : AbstractValidator<SandboxSettingsBody>
{
    public SandboxSettingsBodyValidator()
    {
        RuleFor(b => b.LatencyMilliseconds).InclusiveBetween(0, 60_000).WithErrorCode(IntegrationMessages.SandboxLatencyOutOfRange);
        RuleFor(b => b.ErrorRate).InclusiveBetween(0, 1).WithErrorCode(IntegrationMessages.SandboxErrorRateOutOfRange);
        RuleFor(b => b.DownForSeconds).InclusiveBetween(0, 86_400).WithErrorCode(IntegrationMessages.SandboxDownTimeOutOfRange);
    }
}

/// <summary>The connection status board (bảng theo dõi kết nối) computed from the exchange log.</summary>
internal static class ConnectionStatus
{
    private const int Window = 20;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/connections", List).RequirePermission(IntegrationPermissions.Access)
            .WithSummary("Tình trạng kết nối với các hệ thống quốc gia: hoạt động, độ trễ, lỗi gần nhất");
        api.MapPut("/sandbox/{system}", SetSandbox).RequirePermission(IntegrationPermissions.SandboxManage).Validate<SandboxSettingsBody>()
            .WithSummary("Điều chỉnh hệ thống giả lập: độ trễ, tỷ lệ lỗi, thời gian gián đoạn");
    }

    internal static async Task<Ok<List<ConnectionStatusDto>>> List(IntegrationDbContext db, ConnectorAddresses addresses, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ComputeAsync(db, addresses, clock, ct));

    public static async Task<List<ConnectionStatusDto>> ComputeAsync(IntegrationDbContext db, ConnectorAddresses addresses, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddHours(-24);
        var result = new List<ConnectionStatusDto>();
        foreach (var system in NationalSystem.All)
        {
            var recent = await db.ExchangeRecords.AsNoTracking().Where(r => r.System == system.Key)
                .OrderByDescending(r => r.RequestedAt).Take(Window).ToListAsync(ct);
            var day = await db.ExchangeRecords.AsNoTracking().Where(r => r.System == system.Key && r.RequestedAt >= since)
                .GroupBy(r => r.Succeeded).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var lastError = await db.ExchangeRecords.AsNoTracking().Where(r => r.System == system.Key && !r.Succeeded)
                .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
            var state = recent.Count == 0 ? ConnectionStates.Unknown
                : recent.Take(3).All(r => !r.Succeeded) ? ConnectionStates.Down
                : recent.Any(r => !r.Succeeded) ? ConnectionStates.Degraded
                : ConnectionStates.Up;
            var successes = recent.Where(r => r.Succeeded).ToList();
            var setting = addresses.Describe(system);
            var lastCheck = await db.ConnectionChecks.AsNoTracking().Where(c => c.System == system.Key)
                .OrderByDescending(c => c.CheckedAt).Select(c => new { c.CheckedAt, c.Healthy }).FirstOrDefaultAsync(ct);
            result.Add(new ConnectionStatusDto(
                system.Key, system.NameVi, state,
                successes.Count > 0 ? (int)successes.Average(r => r.DurationMs) : null,
                day.Sum(d => d.Count), day.Where(d => !d.Key).Sum(d => d.Count),
                recent.FirstOrDefault()?.RequestedAt, lastError?.Error, lastError?.RequestedAt,
                setting.Enabled, setting.Simulated, lastCheck?.CheckedAt, lastCheck?.Healthy));
        }

        return result;
    }

    internal static Results<NoContent, ProblemHttpResult> SetSandbox(string system, SandboxSettingsBody body, SandboxBehaviour behaviour, TimeProvider clock)
    {
        if (NationalSystem.Find(system) is null)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(IntegrationErrorCodes.UnknownSystem, Messages.Text(IntegrationMessages.SandboxUnknownSystem, system), 404));
        }

        behaviour.Set(system, new SimulatorSettings(body.LatencyMilliseconds, body.ErrorRate,
            body.DownForSeconds > 0 ? clock.GetUtcNow().AddSeconds(body.DownForSeconds) : null));
        return TypedResults.NoContent();
    }
}
