using OneStop.Platform;

namespace OneStop.Integration.Contracts;

/// <summary>Permissions of the Integration module (<c>Integration.*</c>).</summary>
public static class IntegrationPermissions
{
    public const string Access = "Integration.Access";
    /// <summary>Look up citizens, enterprises and land parcels in the national databases (at intake).</summary>
    public const string Lookup = "Integration.Lookup";
    /// <summary>See the exchange log and export it for an inspection.</summary>
    public const string ExchangesRead = "Integration.Exchanges.Read";
    /// <summary>Change how the simulators behave (latency, errors, outages) — sandbox only.</summary>
    public const string SandboxManage = "Integration.Sandbox.Manage";
    /// <summary>Subscribe to events with webhooks (third-party systems; granted to API clients as a scope).</summary>
    public const string WebhooksManage = "Integration.Webhooks.Manage";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Xem tình trạng kết nối", "View connection status", Roles.SystemAdmin, Roles.ProvincialLeader),
        new(Lookup, "Tra cứu cơ sở dữ liệu quốc gia", "Look up national databases", Roles.DeskOfficer, Roles.Specialist, Roles.PostalAgent, Roles.SystemAdmin),
        new(ExchangesRead, "Xem nhật ký trao đổi dữ liệu", "View the data exchange log", Roles.SystemAdmin, Roles.Inspector),
        new(SandboxManage, "Điều chỉnh hệ thống giả lập", "Control the simulators", Roles.SystemAdmin),
        new(WebhooksManage, "Quản lý đăng ký nhận sự kiện (webhook)", "Manage webhook subscriptions", Roles.SystemAdmin),
    ];
}
