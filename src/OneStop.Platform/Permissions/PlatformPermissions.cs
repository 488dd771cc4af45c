namespace OneStop.Platform.Permissions;

/// <summary>Permissions of the kernel itself.</summary>
public static class PlatformPermissions
{
    public const string UnitsRead = "Platform.Units.Read";
    public const string UnitsManage = "Platform.Units.Manage";
    public const string UsersManage = "Platform.Users.Manage";
    /// <summary>Edit the roles × permissions matrix and create custom roles (system admins).</summary>
    public const string RolesManage = "Platform.Roles.Manage";
    public const string AuditRead = "Platform.Audit.Read";
    public const string ApiClientsManage = "Platform.ApiClients.Manage";
    public const string JobsDashboard = "Platform.Jobs.Dashboard";
    /// <summary>See the messages the relay gave up on and send them again (hàng đợi lỗi).</summary>
    public const string DeliveryManage = "Platform.Delivery.Manage";
    /// <summary>Read the operational metrics on <c>/metrics</c> (Prometheus text; ADR 0041).</summary>
    public const string MetricsRead = "Platform.Metrics.Read";

    // Working calendar (ADR 0022). The names are those of Counters, where the calendar began: role grants and API
    // clients' scopes store them, so they stay.
    /// <summary>See the working calendar, office hours and compute due dates.</summary>
    public const string CalendarRead = "Counters.Calendar.Read";
    /// <summary>Edit the official days off: national data, so system administrators only.</summary>
    public const string CalendarManage = "Counters.Calendar.Manage";
    /// <summary>Override the office hours of a unit in one's scope.</summary>
    public const string OfficeHoursManage = "Counters.OfficeHours.Manage";

    public static readonly PermissionDefinition[] All =
    [
        new(UnitsRead, "Xem đơn vị hành chính", "View administrative units", Roles.All.ToArray()),
        new(UnitsManage, "Quản lý đơn vị hành chính", "Manage administrative units", Roles.SystemAdmin),
        new(UsersManage, "Quản lý người dùng", "Manage users", Roles.SystemAdmin, Roles.UnitAdmin),
        new(RolesManage, "Quản lý vai trò và quyền", "Manage roles and permissions", Roles.SystemAdmin),
        new(AuditRead, "Xem nhật ký hệ thống", "View the audit trail", Roles.SystemAdmin, Roles.Inspector, Roles.ProvincialLeader),
        new(ApiClientsManage, "Quản lý ứng dụng kết nối", "Manage API clients", Roles.SystemAdmin),
        new(JobsDashboard, "Xem bảng điều khiển tác vụ nền", "View the background jobs dashboard", Roles.SystemAdmin),
        new(DeliveryManage, "Xem và gửi lại thông điệp lỗi", "View and retry dead letters", Roles.SystemAdmin),
        new(MetricsRead, "Xem số liệu vận hành (Prometheus)", "Read operational metrics (Prometheus)", Roles.SystemAdmin),
        new(CalendarRead, "Xem lịch làm việc và tính hạn giải quyết", "View the working calendar and compute due dates",
            Roles.DeskOfficer, Roles.Specialist, Roles.UnitLeader, Roles.ProvincialLeader, Roles.PostalAgent, Roles.SystemAdmin, Roles.Inspector),
        new(CalendarManage, "Quản lý ngày nghỉ, ngày làm bù", "Manage official days off and make-up days", Roles.SystemAdmin),
        new(OfficeHoursManage, "Điều chỉnh giờ làm việc của đơn vị", "Override a unit's office hours", Roles.UnitLeader, Roles.SystemAdmin),
    ];
}
