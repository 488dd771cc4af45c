using OneStop.Platform;

namespace OneStop.Digitization.Contracts;

/// <summary>Permissions of the Digitization module (<c>Digitization.*</c>).</summary>
public static class DigitizationPermissions
{
    public const string Access = "Digitization.Access";

    /// <summary>Scan or upload components and results (số hóa), work the scan queue.</summary>
    public const string Digitize = "Digitization.Digitize";

    /// <summary>Sign results and digitised copies with the unit's certificate (ký số).</summary>
    public const string Sign = "Digitization.Sign";

    /// <summary>Archive resolved dossiers (lưu trữ điện tử).</summary>
    public const string Archive = "Digitization.Archive";

    /// <summary>Read the citizen's and organisation's data store, record consent (kho dữ liệu điện tử).</summary>
    public const string DataStore = "Digitization.DataStore";

    /// <summary>Turn the digitisation process on or off for the unit's desks.</summary>
    public const string Desks = "Digitization.Desks";

    /// <summary>KPI source figures (tỷ lệ số hóa, tái sử dụng).</summary>
    public const string Kpi = "Digitization.Kpi";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Số hóa", "Access the Digitization module", Roles.DeskOfficer, Roles.PostalAgent, Roles.Specialist, Roles.UnitLeader, Roles.SystemAdmin, Roles.ProvincialLeader, Roles.Inspector),
        new(Digitize, "Số hóa thành phần hồ sơ, kết quả", "Digitise dossier components and results", Roles.DeskOfficer, Roles.PostalAgent, Roles.Specialist),
        new(Sign, "Ký số kết quả, bản sao điện tử", "Sign results and digitised copies", Roles.UnitLeader, Roles.Specialist, Roles.DeskOfficer),
        new(Archive, "Lưu trữ hồ sơ điện tử", "Archive dossiers electronically", Roles.UnitLeader, Roles.DeskOfficer, Roles.SystemAdmin),
        new(DataStore, "Tra cứu kho dữ liệu điện tử của tổ chức, cá nhân", "Use the citizen and organisation data store", Roles.DeskOfficer, Roles.PostalAgent, Roles.Specialist, Roles.UnitLeader),
        new(Desks, "Bật quy trình số hóa tại Bộ phận Một cửa", "Turn digitisation on at desks", Roles.UnitLeader, Roles.SystemAdmin),
        new(Kpi, "Xem chỉ số số hóa", "View digitisation indicators", Roles.ProvincialLeader, Roles.UnitLeader, Roles.Inspector, Roles.SystemAdmin),
    ];
}
