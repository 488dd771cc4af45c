using OneStop.Platform;

namespace OneStop.PlanTasks.Contracts;

/// <summary>Permissions of the PlanTasks module (<c>PlanTasks.*</c>).</summary>
public static class PlanTasksPermissions
{
    public const string Access = "PlanTasks.Access";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Nhiệm vụ kế hoạch", "Access the Plan tasks module", Roles.ProvincialLeader, Roles.UnitLeader, Roles.Inspector, Roles.SystemAdmin, Roles.Specialist),
    ];
}
