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
    public const string DeskOfficer = "DeskOfficer";             // Cán bộ tiếp nhận (một cửa)
    public const string Specialist = "Specialist";               // Chuyên viên xử lý
    public const string PostalAgent = "PostalAgent";             // Nhân viên bưu chính
    public const string Inspector = "Inspector";                 // Thanh tra, kiểm tra

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, ProvincialLeader, UnitLeader, DeskOfficer, Specialist, PostalAgent, Inspector];

    /// <summary>Roles of people who work at desks and agencies (everyone but the admin).</summary>
    public static readonly string[] Staff = [ProvincialLeader, UnitLeader, DeskOfficer, Specialist, PostalAgent, Inspector];
}
