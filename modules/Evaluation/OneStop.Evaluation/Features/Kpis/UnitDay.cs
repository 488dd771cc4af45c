namespace OneStop.Evaluation.Features.Kpis;

/// <summary>What ratings and complaints are grouped by: the unit and, for a range of days, the day (0 for one period).</summary>
internal sealed class UnitDay
{
    public Guid UnitId { get; init; }
    public string UnitPath { get; init; } = "";
    public int Day { get; init; }
}
