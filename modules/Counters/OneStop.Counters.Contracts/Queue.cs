namespace OneStop.Counters.Contracts;

/// <summary>
/// Priority groups served first at the desks (đối tượng ưu tiên: người cao tuổi, người khuyết tật, phụ nữ mang thai,
/// người đi cùng trẻ em dưới 6 tuổi). The fairness rule that keeps normal tickets moving is in ADR 0008 (queue).
/// </summary>
public static class QueuePriorityGroups
{
    public const string Elderly = "ELDERLY";
    public const string Disabled = "DISABLED";
    public const string Pregnant = "PREGNANT";
    public const string ChildUnderSix = "CHILD_UNDER_6";

    public static readonly string[] All = [Elderly, Disabled, Pregnant, ChildUnderSix];

    public static string NameVi(string group) => group switch
    {
        Elderly => "Người cao tuổi",
        Disabled => "Người khuyết tật",
        Pregnant => "Phụ nữ mang thai",
        ChildUnderSix => "Người đi cùng trẻ em dưới 6 tuổi",
        _ => group,
    };
}

/// <summary>States of a queue ticket (phiếu thứ tự).</summary>
public static class QueueTicketStatuses
{
    /// <summary>Đang chờ (also after a transfer to another counter).</summary>
    public const string Waiting = "WAITING";
    /// <summary>Đã gọi, the citizen walks to the counter.</summary>
    public const string Called = "CALLED";
    /// <summary>Đang phục vụ.</summary>
    public const string Serving = "SERVING";
    /// <summary>Đã phục vụ xong.</summary>
    public const string Done = "DONE";
    /// <summary>Vắng mặt khi được gọi.</summary>
    public const string NoShow = "NO_SHOW";

    public static readonly string[] All = [Waiting, Called, Serving, Done, NoShow];
}

/// <summary>Where a ticket was issued.</summary>
public static class QueueTicketSources
{
    public const string Kiosk = "KIOSK";
    public const string Appointment = "APPOINTMENT";
    public const string Officer = "OFFICER";
    /// <summary>A third-party kiosk through the API.</summary>
    public const string Api = "API";

    public static readonly string[] All = [Kiosk, Appointment, Officer, Api];
}
