using OneStop.Platform;

namespace OneStop.Counters.Contracts;

/// <summary>Permissions of the Counters module (<c>Counters.*</c>).</summary>
public static class CountersPermissions
{
    public const string Access = "Counters.Access";

    /// <summary>Read the procedure catalogue (danh mục TTHC).</summary>
    public const string CatalogueRead = "Counters.Catalogue.Read";

    /// <summary>Edit the catalogue: province-wide reference data, so system administrators only.</summary>
    public const string CatalogueManage = "Counters.Catalogue.Manage";

    /// <summary>See dossiers in one's scope (and the process-control sheets, forms and register).</summary>
    public const string DossiersRead = "Counters.Dossiers.Read";

    /// <summary>Receive, refuse, record a withdrawal: the one-stop desk (and postal agents, and the portal's API client).</summary>
    public const string DossiersReceive = "Counters.Dossiers.Receive";

    /// <summary>Handle a dossier: assign, route between agencies and levels, request supplements, financial obligations, extensions.</summary>
    public const string DossiersProcess = "Counters.Dossiers.Process";

    /// <summary>Approve the result (ký duyệt) or stop the handling: unit leaders.</summary>
    public const string DossiersApprove = "Counters.Dossiers.Approve";

    /// <summary>Hand the result back to the applicant (at the desk, by post, electronically).</summary>
    public const string DossiersReturn = "Counters.Dossiers.Return";

    /// <summary>
    /// Online submissions the portal addressed to no unit valid today (unknown code, a unit split among several) or
    /// that intake refused: see them and route each to a unit. Provincial officers: the queue belongs to the province.
    /// </summary>
    public const string OnlineSubmissionsReview = "Counters.OnlineSubmissions.Review";

    /// <summary>Ask the national portal for its submissions again from a sequence, so the ones dropped are offered again.</summary>
    public const string OnlineSubmissionsRepull = "Counters.OnlineSubmissions.Repull";

    private static readonly string[] Staff = [Roles.DeskOfficer, Roles.Specialist, Roles.UnitLeader, Roles.ProvincialLeader, Roles.PostalAgent, Roles.SystemAdmin];

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Một cửa", "Access the One-stop counters module", Roles.DeskOfficer, Roles.Specialist, Roles.UnitLeader, Roles.ProvincialLeader, Roles.PostalAgent, Roles.SystemAdmin),
        new(CatalogueRead, "Xem danh mục thủ tục hành chính", "View the procedure catalogue", [.. Staff, Roles.Inspector]),
        new(CatalogueManage, "Quản lý danh mục thủ tục hành chính", "Manage the procedure catalogue", Roles.SystemAdmin),
        new(DossiersRead, "Xem hồ sơ thủ tục hành chính", "View dossiers", [.. Staff, Roles.Inspector]),
        new(DossiersReceive, "Tiếp nhận, từ chối, ghi nhận rút hồ sơ", "Receive, refuse and record withdrawals of dossiers", Roles.DeskOfficer, Roles.PostalAgent, Roles.UnitLeader),
        new(DossiersProcess, "Xử lý, luân chuyển, yêu cầu bổ sung hồ sơ", "Process, route and request supplements for dossiers", Roles.Specialist, Roles.UnitLeader, Roles.DeskOfficer),
        new(DossiersApprove, "Phê duyệt kết quả, dừng giải quyết hồ sơ", "Approve results and stop dossiers", Roles.UnitLeader),
        new(DossiersReturn, "Trả kết quả giải quyết hồ sơ", "Return results to applicants", Roles.DeskOfficer, Roles.PostalAgent, Roles.UnitLeader),
        new(OnlineSubmissionsReview, "Xử lý hồ sơ trực tuyến chưa xác định nơi tiếp nhận", "Review and route online submissions with no receiving unit", Roles.ProvincialLeader, Roles.UnitAdmin, Roles.SystemAdmin),
        new(OnlineSubmissionsRepull, "Lấy lại hồ sơ trực tuyến từ Cổng Dịch vụ công quốc gia", "Pull online submissions again from the national portal", Roles.UnitAdmin, Roles.SystemAdmin),
    ];
}
