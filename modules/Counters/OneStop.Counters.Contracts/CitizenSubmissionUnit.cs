namespace OneStop.Counters.Contracts;

/// <summary>A unit that receives the procedure today.</summary>
public sealed record CitizenSubmissionUnit(Guid Id, string Name, string Path, string Level);
