namespace OneStop.Counters.Contracts;

/// <summary>One line of the public catalogue: a procedure in force today.</summary>
public sealed record PublicProcedureSummary(
    string Code, string Name, string Field, IReadOnlyList<string> Levels, bool FullyOnline, bool PostalAllowed, bool LocationIndependent);
