using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Integration.Connectors;

namespace OneStop.Integration.Simulators;

/// <summary>
/// Hệ thống thông tin chỉ đạo, điều hành của Chính phủ, as far as indicator reports go: it takes one report per
/// Idempotency-Key (a repeated key is answered 200 and not stored again) and fails, slows or goes down as configured.
/// </summary>
internal sealed class CommandCentreSimulator
{
    internal sealed record Report(string Key, string Period, int Indicators, DateTimeOffset ReceivedAt);

    private readonly ConcurrentDictionary<string, Report> _reports = new();

    public IReadOnlyCollection<Report> Reports => _reports.Values.OrderBy(r => r.ReceivedAt).ToArray();

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapPost("/command-centre/indicators", async (HttpRequest request, CommandCentreSimulator centre, SandboxBehaviour behaviour, CancellationToken ct) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            if (string.IsNullOrEmpty(key))
            {
                return Results.BadRequest(new { error = "idempotency_key_required" });
            }

            if (await behaviour.ShouldFailAsync(NationalSystem.CommandCentre.Key, ct))
            {
                return Results.Json(new { error = "service_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
            if (!body.TryGetProperty("period", out var period) || !body.TryGetProperty("indicators", out var indicators) || indicators.ValueKind != JsonValueKind.Array)
            {
                return Results.BadRequest(new { error = "invalid_report" });
            }

            centre._reports.TryAdd(key, new Report(key, period.GetString() ?? "", indicators.GetArrayLength(), DateTimeOffset.UtcNow));
            return Results.Ok(new { accepted = true });
        });
        sandbox.MapGet("/command-centre/indicators", (CommandCentreSimulator centre) => Results.Ok(centre.Reports));
    }
}
