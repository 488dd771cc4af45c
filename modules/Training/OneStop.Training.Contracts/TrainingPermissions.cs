using OneStop.Platform;

namespace OneStop.Training.Contracts;

/// <summary>Permissions of the Training module (<c>Training.*</c>).</summary>
public static class TrainingPermissions
{
    public const string Access = "Training.Access";

    /// <summary>Courses, classes, participants, attendance and results (Văn phòng UBND tỉnh, Bưu điện tỉnh).</summary>
    public const string Manage = "Training.Manage";

    /// <summary>A unit's yearly training plan (kế hoạch đào tạo hằng năm).</summary>
    public const string Plan = "Training.Plan";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Đào tạo", "Access the Training module", Roles.ProvincialLeader, Roles.UnitLeader, Roles.DeskOfficer, Roles.Specialist, Roles.PostalAgent, Roles.SystemAdmin),
        new(Manage, "Tổ chức lớp bồi dưỡng, điểm danh, cấp chứng nhận", "Run classes, attendance and certificates", Roles.ProvincialLeader, Roles.PostalAgent, Roles.SystemAdmin),
        new(Plan, "Lập kế hoạch đào tạo của đơn vị", "Plan the unit's training", Roles.UnitLeader, Roles.ProvincialLeader, Roles.SystemAdmin),
    ];
}
