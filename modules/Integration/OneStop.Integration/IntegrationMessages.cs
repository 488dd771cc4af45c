namespace OneStop.Integration;

/// <summary>Message codes of the Integration module that are not API error codes (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class IntegrationMessages
{
    /// <summary>{0}: the national system's name in the reader's language.</summary>
    public const string SystemUnavailable = "Integration.Lookups.SystemUnavailable";
    public const string CitizenMatched = "Integration.Lookups.CitizenMatched";
    public const string CitizenMismatch = "Integration.Lookups.CitizenMismatch";
    public const string CitizenNotFound = "Integration.Lookups.CitizenNotFound";
    public const string EnterpriseFound = "Integration.Lookups.EnterpriseFound";
    public const string EnterpriseNotFound = "Integration.Lookups.EnterpriseNotFound";
    public const string ParcelFound = "Integration.Lookups.ParcelFound";
    public const string ParcelNotFound = "Integration.Lookups.ParcelNotFound";
    /// <summary>{0}: how many documents the citizen's data store holds.</summary>
    public const string PortalDocumentsFound = "Integration.Lookups.PortalDocumentsFound";
    public const string PortalDocumentsNone = "Integration.Lookups.PortalDocumentsNone";
    public const string FullNameRequired = "Integration.Lookups.FullNameRequired";
    public const string DateOfBirthInvalid = "Integration.Lookups.DateOfBirthInvalid";

    public const string WebhookNameRequired = "Integration.Webhooks.NameRequired";
    public const string WebhookUrlInvalid = "Integration.Webhooks.UrlInvalid";
    /// <summary>{Events}: the event types one may subscribe to.</summary>
    public const string WebhookEventsInvalid = "Integration.Webhooks.EventsInvalid";
    public const string WebhookNotFound = "Integration.Webhooks.NotFound";

    public const string ClientIdInvalid = "Integration.ApiClients.ClientIdInvalid";
    public const string ClientNameRequired = "Integration.ApiClients.DisplayNameRequired";
    public const string ClientScopesRequired = "Integration.ApiClients.ScopesRequired";
    public const string ClientUnitNotFound = "Integration.ApiClients.UnitNotFound";
    /// <summary>{0}: the scope that names no permission.</summary>
    public const string ClientScopeUnknown = "Integration.ApiClients.ScopeUnknown";
    /// <summary>{0}: the client id.</summary>
    public const string ClientIdTaken = "Integration.ApiClients.ClientIdTaken";
    public const string ClientNotFound = "Integration.ApiClients.NotFound";

    /// <summary>{From}, {To}: the bounds in milliseconds.</summary>
    public const string SandboxLatencyOutOfRange = "Integration.Sandbox.LatencyOutOfRange";
    /// <summary>{From}, {To}: the bounds of the share of failing requests.</summary>
    public const string SandboxErrorRateOutOfRange = "Integration.Sandbox.ErrorRateOutOfRange";
    /// <summary>{From}, {To}: the bounds in seconds.</summary>
    public const string SandboxDownTimeOutOfRange = "Integration.Sandbox.DownTimeOutOfRange";
    /// <summary>{0}: the system key asked for.</summary>
    public const string SandboxUnknownSystem = "Integration.Sandbox.UnknownSystem";

    public const string OutgoingNotFound = "Integration.Outgoing.NotFound";
    public const string OutgoingOnlyDeadRetried = "Integration.Outgoing.OnlyDeadRetried";

    /// <summary>{0}: submissions offered again; {1}: the sequence number reached, to start from next time.</summary>
    public const string RepullInterrupted = "Integration.Portal.RepullInterrupted";
    /// <summary>{0}: submissions offered again.</summary>
    public const string Repulled = "Integration.Portal.Repulled";

    // Why a national database counts as connected for a KPI period, or not (plan.national-databases, ADR 0031).
    public const string ConnectionNoCheck = "Integration.Connections.NoCheck";
    /// <summary>{0}: healthy checks of a real system; {1}: checks in the period.</summary>
    public const string ConnectionHealthy = "Integration.Connections.Healthy";
    /// <summary>{0}: healthy checks answered by a simulator; {1}: checks in the period.</summary>
    public const string ConnectionHealthySimulatedDevelopment = "Integration.Connections.HealthySimulatedDevelopment";
    /// <summary>{0}: checks in the period.</summary>
    public const string ConnectionDisabled = "Integration.Connections.Disabled";
    /// <summary>{0}: the host's environment (Production, Staging…).</summary>
    public const string ConnectionSimulatorOnly = "Integration.Connections.SimulatorOnly";
    /// <summary>{0}: checks in the period.</summary>
    public const string ConnectionNeverHealthy = "Integration.Connections.NeverHealthy";
}
