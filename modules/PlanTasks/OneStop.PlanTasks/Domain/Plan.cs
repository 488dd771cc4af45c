using OneStop.Platform.Domain;

namespace OneStop.PlanTasks.Domain;

/// <summary>Kế hoạch — the province's plan (one today: KH thực hiện QĐ 468/QĐ-TTg, 2021–2025). Province-wide data, not unit-scoped.</summary>
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

    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public string IssuedOn { get; private set; } = "";
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
}

/// <summary>
/// Thời gian hoàn thành in one of four kinds: a month, a quarter, regularly (Thường xuyên), or per the Government
/// Office's guidance. The plan's own wording is kept in <see cref="Text"/>; a quarter without a year recurs yearly
/// ("Quý IV hằng năm").
/// </summary>
internal sealed record Deadline(string Kind, int? Year, int? Month, int? Quarter, string Text)
{
    /// <summary>The last day the task may be finished, or null when the plan sets no fixed date.</summary>
    public DateOnly? DueOn(DateOnly today) => Kind switch
    {
        CompletionKinds.Month when Year is { } y && Month is { } m => new DateOnly(y, m, 1).AddMonths(1).AddDays(-1),
        CompletionKinds.Quarter when Quarter is { } q => new DateOnly(Year ?? today.Year, q * 3, 1).AddMonths(1).AddDays(-1),
        _ => null,
    };
}

internal static class CompletionKinds
{
    public const string Month = "month";                            // Tháng 6 năm 2021
    public const string Quarter = "quarter";                        // Quý IV năm 2022
    public const string Regular = "regular";                        // Thường xuyên trong năm
    public const string GovernmentGuidance = "government-guidance"; // Theo hướng dẫn của Văn phòng Chính phủ

    public static readonly string[] All = [Month, Quarter, Regular, GovernmentGuidance];
}
