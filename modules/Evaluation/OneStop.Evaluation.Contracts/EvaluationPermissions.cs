using OneStop.Platform;

namespace OneStop.Evaluation.Contracts;

/// <summary>Permissions of the Evaluation module (<c>Evaluation.*</c>).</summary>
public static class EvaluationPermissions
{
    public const string Access = "Evaluation.Access";

    /// <summary>The leaders' cockpit, KPI values, the 766 index and the evaluation reports (bảng điều hành).</summary>
    public const string Cockpit = "Evaluation.Cockpit";

    /// <summary>Record ratings at the desk for an applicant, and read the unit's ratings (đánh giá mức độ hài lòng).</summary>
    public const string Ratings = "Evaluation.Ratings";

    /// <summary>Receive and handle complaints and suggestions (phản ánh, kiến nghị — PAKN).</summary>
    public const string Complaints = "Evaluation.Complaints";

    /// <summary>Edit KPI targets and run a full recompute (province).</summary>
    public const string Manage = "Evaluation.Manage";

    /// <summary>Enter and change the KPI targets of each year, level and unit, with their legal basis (chỉ tiêu; the provincial leader and office).</summary>
    public const string TargetsManage = "Evaluation.Targets.Manage";

    /// <summary>Read KPI values and the 766 index through the API (the Government command-centre connector, third parties).</summary>
    public const string KpiRead = "Evaluation.Kpis.Read";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Đánh giá", "Access the Evaluation module", Roles.ProvincialLeader, Roles.UnitLeader, Roles.Inspector, Roles.SystemAdmin, Roles.DeskOfficer),
        new(Cockpit, "Xem bảng điều hành chỉ tiêu, Bộ chỉ số 766, báo cáo đánh giá", "View the KPI cockpit, the 766 index and evaluation reports", Roles.ProvincialLeader, Roles.UnitLeader, Roles.Inspector, Roles.SystemAdmin),
        new(Ratings, "Ghi nhận, xem đánh giá mức độ hài lòng", "Record and read satisfaction ratings", Roles.DeskOfficer, Roles.UnitLeader, Roles.ProvincialLeader, Roles.SystemAdmin),
        new(Complaints, "Tiếp nhận, xử lý phản ánh, kiến nghị", "Receive and handle complaints", Roles.DeskOfficer, Roles.UnitLeader, Roles.ProvincialLeader, Roles.SystemAdmin),
        new(Manage, "Cập nhật chỉ tiêu, tính lại toàn bộ chỉ số", "Edit targets and recompute all KPIs", Roles.ProvincialLeader, Roles.SystemAdmin),
        new(TargetsManage, "Cập nhật chỉ tiêu theo năm, cấp, đơn vị", "Edit KPI targets by year, level and unit", Roles.ProvincialLeader, Roles.SystemAdmin),
        new(KpiRead, "Đọc chỉ số qua API", "Read KPI values through the API", Roles.ProvincialLeader, Roles.UnitLeader, Roles.Inspector, Roles.SystemAdmin),
    ];
}
