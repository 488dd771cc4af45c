using OneStop.Platform.Domain;

namespace OneStop.PlanTasks.Domain;

/// <summary>
/// Kế hoạch — a plan of the province: the 2021–2025 plan implementing QĐ 468/QĐ-TTg (seeded), and its follow-on plans
/// entered by the provincial office (2026–2030). Province-wide data, not unit-scoped; several plans coexist, each valid
/// for a period (effective dating, ADR 0024): its status on a day follows from its dates.
/// </summary>
internal sealed class Plan : Entity
{
    private Plan() { }

    public Plan(string code, string title, string issuer, string issuedOn)
    {
        Code = code;
        Title = title;
        Issuer = issuer;
        IssuedOn = issuedOn;
    }

    /// <summary>Stable key of the plan (<c>KH-468-HD-2021</c>, <c>KH-2026-2030</c>); never shown instead of the number.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Số kế hoạch, e.g. <c>125/KH-UBND</c>.</summary>
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>Cơ quan ban hành.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Ngày ban hành as ISO text: a day (<c>2026-01-15</c>) or, for the seeded plan, the month its source gives (<c>2021-06</c>).</summary>
    public string IssuedOn { get; private set; } = "";

    /// <summary>Người ký.</summary>
    public string Signer { get; private set; } = "";

    /// <summary>Giai đoạn: the first and last year of the plan.</summary>
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }

    /// <summary><see cref="PlanStatuses.Draft"/> (dự thảo) until issued, then <see cref="PlanStatuses.Issued"/>.</summary>
    public string Status { get; private set; } = PlanStatuses.Draft;

    /// <summary>Ngày có hiệu lực; null while a draft has none.</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>Last day in force (hết hiệu lực after it), or null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    /// <summary>Draft, in force, not yet in force or ended on <paramref name="day"/>.</summary>
    public string StatusOn(DateOnly day) =>
        Status == PlanStatuses.Draft ? PlanStatuses.Draft
        : EffectiveTo is { } to && day > to ? PlanStatuses.Ended
        : EffectiveFrom is { } from && day < from ? PlanStatuses.Issued
        : PlanStatuses.InForce;

    public bool IsInForceOn(DateOnly day) => StatusOn(day) == PlanStatuses.InForce;

    public void Describe(string number, string title, string issuer, string issuedOn, string signer, int startYear, int endYear,
        string status, DateOnly? effectiveFrom, DateOnly? effectiveTo)
    {
        Number = number;
        Title = title;
        Issuer = issuer;
        IssuedOn = issuedOn;
        Signer = signer;
        StartYear = startYear;
        EndYear = endYear;
        Status = status;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
    }
}

/// <summary>Trạng thái kế hoạch. Stored: draft or issued; in force, ended follow from the effective dates on a day.</summary>
internal static class PlanStatuses
{
    public const string Draft = "draft";        // Dự thảo
    public const string Issued = "issued";      // Đã ban hành, chưa có hiệu lực
    public const string InForce = "in-force";   // Đang có hiệu lực
    public const string Ended = "ended";        // Hết hiệu lực

    public static readonly string[] Stored = [Draft, Issued];
}

/// <summary>Giai đoạn — a phase of the plan: 2021, 2022, 2023–2025.</summary>
internal sealed class PlanPhase : Entity
{
    private PlanPhase() { }

    public PlanPhase(Guid planId, string code, string title, int startYear, int endYear, int order)
    {
        PlanId = planId;
        Code = code;
        Title = title;
        StartYear = startYear;
        EndYear = endYear;
        Order = order;
    }

    public Guid PlanId { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    public int Order { get; private set; }
}

/// <summary>Nhóm công việc — a lettered task group of a phase (a, b, c, d, đ, e, g).</summary>
internal sealed class TaskGroup : Entity
{
    private TaskGroup() { }

    public TaskGroup(Guid phaseId, string code, string letter, string title, int order)
    {
        PhaseId = phaseId;
        Code = code;
        Letter = letter;
        Title = title;
        Order = order;
    }

    public Guid PhaseId { get; private set; }
    public string Code { get; private set; } = "";
    public string Letter { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int Order { get; private set; }

    public void Rename(string title) => Title = title;

    /// <summary>Places the group at <paramref name="order"/>; the letter follows the place (a, b, c, d, đ…).</summary>
    public void Place(int order)
    {
        Order = order;
        Letter = GroupLetters.At(order);
    }
}

/// <summary>The letters Vietnamese documents number items with: a, b, c, d, đ, e, g, h, i, k…</summary>
internal static class GroupLetters
{
    private static readonly string[] Letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];

