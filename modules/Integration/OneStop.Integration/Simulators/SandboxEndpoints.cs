using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;

namespace OneStop.Integration.Simulators;

/// <summary>
/// Stand-ins for the national systems, served under /sandbox/{system}/ by this host (development and the embedded default;
/// switched off in production with <c>Integration:Sandbox:Enabled=false</c>). They answer like the documented
/// contracts, slowly and sometimes not at all, as <see cref="SandboxBehaviour"/> says.
/// </summary>
internal static class SandboxEndpoints
{
    internal sealed record VerifyCitizenRequest(string CitizenId, string FullName, DateOnly DateOfBirth);

    public static void Map(IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox").ExcludeFromDescription().AllowAnonymous();
        sandbox.MapPost("/population/citizens/verify", async (VerifyCitizenRequest request, SandboxBehaviour behaviour, CancellationToken ct) =>
        {
            if (await behaviour.ShouldFailAsync(NationalSystem.Population.Key, ct))
            {
                return Unavailable();
            }

            var citizen = SimulatedRegistries.FindCitizen(request.CitizenId);
            if (citizen is null)
            {
                return Results.NotFound(new { error = "not_found" });
            }

            // The register confirms a match; it gives the identity only to a caller who already knows name and birth date.
            var matched = SimulatedRegistries.SameName(citizen.FullName, request.FullName) && citizen.DateOfBirth == request.DateOfBirth;
            return Results.Ok(new { matched, citizen = matched ? citizen : null });
        });
        sandbox.MapGet("/business/enterprises/{code}", async (string code, SandboxBehaviour behaviour, CancellationToken ct) =>
            await behaviour.ShouldFailAsync(NationalSystem.Business.Key, ct) ? Unavailable()
            : SimulatedRegistries.FindEnterprise(code) is { } e ? Results.Ok(e) : Results.NotFound(new { error = "not_found" }));
        sandbox.MapGet("/land/parcels/{certificate}", async (string certificate, SandboxBehaviour behaviour, CancellationToken ct) =>
            await behaviour.ShouldFailAsync(NationalSystem.Land.Key, ct) ? Unavailable()
            : SimulatedRegistries.FindParcel(certificate) is { } p ? Results.Ok(p) : Results.NotFound(new { error = "not_found" }));
        // The health address each simulator answers, down when its outage or error rate says so.
        sandbox.MapGet("/{system}/health", async (string system, SandboxBehaviour behaviour, CancellationToken ct) =>
            NationalSystem.Find(system) is null ? Results.NotFound(new { error = "unknown_system" })
            : await behaviour.ShouldFailAsync(system, ct) ? Unavailable()
            : Results.Ok(new { status = "ok", simulator = true }));
        PortalSimulator.Map(sandbox);
        CommandCentreSimulator.Map(sandbox);
        WebhookReceiverSimulator.Map(sandbox);
        MessageGatewaySimulator.Map(sandbox);
        VNeIdEndpoints.Map(sandbox);
        PaymentPlatformSimulator.Map(sandbox);
    }

    /// <summary>Standalone only (the host has the admin API for it): set a simulator's latency, error rate and outage.</summary>
    public static void MapBehaviourSwitch(IEndpointRouteBuilder app) =>
        app.MapPut("/sandbox/{system}/behaviour", (string system, BehaviourBody body, SandboxBehaviour behaviour, TimeProvider clock) =>
        {
            if (NationalSystem.Find(system) is null)
            {
                return Results.NotFound(new { error = "unknown_system", systems = NationalSystem.All.Select(s => s.Key) });
            }

            if (body.LatencyMilliseconds is < 0 or > 60_000 || body.ErrorRate is < 0 or > 1 || body.DownForSeconds is < 0 or > 86_400)
            {
                return Results.BadRequest(new { error = "invalid_behaviour", hint = "latencyMilliseconds 0–60000, errorRate 0–1, downForSeconds 0–86400" });
            }

            behaviour.Set(system, new SimulatorSettings(body.LatencyMilliseconds, body.ErrorRate,
                body.DownForSeconds > 0 ? clock.GetUtcNow().AddSeconds(body.DownForSeconds) : null));
            return Results.NoContent();
        });

    internal sealed record BehaviourBody(int LatencyMilliseconds, double ErrorRate, int DownForSeconds);

    private static IResult Unavailable() => Results.Json(new { error = "service_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
