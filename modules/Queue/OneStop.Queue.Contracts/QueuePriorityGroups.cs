namespace OneStop.Queue.Contracts;

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
