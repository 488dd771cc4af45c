using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Integration.Features.Webhooks;

namespace OneStop.Integration.Simulators;

/// <summary>
/// A third party's webhook endpoint, for demos and tests: told to fail its first N deliveries, it checks each signature
/// with the secret it was given and records what it accepted (once per Idempotency-Key).
/// </summary>
internal sealed class WebhookReceiverSimulator
{
    internal sealed record Setup(int FailFirst, string Secret);

    internal sealed record Delivery(string Key, string Event, bool SignatureValid, string Body);

    private sealed class Receiver(Setup setup)
    {
        public Setup Setup { get; } = setup;
        public int Calls;
        public readonly ConcurrentDictionary<string, Delivery> Accepted = new();
    }

    private readonly ConcurrentDictionary<string, Receiver> _receivers = new();

    public (int Calls, IReadOnlyCollection<Delivery> Accepted) Stats(string name) =>
        _receivers.TryGetValue(name, out var r) ? (r.Calls, r.Accepted.Values.ToArray()) : (0, []);

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapPut("/webhook-receiver/{name}", (string name, Setup setup, WebhookReceiverSimulator sim) =>
        {
            sim._receivers[name] = new Receiver(setup);
            return Results.NoContent();
        });
        sandbox.MapPost("/webhook-receiver/{name}", async (string name, HttpRequest request, WebhookReceiverSimulator sim) =>
        {
            if (!sim._receivers.TryGetValue(name, out var receiver))
            {
                return Results.NotFound();
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Increment(ref receiver.Calls) <= receiver.Setup.FailFirst)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }

            var expected = Webhooks.Sign(receiver.Setup.Secret, request.Headers[Webhooks.TimestampHeader].ToString(), body);
            var key = request.Headers["Idempotency-Key"].ToString();
            receiver.Accepted.TryAdd(key, new Delivery(key, request.Headers[Webhooks.EventHeader].ToString(), expected == request.Headers[Webhooks.SignatureHeader].ToString(), body));
            return Results.Ok();
        });
        sandbox.MapGet("/webhook-receiver/{name}", (string name, WebhookReceiverSimulator sim) =>
        {
            var (calls, accepted) = sim.Stats(name);
            return Results.Ok(new { calls, accepted });
        });
    }
}
