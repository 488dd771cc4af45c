using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace OneStop.Integration.Simulators;

/// <summary>A message an SMS or Zalo simulator "sent".</summary>
internal sealed record SimulatedMessage(string Gateway, string To, string Text, Guid Reference, DateTimeOffset At);

/// <summary>What the SMS and Zalo simulators "sent", newest last (a bounded in-memory log, like a provider's console).</summary>
internal sealed class SimulatedMessageLog
{
    private readonly ConcurrentQueue<SimulatedMessage> _messages = new();

    public IReadOnlyList<SimulatedMessage> All => _messages.ToArray();

    /// <summary>Keeps the first message of a reference only (the providers de-duplicate by it); false for a repeat.</summary>
    public bool Add(SimulatedMessage message)
    {
        if (_messages.Any(m => m.Gateway == message.Gateway && m.Reference == message.Reference))
        {
            return false;
        }

        _messages.Enqueue(message);
        while (_messages.Count > 10_000 && _messages.TryDequeue(out _))
        {
        }

        return true;
    }
}

/// <summary>
/// Stand-ins for the SMS brandname gateway and the Zalo OA (ZNS) API: <c>POST /sandbox/{sms|zalo}/messages</c> logs the
/// message and answers 202, slowly or with 503 as <see cref="SandboxBehaviour"/> says for "sms" and "zalo"
/// (<c>Integration:Sandbox:sms:LatencyMilliseconds</c>, <c>:ErrorRate</c>); <c>GET …/messages?to=</c> lists what was sent.
/// </summary>
internal static class MessageGatewaySimulator
{
    internal sealed record SendBody(string? To, string? Text, Guid Reference);

    public static readonly string[] Gateways = ["sms", "zalo"];

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        foreach (var gateway in Gateways)
        {
            sandbox.MapPost($"/{gateway}/messages", async (SendBody body, SandboxBehaviour behaviour, SimulatedMessageLog log, ILoggerFactory loggers, TimeProvider clock, CancellationToken ct) =>
            {
                if (await behaviour.ShouldFailAsync(gateway, ct))
                {
                    return Results.Json(new { error = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
                }

                if (string.IsNullOrWhiteSpace(body.To) || string.IsNullOrWhiteSpace(body.Text) || body.To.Length > 20 || body.Text.Length > 2000)
                {
                    return Results.BadRequest(new { error = "invalid_message" });
                }

                if (log.Add(new SimulatedMessage(gateway, body.To, body.Text, body.Reference, clock.GetUtcNow())))
                {
                    loggers.CreateLogger("OneStop.Integration.Simulators." + gateway).LogInformation("Simulated {Gateway} to {To}: {Text}", gateway, body.To, body.Text);
                }

                return Results.Accepted(value: new { accepted = true, reference = body.Reference });
            });
            sandbox.MapGet($"/{gateway}/messages", (string? to, SimulatedMessageLog log) =>
                Results.Ok(log.All.Where(m => m.Gateway == gateway && (to == null || m.To == to)).TakeLast(200)));
        }
    }
}
