using OneStop.Platform;

namespace OneStop.Integration.Contracts;

/// <summary>Permissions of the Integration module (<c>Integration.*</c>).</summary>
public static class IntegrationPermissions
{
    public const string Access = "Integration.Access";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Kết nối", "Access the Integration module", Roles.SystemAdmin, Roles.ProvincialLeader),
    ];
}
