namespace OneStop.Counters.Contracts;

public sealed record ProcedureInfo(
    string Code,
    string Name,
    string Field,
    IReadOnlyList<string> Levels,
    bool FullyOnline,
    bool PostalAllowed,
    bool LocationIndependent,
    IReadOnlyList<ProcedureComponentInfo> Components);
