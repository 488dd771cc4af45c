namespace OneStop.Platform;

/// <summary>A permission a module defines; names are <c>{Module}.{Area}.{Action}</c>.</summary>
/// <param name="DefaultRoles">Roles granted this permission when the platform seeds itself.</param>
public sealed record PermissionDefinition(string Name, string DisplayNameVi, string DisplayNameEn, params string[] DefaultRoles);

/// <summary>The roles of the one-stop system (vai trò).</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";             // Quản trị hệ thống
    public const string ProvincialLeader = "ProvincialLeader";   // Lãnh đạo UBND tỉnh
    public const string UnitLeader = "UnitLeader";               // Lãnh đạo đơn vị
    public const string UnitAdmin = "UnitAdmin";                 // Quản trị đơn vị: people of its unit and below
    public const string DeskOfficer = "DeskOfficer";             // Cán bộ tiếp nhận (một cửa)
    public const string Specialist = "Specialist";               // Chuyên viên xử lý
    public const string PostalAgent = "PostalAgent";             // Nhân viên bưu chính
    public const string Inspector = "Inspector";                 // Thanh tra, kiểm tra

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, ProvincialLeader, UnitAdmin, UnitLeader, DeskOfficer, Specialist, PostalAgent, Inspector];

    /// <summary>
    /// Built-in roles with their names and ranks: a person may grant only roles ranked below the highest role they hold
    /// where they act (a system admin grants any). Custom roles get a rank from the system admin who creates them.
    /// </summary>
    public static readonly IReadOnlyList<RoleDefinition> BuiltIn =
    [
        new(SystemAdmin, "Quản trị hệ thống", "System administrator", 100),
        new(ProvincialLeader, "Lãnh đạo UBND tỉnh/thành phố", "Provincial leader", 80),
        new(UnitAdmin, "Quản trị đơn vị", "Unit administrator", 60),
        new(UnitLeader, "Lãnh đạo đơn vị", "Unit leader", 40),
        new(Inspector, "Thanh tra, kiểm tra", "Inspector", 40),
        new(Specialist, "Chuyên viên xử lý", "Specialist", 20),
        new(DeskOfficer, "Cán bộ tiếp nhận (một cửa)", "Desk officer", 20),
        new(PostalAgent, "Nhân viên bưu chính", "Postal agent", 10),
    ];

    /// <summary>Roles of people who work at desks and agencies (everyone but the admin).</summary>
    public static readonly string[] Staff = [ProvincialLeader, UnitLeader, DeskOfficer, Specialist, PostalAgent, Inspector];
}
