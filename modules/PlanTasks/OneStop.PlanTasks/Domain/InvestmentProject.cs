using OneStop.Platform.Domain;

namespace OneStop.PlanTasks.Domain;

/// <summary>Dự án đầu tư — a project proposed for the medium-term public investment plan (Kế hoạch đầu tư công trung hạn).</summary>
internal sealed class InvestmentProject : ScopedEntity
{
    private InvestmentProject() { }

    public InvestmentProject(string name, Guid? planTaskId, decimal proposedAmount, int fromYear, int toYear)
    {
        Name = name;
        PlanTaskId = planTaskId;
        ProposedAmount = proposedAmount;
        FromYear = fromYear;
        ToYear = toYear;
    }

    public string Name { get; private set; } = "";
    public Guid? PlanTaskId { get; private set; }

    /// <summary>Tổng mức đầu tư đề xuất, VND.</summary>
    public decimal ProposedAmount { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }

    /// <summary><c>proposed</c> (đề xuất) or <c>approved</c> (đã phê duyệt).</summary>
    public string Status { get; set; } = "proposed";
}

/// <summary>Bố trí kinh phí — a budget allocation for a task in a year, optionally through a project.</summary>
internal sealed class BudgetAllocation : ScopedEntity
{
    private BudgetAllocation() { }

    public BudgetAllocation(Guid planTaskId, Guid? projectId, int year, decimal amount, string source)
    {
        PlanTaskId = planTaskId;
        ProjectId = projectId;
        Year = year;
        Amount = amount;
        Source = source;
    }

    public Guid PlanTaskId { get; private set; }
    public Guid? ProjectId { get; private set; }
    public int Year { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>Nguồn vốn, e.g. ngân sách tỉnh, ngân sách huyện.</summary>
    public string Source { get; private set; } = "";
}
