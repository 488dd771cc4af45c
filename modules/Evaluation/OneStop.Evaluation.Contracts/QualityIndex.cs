namespace OneStop.Evaluation.Contracts;

/// <summary>The Decision 766 index of one unit and period: 100 points in six groups.</summary>
public sealed record QualityIndex(Guid UnitId, string UnitPath, string Period, decimal Points, decimal MeasuredMaxPoints, IReadOnlyList<QualityIndexGroup> Groups);
