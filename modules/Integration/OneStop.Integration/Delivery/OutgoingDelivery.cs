using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Webhooks;
using OneStop.Platform.Messaging;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Jobs;
using OneStop.Platform.Scoping;

namespace OneStop.Integration.Delivery;

/// <summary>
/// Delivers due outgoing messages, oldest first. A failure schedules the next attempt with exponential backoff and
/// jitter (capped), and holds back later messages of the same ordering key so a dossier's statuses never overtake each
/// other; after the maximum attempts the message is dead-lettered. An idempotent scanner of database state.
/// </summary>
internal sealed class OutgoingDelivery(
    IServiceScopeFactory scopes, IHttpClientFactory http, ConnectorAddresses addresses, IConfiguration configuration,
    TimeProvider clock, ILogger<OutgoingDelivery> logger)
{
    private readonly int _maxAttempts = configuration.GetValue("Integration:Delivery:MaxAttempts", 30);
    private readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(configuration.GetValue("Integration:Delivery:MaxBackoffSeconds", 300.0));
    private readonly int _batch = configuration.GetValue("Integration:Delivery:BatchSize", 200);
    private readonly int _disableAfter = configuration.GetValue("Integration:Webhooks:DisableAfterFailures", 10);
    private readonly Random _jitter = new();

    public const string WebhookClientName = "webhooks";

    /// <summary>One round over the due messages; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "delivery");
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMessages
            .Where(m => m.State == OutgoingStates.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(_batch).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // A message goes only when it is the oldest pending one of its ordering key.
        var keys = due.Select(m => m.OrderingKey).Distinct().ToList();
        var pending = await db.OutgoingMessages.AsNoTracking()
            .Where(m => m.State == OutgoingStates.Pending && keys.Contains(m.OrderingKey))
            .Select(m => new { m.OrderingKey, m.Id }).ToListAsync(ct);
        var heads = pending.GroupBy(m => m.OrderingKey).ToDictionary(g => g.Key, g => g.Min(m => m.Id));
        var blocked = new HashSet<string>();
        var delivered = 0;
        foreach (var message in due)
        {
            if (blocked.Contains(message.OrderingKey) || heads[message.OrderingKey] != message.Id)
            {
                continue;
            }

            message.Attempts++;
            var error = message.Destination.StartsWith(Webhooks.DestinationPrefix, StringComparison.Ordinal)
                ? await SendWebhookAsync(db, message, ct)
                : await SendAsync(message, ct);
            if (error is null)
            {
                message.State = OutgoingStates.Delivered;
                message.DeliveredAt = clock.GetUtcNow();
                message.LastError = null;
                delivered++;
                // The next message of this key may go in this same round.
                var next = pending.Where(p => p.OrderingKey == message.OrderingKey && p.Id.CompareTo(message.Id) > 0).Select(p => p.Id).DefaultIfEmpty().Min();
                heads[message.OrderingKey] = next;
            }
            else
            {
                message.LastError = error.Length > 1000 ? error[..1000] : error;
                blocked.Add(message.OrderingKey);
                if (message.Attempts >= _maxAttempts)
                {
                    message.State = OutgoingStates.Dead;
                    logger.LogWarning("Outgoing {Kind} {Key} dead-lettered after {Attempts} attempts: {Error}", message.Kind, message.IdempotencyKey, message.Attempts, error);
                }
                else
                {
                    message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return delivered;
    }

    private TimeSpan Backoff(int attempts)
    {
        double jitter;
        lock (_jitter)
        {
            jitter = 0.5 + _jitter.NextDouble();
        }

        var seconds = Math.Min(_maxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 20)) * 0.5) * jitter;
        return TimeSpan.FromSeconds(Math.Min(seconds, _maxBackoff.TotalSeconds));
    }

    /// <summary>
    /// A signed POST to the subscriber. A removed or switched-off subscription dead-letters the message at once; repeated
    /// failures switch the subscription off and publish <see cref="WebhookDisabled"/> (the owner's notice).
    /// </summary>
    private async Task<string?> SendWebhookAsync(IntegrationDbContext db, OutgoingMessage message, CancellationToken ct)
    {
        var id = Guid.Parse(message.Destination[Webhooks.DestinationPrefix.Length..]);
        var subscription = await db.WebhookSubscriptions.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null || subscription.IsDeleted || !subscription.IsActive)
        {
            message.Attempts = _maxAttempts;
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
            db.Publish(new WebhookDisabled(subscription.Id, subscription.Name, subscription.Url, subscription.ConsecutiveFailures) { UnitPath = subscription.UnitPath });
            message.Attempts = _maxAttempts;
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
            using var request = new HttpRequestMessage(HttpMethod.Post, addresses.For(system, message.Kind))
            {
                Content = new StringContent(message.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
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
}

/// <summary>Runs delivery rounds every <c>Integration:Delivery:PollMilliseconds</c> (default 1000) while the host runs.</summary>
internal sealed class OutgoingDeliveryService(OutgoingDelivery delivery, IConfiguration configuration, ILogger<OutgoingDeliveryService> logger)
    : PollingBackgroundService(configuration, logger, "Integration:Delivery:PollMilliseconds", 1000)
{
    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);
}
