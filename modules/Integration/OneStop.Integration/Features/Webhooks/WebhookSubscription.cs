using OneStop.Platform.Domain;

namespace OneStop.Integration.Features.Webhooks;

/// <summary>
/// A third party's subscription to our events for its unit (and the units below it). Deliveries are signed with HMAC-SHA256
/// over "{timestamp}.{body}" with the subscription's secret; after <c>Integration:Webhooks:DisableAfterFailures</c>
/// consecutive failures the subscription is switched off, with the reason shown to its owner and kept in the audit chain.
/// </summary>
internal sealed class WebhookSubscription : ScopedEntity
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    [AuditIgnore]
    public string Secret { get; set; } = "";
    public List<string> Events { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
}
