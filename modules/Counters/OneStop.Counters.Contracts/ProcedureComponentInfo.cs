namespace OneStop.Counters.Contracts;

public sealed record ProcedureComponentInfo(string Name, string DocumentTypeCode, bool Required);
