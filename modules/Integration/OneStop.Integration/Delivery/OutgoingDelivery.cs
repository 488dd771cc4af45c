using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Webhooks;
using OneStop.Platform.Messaging;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Scoping;

namespace OneStop.Integration.Delivery;

/// <summary>
/// The external leg of the kernel's relay: messages owed to external systems (the national portal, the command centre,
/// third parties' webhooks) go through <see cref="OrderedDelivery"/> like the outboxes — oldest first, in order per
/// ordering key, exponential backoff with jitter, dead letters after <c>Integration:Delivery:MaxAttempts</c>.
/// </summary>
internal sealed class OutgoingDelivery(
    IServiceScopeFactory scopes, IHttpClientFactory http, ConnectorAddresses addresses, IConfiguration configuration,
    OrderedDelivery delivery, TimeProvider clock, OneStop.Platform.Storage.IBlobStore blobs) : IDeliveryLeg
{
    private readonly DeliveryPolicy _policy = new(
        configuration.GetValue("Integration:Delivery:MaxAttempts", 30),
        TimeSpan.FromSeconds(configuration.GetValue("Integration:Delivery:MaxBackoffSeconds", 300.0)),
        configuration.GetValue("Integration:Delivery:BatchSize", 200));

    private readonly int _disableAfter = configuration.GetValue("Integration:Webhooks:DisableAfterFailures", 10);

    public const string WebhookClientName = "webhooks";

    public string Name => "integration";

    /// <summary>One round over the due messages; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "delivery");
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        return await delivery.DeliverDueAsync<OutgoingMessage>(db, _policy, (message, token) =>
            message.Destination.StartsWith(Webhooks.DestinationPrefix, StringComparison.Ordinal) ? SendWebhookAsync(db, message, token) : SendAsync(message, token), ct);
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(Guid? before, int take, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "delivery");
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        return await db.OutgoingMessages.AsNoTracking().DeadBefore(before).Take(take)
            .Select(m => new DeadLetter(Name, m.Id, m.Kind, m.Destination, m.IdempotencyKey, m.OrderingKey, m.Attempts, m.LastError, m.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<bool> RetryAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "delivery");
        return await scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().RetryDeadAsync<OutgoingMessage>(id, ct);
    }

    /// <summary>
    /// A signed POST to the subscriber. A removed or switched-off subscription dead-letters the message at once; repeated
    /// failures switch the subscription off with the reason (shown on the subscriptions page, kept in the audit chain).
    /// </summary>
    private async Task<string?> SendWebhookAsync(IntegrationDbContext db, OutgoingMessage message, CancellationToken ct)
    {
        var id = Guid.Parse(message.Destination[Webhooks.DestinationPrefix.Length..]);
        var subscription = await db.WebhookSubscriptions.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null || subscription.IsDeleted || !subscription.IsActive)
        {
            message.Attempts = _policy.MaxAttempts;
            return "Đăng ký nhận sự kiện đã bị hủy hoặc đang tắt.";
        }

        string? error;
        try
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(message.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
            request.Headers.Add(Webhooks.EventHeader, message.Kind);
            request.Headers.Add(Webhooks.TimestampHeader, timestamp);
            request.Headers.Add(Webhooks.SignatureHeader, Webhooks.Sign(subscription.Secret, timestamp, message.Payload));
            using var response = await http.CreateClient(WebhookClientName).SendAsync(request, ct);
            error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = e.Message;
        }

        if (error is null)
        {
            subscription.ConsecutiveFailures = 0;
        }
        else if (++subscription.ConsecutiveFailures >= _disableAfter)
        {
            subscription.IsActive = false;
            subscription.DisabledAt = clock.GetUtcNow();
            subscription.DisabledReason = $"Tự động tắt sau {subscription.ConsecutiveFailures} lần gửi lỗi liên tiếp: {error}";
            message.Attempts = _policy.MaxAttempts;
        }

        return error;
    }

    /// <summary>Null when the receiver accepted the message (including "already applied").</summary>
    private async Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var system = NationalSystem.Find(message.Destination);
        if (system is null)
        {
            return $"Không có hệ thống nhận '{message.Destination}'.";
        }

        try
        {
            var body = message.Kind == Features.DossierSync.ElectronicResultSignedHandler.PortalResultKind ? await WithResultFileAsync(message.Payload, ct) : message.Payload;
            if (body is null)
            {
                return "Không còn tệp kết quả đã ký trong kho lưu trữ.";
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, addresses.For(system, message.Kind))
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
            using var response = await http.CreateClient(system.HttpClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return e.Message;
        }
    }

    /// <summary>The result message with the signed PDF's bytes added (base64), read from the blob store at sending; null when the blob is gone.</summary>
    private async Task<string?> WithResultFileAsync(string payload, CancellationToken ct)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(payload)!.AsObject();
        var key = (string?)node["sha256"];
        if (!OneStop.Platform.Storage.BlobKeys.IsValid(key) || await blobs.OpenAsync(key!, ct) is not { } stream)
        {
            return null;
        }

        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            node["contentBase64"] = Convert.ToBase64String(buffer.ToArray());
        }

        return node.ToJsonString();
    }
}