    public static string At(int order) => order >= 1 && order <= Letters.Length ? Letters[order - 1] : order.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Nhiệm vụ — one task of the plan, or an improvement task raised later (e.g. from a KPI breach).</summary>
internal sealed class PlanTask : Entity
{
    private PlanTask() { }

    public PlanTask(Guid? groupId, string code, string title, Deadline completion, string products, int order)
    {
        GroupId = groupId;
        Code = code;
        Title = title;
        Completion = completion;
        Products = products;
        Order = order;
    }

    public Guid? GroupId { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>Cơ quan chủ trì as references: <c>agency:VPUBND</c>, <c>kind:department</c>, <c>level:district</c>.</summary>
    public List<string> Leads { get; set; } = [];
    public string LeadText { get; set; } = "";

    /// <summary>Cơ quan phối hợp, same reference form as <see cref="Leads"/>.</summary>
    public List<string> Coordinators { get; set; } = [];
    public string CoordinatorText { get; set; } = "";

    /// <summary>Thời gian hoàn thành.</summary>
    public Deadline Completion { get; private set; } = null!;

    /// <summary>Sản phẩm dự kiến hoàn thành.</summary>
    public string Products { get; private set; } = "";

    /// <summary>KPI target keys (defined by Evaluation later), e.g. <c>digitised-results.province&gt;=30</c>.</summary>
    public List<string> KpiTargets { get; set; } = [];

    /// <summary>Source of a task added after the plan (e.g. <c>kpi:waiting-time</c>); null for the plan's own tasks.</summary>
    public string? Origin { get; set; }
    public int Order { get; private set; }

    /// <summary>Edits what the plan says of the task; the code and the assignments stay.</summary>
    public void Describe(string title, IReadOnlyList<string> leads, string leadText, IReadOnlyList<string> coordinators, string coordinatorText, Deadline completion, string products)
    {
        Title = title;
        Leads = [.. leads];
        LeadText = leadText;
        Coordinators = [.. coordinators];
        CoordinatorText = coordinatorText;
        Completion = completion;
        Products = products;
    }

    public void Place(int order) => Order = order;
}

/// <summary>
/// Thời gian hoàn thành in one of five kinds: a day, a month, a quarter, regularly (Thường xuyên), or per the Government
/// Office's guidance. The plan's own wording is kept in <see cref="Text"/>; a quarter or a day without a year recurs
/// yearly ("Quý IV hằng năm", "Ngày 15/12 hằng năm").
/// </summary>
internal sealed record Deadline(string Kind, int? Year, int? Month, int? Quarter, string Text)
{
    /// <summary>Day of the month, for <see cref="CompletionKinds.Date"/>.</summary>
    public int? Day { get; init; }

    /// <summary>The last day the task may be finished, or null when the plan sets no fixed date.</summary>
    public DateOnly? DueOn(DateOnly today) => Kind switch
    {
        CompletionKinds.Date when Month is { } m && Day is { } d => new DateOnly(Year ?? today.Year, m, Math.Min(d, DateTime.DaysInMonth(Year ?? today.Year, m))),
        CompletionKinds.Month when Year is { } y && Month is { } m => new DateOnly(y, m, 1).AddMonths(1).AddDays(-1),
        CompletionKinds.Quarter when Quarter is { } q => new DateOnly(Year ?? today.Year, q * 3, 1).AddMonths(1).AddDays(-1),
        _ => null,
    };
}

internal static class CompletionKinds
{
    public const string Date = "date";                              // Ngày 30/6/2027; without a year: hằng năm
    public const string Month = "month";                            // Tháng 6 năm 2021
    public const string Quarter = "quarter";                        // Quý IV năm 2022
    public const string Regular = "regular";                        // Thường xuyên trong năm
    public const string GovernmentGuidance = "government-guidance"; // Theo hướng dẫn của Văn phòng Chính phủ

    public static readonly string[] All = [Date, Month, Quarter, Regular, GovernmentGuidance];

    /// <summary>The kinds someone entering a plan chooses from (the guidance kind belongs to the 2021–2025 plan).</summary>
    public static readonly string[] Editable = [Date, Month, Quarter, Regular];
}
