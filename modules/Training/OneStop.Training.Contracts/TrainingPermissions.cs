using OneStop.Platform;

namespace OneStop.Training.Contracts;

/// <summary>Permissions of the Training module (<c>Training.*</c>).</summary>
public static class TrainingPermissions
{
    public const string Access = "Training.Access";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Đào tạo", "Access the Training module", Roles.ProvincialLeader, Roles.UnitLeader, Roles.DeskOfficer, Roles.Specialist, Roles.PostalAgent, Roles.SystemAdmin),
    ];
}
