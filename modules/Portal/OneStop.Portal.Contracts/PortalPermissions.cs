using OneStop.Platform;

namespace OneStop.Portal.Contracts;

/// <summary>Permissions of the Portal module. The public pages need none; these are for the staff who look after it.</summary>
public static class PortalPermissions
{
    public const string Prefix = "Portal.";

    /// <summary>Edit the Vietnamese texts of the notifications sent to citizens (mẫu thông báo).</summary>
    public const string NotificationTemplatesManage = Prefix + "NotificationTemplates.Manage";

    public static readonly PermissionDefinition[] All =
    [
        new(NotificationTemplatesManage, "Soạn mẫu thông báo gửi công dân", "Edit the notification templates sent to citizens", Roles.SystemAdmin),
    ];
}
