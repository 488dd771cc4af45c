using OneStop.Platform;

namespace OneStop.Integration.Contracts;

/// <summary>Event types third parties may subscribe to.</summary>
public static class WebhookEventTypes
{
    public const string DossierStatusChanged = "dossier.status-changed";
    public const string ResultReady = "dossier.result-ready";

    public static readonly string[] All = [DossierStatusChanged, ResultReady];
}

/// <summary>A webhook subscription was switched off after repeated failures (for notices to its owner).</summary>
public sealed record WebhookDisabled(Guid SubscriptionId, string Name, string Url, int Failures) : IntegrationEvent;
