namespace OneStop.Integration.Contracts;

/// <summary>Event types third parties may subscribe to.</summary>
public static class WebhookEventTypes
{
    public const string DossierStatusChanged = "dossier.status-changed";
    public const string ResultReady = "dossier.result-ready";

    public static readonly string[] All = [DossierStatusChanged, ResultReady];
}
