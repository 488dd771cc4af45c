using OneStop.Platform.Domain;

namespace OneStop.PlanTasks.Domain;

/// <summary>Đoàn kiểm tra — an inspection team set up by the provincial office (owned by the unit that set it up).</summary>
internal sealed class InspectionTeam : ScopedEntity
{
    private InspectionTeam() { }

    public InspectionTeam(string name, string decisionNo, List<string> members)
    {
        Name = name;
        DecisionNo = decisionNo;
        Members = members;
    }

    public string Name { get; private set; } = "";

    /// <summary>Số quyết định thành lập đoàn.</summary>
    public string DecisionNo { get; private set; } = "";
    public List<string> Members { get; private set; } = [];
}

/// <summary>Cuộc kiểm tra — a visit of a team to a unit; owned by the inspected unit so it can read its own findings.</summary>
internal sealed class InspectionVisit : ScopedEntity
{
    private InspectionVisit() { }

    public InspectionVisit(Guid teamId, Guid unitId, string unitPath, string unitName, DateOnly visitOn, string summary)
    {
        TeamId = teamId;
        UnitId = unitId;
        UnitPath = unitPath;
        UnitName = unitName;
        VisitOn = visitOn;
        Summary = summary;
    }

    public Guid TeamId { get; private set; }
    public InspectionTeam Team { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public DateOnly VisitOn { get; private set; }
    public string Summary { get; private set; } = "";
    public List<InspectionFinding> Findings { get; private set; } = [];
}

/// <summary>Kết luận, tồn tại — a finding; one that needs remedy creates a follow-up task assigned to the inspected unit.</summary>
internal sealed class InspectionFinding : ScopedEntity
{
    private InspectionFinding() { }

    public InspectionFinding(InspectionVisit visit, string text, Guid? followUpAssignmentId)
    {
        VisitId = visit.Id;
        UnitId = visit.UnitId;
        UnitPath = visit.UnitPath;
        Text = text;
        FollowUpAssignmentId = followUpAssignmentId;
    }

    public Guid VisitId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? FollowUpAssignmentId { get; private set; }
}
