using OneStop.Evaluation.Domain;

namespace OneStop.Evaluation.Features.Targets;

/// <summary>
/// The targets of every KPI and year, with the look-up the engine, the cockpit and the reports share: for a unit, its
/// own target, else its level's, else the one for all levels — and none for a level the KPI does not apply to.
/// </summary>
internal sealed class KpiTargetBook
{
    private readonly Dictionary<(string Code, int Year), List<KpiTarget>> _targets;

    public KpiTargetBook(IEnumerable<KpiTarget> targets) =>
        _targets = targets.GroupBy(t => (t.Code, t.Year)).ToDictionary(g => g.Key, g => g.ToList());

    public static KpiTargetBook Empty { get; } = new([]);

    /// <summary>The target in force for <paramref name="unitId"/> (of <paramref name="level"/>) in <paramref name="year"/>.</summary>
    public KpiTarget? For(KpiDefinition definition, int year, Guid unitId, string level)
    {
        if (!definition.LevelList.Contains(level) || !_targets.TryGetValue((definition.Code, year), out var list))
        {
            return null;
        }

        return list.FirstOrDefault(t => t.UnitId == unitId)
            ?? list.FirstOrDefault(t => t.UnitId is null && t.Level == level)
            ?? list.FirstOrDefault(t => t.UnitId is null && t.Level is null);
    }

    public decimal? ValueFor(KpiDefinition definition, int year, Guid unitId, string level) => For(definition, year, unitId, level)?.Value;

    /// <summary>Whether any target of the KPI in the year leaves especially difficult communes out.</summary>
    public bool AnyExcludes(string code, int year) => _targets.TryGetValue((code, year), out var list) && list.Any(t => t.ExcludesEspeciallyDifficult);
}
