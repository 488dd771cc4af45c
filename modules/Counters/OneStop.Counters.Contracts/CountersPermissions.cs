using OneStop.Platform;

namespace OneStop.Counters.Contracts;

/// <summary>Permissions of the Counters module (<c>Counters.*</c>).</summary>
public static class CountersPermissions
{
    public const string Access = "Counters.Access";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Một cửa", "Access the One-stop counters module", Roles.DeskOfficer, Roles.Specialist, Roles.UnitLeader, Roles.ProvincialLeader, Roles.PostalAgent, Roles.SystemAdmin),
    ];
}
