using OneStop.Platform;

namespace OneStop.Digitization.Contracts;

/// <summary>Permissions of the Digitization module (<c>Digitization.*</c>).</summary>
public static class DigitizationPermissions
{
    public const string Access = "Digitization.Access";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Số hóa", "Access the Digitization module", Roles.DeskOfficer, Roles.PostalAgent, Roles.Specialist, Roles.UnitLeader, Roles.SystemAdmin),
    ];
}
