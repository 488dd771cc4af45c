namespace OneStop.Evaluation.Contracts;

/// <summary>
/// By which structure KPIs are shown: <see cref="Was"/> — the units and tree of the period (each row at the unit it
/// belonged to then, rolled up through the districts of the time); <see cref="Is"/> — mapped onto today's units
/// (predecessors summed into successors). The province's totals are equal in both.
/// </summary>
public static class KpiStructures
{
    public const string Was = "was";
    public const string Is = "is";

    public static readonly string[] All = [Was, Is];
}
