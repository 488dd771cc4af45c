using OneStop.Platform;

namespace OneStop.PlanTasks.Contracts;

/// <summary>Permissions of the PlanTasks module (<c>PlanTasks.*</c>).</summary>
public static class PlanTasksPermissions
{
    public const string Access = "PlanTasks.Access";

    /// <summary>Report progress on the acting unit's tasks (báo cáo tiến độ).</summary>
    public const string Report = "PlanTasks.Report";

    /// <summary>Review, comment on and accept progress reports (Văn phòng UBND tỉnh); also assigns tasks to units.</summary>
    public const string Review = "PlanTasks.Review";

    /// <summary>Inspection teams, visits and findings (kiểm tra).</summary>
    public const string Inspect = "PlanTasks.Inspect";

    /// <summary>Investment projects and budget allocations (nguồn lực).</summary>
    public const string Resources = "PlanTasks.Resources";

    /// <summary>Enter and edit the province's plans, their task groups and tasks (Văn phòng UBND tỉnh).</summary>
    public const string ManagePlan = "PlanTasks.Plan.Manage";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Nhiệm vụ kế hoạch", "Access the Plan tasks module", Roles.ProvincialLeader, Roles.UnitLeader, Roles.Inspector, Roles.SystemAdmin, Roles.Specialist, Roles.DeskOfficer),
        new(Report, "Báo cáo tiến độ nhiệm vụ", "Report task progress", Roles.UnitLeader, Roles.Specialist, Roles.ProvincialLeader),
        new(Review, "Xem xét, chấp nhận báo cáo tiến độ", "Review and accept progress reports", Roles.ProvincialLeader, Roles.SystemAdmin),
        new(Inspect, "Quản lý kiểm tra thực hiện kế hoạch", "Manage plan inspections", Roles.Inspector, Roles.ProvincialLeader, Roles.SystemAdmin),
        new(Resources, "Quản lý nguồn lực thực hiện kế hoạch", "Manage plan resources", Roles.ProvincialLeader, Roles.SystemAdmin),
        new(ManagePlan, "Xây dựng, sửa kế hoạch, nhóm nhiệm vụ và nhiệm vụ", "Enter and edit plans, task groups and tasks", Roles.ProvincialLeader, Roles.SystemAdmin),
    ];
}
