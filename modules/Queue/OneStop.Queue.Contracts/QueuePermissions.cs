using OneStop.Platform;

namespace OneStop.Queue.Contracts;

/// <summary>
/// Permissions of the Queue module. Their names keep the <c>Counters.Queue.*</c> prefix they had before the queue left
/// Counters (ADR 0021): role grants, people's overrides and API clients' scopes (<c>Counters.Queue.Kiosk</c>,
/// <c>Counters.Queue.Display</c>) stored under those names go on working without a data migration.
/// </summary>
public static class QueuePermissions
{
    private const string Prefix = "Counters.Queue.";

    /// <summary>Sit at a counter, call, serve, transfer tickets and link them to dossiers.</summary>
    public const string Serve = Prefix + "Serve";

    /// <summary>Set up desks (service points), counters and the fields they serve.</summary>
    public const string Manage = Prefix + "Manage";

    /// <summary>Live queue, waiting and service times, visits.</summary>
    public const string Read = Prefix + "Read";

    /// <summary>Issue tickets, book and check in appointments (granted to third-party kiosks as a scope).</summary>
    public const string Kiosk = Prefix + "Kiosk";

    /// <summary>Read the display board and its live stream (granted to third-party displays as a scope).</summary>
    public const string Display = Prefix + "Display";

    private static readonly string[] Staff = [Roles.DeskOfficer, Roles.Specialist, Roles.UnitLeader, Roles.ProvincialLeader, Roles.PostalAgent, Roles.SystemAdmin];

    public static readonly PermissionDefinition[] All =
    [
        new(Serve, "Gọi số, phục vụ công dân tại quầy", "Call and serve queue tickets at a counter", Roles.DeskOfficer, Roles.PostalAgent, Roles.UnitLeader, Roles.SystemAdmin),
        new(Manage, "Thiết lập quầy và lĩnh vực phục vụ", "Set up desks, counters and their fields", Roles.UnitLeader, Roles.SystemAdmin),
        new(Read, "Xem hàng đợi và thời gian chờ", "View the queue and waiting times", [.. Staff, Roles.Inspector]),
        new(Kiosk, "Cấp số thứ tự, đặt lịch hẹn (kiosk)", "Issue queue tickets and book appointments (kiosk)", Roles.DeskOfficer, Roles.PostalAgent, Roles.UnitLeader, Roles.SystemAdmin),
        new(Display, "Xem bảng hiển thị số thứ tự", "Read the queue display board", [.. Staff, Roles.Inspector]),
    ];
}
