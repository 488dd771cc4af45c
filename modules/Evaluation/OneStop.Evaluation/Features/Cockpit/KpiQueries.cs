using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Targets;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Kpis;
using OneStop.Platform.Localization;
using OneStop.Platform.Persistence;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.Cockpit;

/// <summary>Red / amber / green of a value against its target (amber: within 10% of the target).</summary>
internal static class Rag
{
    public const string Red = "red";
    public const string Amber = "amber";
    public const string Green = "green";
    public const string None = "none";

    public static string Of(decimal? value, decimal? target, bool lowerIsBetter)
    {
        if (value is not { } v || target is not { } t)
        {
            return None;
        }

        if (lowerIsBetter ? v <= t : v >= t)
        {
            return Green;
        }

        return (lowerIsBetter ? v <= t * 1.1m : v >= t * 0.9m) ? Amber : Red;
    }
}

/// <summary>A plan target's card: its figure for the unit and period, and (<see cref="Words"/>, <see cref="NoDataReason"/>) how it is formed.</summary>
internal sealed record KpiCard(KpiDefinition Definition, bool SourcePending, KpiSnapshot? Snapshot, decimal? Target, string Rag, IReadOnlyList<decimal?> Trend,
    KpiDefinitionText Words, string? NoDataReason = null);

/// <summary>A child unit's row: its snapshots by KPI code carry the figures only (code, unit, counts, value, target, met,
/// points, time), not the unit's path or level nor the period, which the row already knows.</summary>
internal sealed record ChildRow(AdministrativeUnitInfo Unit, IReadOnlyDictionary<string, KpiSnapshot> Snapshots, decimal IndexPoints);

/// <summary>
/// Reads snapshots for the cockpit, the API and the reports. The snapshots' unit filter keeps each caller in its subtree.
/// Every read is in one view, <see cref="Structure"/> (as is unless <see cref="ViewAs"/> chose otherwise for the request).
/// </summary>
internal sealed class KpiQueries(
    EvaluationDbContext db, IAdministrativeUnitDirectory units, ICurrentScope scope, IEnumerable<IKpiCalculator> calculators, PlatformDbContext platform,
    KpiGlossary glossary, KpiDefinitionCache definitionCache)
{
    private IReadOnlyDictionary<string, KpiDefinition>? _definitions;

    /// <summary><see cref="KpiStructures.Was"/> or <see cref="KpiStructures.Is"/>: the view of this request's reads.</summary>
    public string Structure { get; private set; } = KpiStructures.Is;

    /// <summary>
    /// Chooses the view of this request: the one asked for, else as is for a unit that exists today (a current
    /// commune's history includes its predecessors') and as was for a retired one (it has no "as is" values).
    /// </summary>
    public string ViewAs(string? requested, AdministrativeUnitInfo unit)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return Structure = unit.ValidTo is null ? KpiStructures.Is : KpiStructures.Was;
        }

        var structure = requested.Trim().ToLowerInvariant();
        if (!KpiStructures.All.Contains(structure))
        {
            throw new PlatformException(EvaluationErrorCodes.InvalidStructure, 400);
        }

        return Structure = structure;
    }

    /// <summary>The snapshots of the current view: those of that view and those that hold in both.</summary>
    private IQueryable<KpiSnapshot> Snapshots()
    {
        var other = Structure == KpiStructures.Was ? KpiStructures.Is : KpiStructures.Was;
        return db.Snapshots.AsNoTracking().Where(s => s.Structure != other);
    }

    public IReadOnlySet<string> ActiveCodes { get; } = calculators.SelectMany(c => c.KpiCodes).ToHashSet();

    public async Task<IReadOnlyDictionary<string, KpiDefinition>> DefinitionsAsync(CancellationToken ct) =>
        _definitions ??= await definitionCache.GetAsync(db, ct);

    /// <summary>The unit asked for, if it is in the caller's scope (else 404 with a stable code).</summary>
    public async Task<AdministrativeUnitInfo> UnitAsync(Guid? unitId, CancellationToken ct)
    {
        var id = unitId ?? scope.Unit.UnitId;
        var unit = id == Guid.Empty ? null : await units.FindAsync(id, ct);
        if (unit is null || !scope.Unit.Contains(unit.Path))
        {
            throw new PlatformException(EvaluationErrorCodes.UnitNotFound, 404);
        }

        return unit;
    }

    public static KpiPeriod ParsePeriod(string? period, int defaultYear) =>
        string.IsNullOrWhiteSpace(period) ? KpiPeriod.ForYear(defaultYear)
        : KpiPeriod.Parse(period) ?? throw new PlatformException(EvaluationErrorCodes.InvalidPeriod, 400);

    public async Task<Dictionary<string, KpiSnapshot>> SnapshotsAsync(Guid unitId, KpiPeriod period, CancellationToken ct)
    {
        var key = period.Key;
        // The cockpit page asks twice (cards, then the 766 index): one query per request (this service is scoped).
        if (_snapshots is { } known && known.Unit == unitId && known.Key == key && known.Structure == Structure)
        {
            return known.Rows;
        }

        var rows = await Snapshots().Where(s => s.UnitId == unitId && s.PeriodKey == key).ToDictionaryAsync(s => s.KpiCode, ct);
        _snapshots = (unitId, key, Structure, rows);
        return rows;
    }

    private (Guid Unit, string Key, string Structure, Dictionary<string, KpiSnapshot> Rows)? _snapshots;

    /// <summary>The KPIs computed for the unit in the period (those with a snapshot), each with its definition and counts.</summary>
    public async Task<IReadOnlyList<KpiValue>> ValuesAsync(AdministrativeUnitInfo unit, KpiPeriod period, CancellationToken ct)
    {
        var definitions = await DefinitionsAsync(ct);
        var snapshots = await SnapshotsAsync(unit.Id, period, ct);
        return snapshots.Values.Where(s => definitions.ContainsKey(s.KpiCode)).OrderBy(s => definitions[s.KpiCode].Order)
            .Select(s => Describe(ToValue(definitions[s.KpiCode], s), definitions[s.KpiCode], s, unit, period)).ToList();
    }

    /// <summary>
    /// Every defined KPI for the unit in the period: those computed with their figure, the others without value, counts
    /// or computation time and with the reason (<see cref="KpiNoDataReasons"/>) — never a sentinel date.
    /// </summary>
    public async Task<IReadOnlyList<KpiValue>> AllValuesAsync(AdministrativeUnitInfo unit, KpiPeriod period, CancellationToken ct)
    {
        var definitions = await DefinitionsAsync(ct);
        var snapshots = await SnapshotsAsync(unit.Id, period, ct);
        return definitions.Values.OrderBy(d => d.Order).Select(d =>
        {
            var s = snapshots.GetValueOrDefault(d.Code);
            return Describe(s is null ? Empty(d, unit.Id, unit.Path, period.Key) : ToValue(d, s), d, s, unit, period);
        }).ToList();
    }

    public static KpiValue ToValue(KpiDefinition d, KpiSnapshot s) =>
        new(d.Code, d.NameVi, d.NameEn, d.Group, s.UnitId, s.UnitPath, s.PeriodKey, s.Numerator, s.Denominator, s.Value, s.Target, s.Met, s.Points, d.MaxPoints, s.ComputedAt);

    /// <summary>A KPI without data: no value, no counts, no computation time.</summary>
    private static KpiValue Empty(KpiDefinition d, Guid unitId, string unitPath, string periodKey) =>
        new(d.Code, d.NameVi, d.NameEn, d.Group, unitId, unitPath, periodKey, 0, 0, null, null, null, null, d.MaxPoints, null);

    /// <summary>Adds the definition in the reader's language, the counts and, without a figure, the reason.</summary>
    public KpiValue Describe(KpiValue value, KpiDefinition d, KpiSnapshot? snapshot, AdministrativeUnitInfo unit, KpiPeriod period) =>
        glossary.Describe(value, d, snapshot, !ActiveCodes.Contains(d.Code), period.Kind, unit.Level);

    public async Task<QualityIndex> QualityIndexAsync(AdministrativeUnitInfo unit, KpiPeriod period, CancellationToken ct)
    {
        var definitions = await DefinitionsAsync(ct);
        var snapshots = await SnapshotsAsync(unit.Id, period, ct);
        var index = BuildIndex(unit.Id, unit.Path, period.Key, definitions, snapshots);
        return index with
        {
            Groups = index.Groups.Select(g => g with
            {
                Indicators = g.Indicators.Select(i => Describe(i, definitions[i.Code], snapshots.GetValueOrDefault(i.Code), unit, period)).ToList(),
            }).ToList(),
        };
    }

    public static QualityIndex BuildIndex(Guid unitId, string unitPath, string periodKey, IReadOnlyDictionary<string, KpiDefinition> definitions, IReadOnlyDictionary<string, KpiSnapshot> snapshots)
    {
        var groups = KpiSeeder.Groups.Select(g =>
        {
            var indicators = definitions.Values.Where(d => d.Group == g.Code).OrderBy(d => d.Order)
                .Select(d => snapshots.TryGetValue(d.Code, out var s) ? ToValue(d, s)
                    : Empty(d, unitId, unitPath, periodKey))
                .ToList();
            return new QualityIndexGroup(g.Code, g.NameVi, g.NameEn, g.MaxPoints, indicators.Sum(i => i.Points ?? 0), indicators);
        }).ToList();
        var measured = groups.SelectMany(g => g.Indicators).Where(i => i.Points is not null).Sum(i => i.MaxPoints ?? 0);
        return new QualityIndex(unitId, unitPath, periodKey, groups.Sum(g => g.Points), measured, groups);
    }

    /// <summary>
    /// The 766 index's points alone (what <see cref="BuildIndex"/> sums), for the children's ranking: a province's page
    /// ranks hundreds of units and needs no indicator values to do it.
    /// </summary>
    public static decimal IndexPoints(IReadOnlyDictionary<string, KpiDefinition> definitions, IReadOnlyDictionary<string, KpiSnapshot> snapshots)
    {
        var points = 0m;
        foreach (var (code, snapshot) in snapshots)
        {
            if (snapshot.Points is { } p && definitions.TryGetValue(code, out var d) && IndexGroups.Contains(d.Group))
            {
                points += p;
            }
        }

        return points;
    }

    private static readonly HashSet<string> IndexGroups = KpiSeeder.Groups.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>One card per plan target: the unit's value in the period, the target, RAG and the monthly trend of the year.</summary>
    public async Task<IReadOnlyList<KpiCard>> CardsAsync(AdministrativeUnitInfo unit, KpiPeriod period, CancellationToken ct)
    {
        var definitions = await DefinitionsAsync(ct);
        var snapshots = await SnapshotsAsync(unit.Id, period, ct);
        var trends = await TrendsAsync(unit.Id, period.Year, ct);
        var targets = await TargetsAsync(period.Year, ct);
        return definitions.Values.Where(d => d.Group == "plan").Select(d =>
        {
            var s = snapshots.GetValueOrDefault(d.Code);
            // Today's target (unit > level > all), so a target just entered colours the card before any recompute.
            var target = targets.ValueFor(d, period.Year, unit.Id, unit.Level);
            var pending = !ActiveCodes.Contains(d.Code);
            var reason = KpiGlossary.NoDataReason(d, pending, s, period.Kind, unit.Level);
            return new KpiCard(d, pending, s, target, Rag.Of(s?.Value, target, d.LowerIsBetter),
                trends.GetValueOrDefault(d.Code) ?? new decimal?[12], glossary.Of(d), reason is null ? null : Messages.Text(reason));
        }).ToList();
    }

    /// <summary>The targets of a year, for the unit > level > all look-up.</summary>
    public async Task<KpiTargetBook> TargetsAsync(int year, CancellationToken ct) =>
        new(await db.Targets.AsNoTracking().Where(t => t.Year == year).ToListAsync(ct));

    /// <summary>Monthly values of the year per KPI (index 0 = January).</summary>
    public async Task<Dictionary<string, decimal?[]>> TrendsAsync(Guid unitId, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var rows = await Snapshots()
            .Where(s => s.UnitId == unitId && s.PeriodKind == KpiPeriodKinds.Month && s.PeriodStart >= from && s.PeriodStart < to)
            .Select(s => new { s.KpiCode, s.PeriodStart, s.Value }).ToListAsync(ct);
        var trends = new Dictionary<string, decimal?[]>();
        foreach (var r in rows)
        {
            if (!trends.TryGetValue(r.KpiCode, out var series))
            {
                trends[r.KpiCode] = series = new decimal?[12];
            }

            series[r.PeriodStart.Month - 1] = r.Value;
        }

        return trends;
    }

    /// <summary>The unit's children with their snapshots in the period, for the drill-down table and the ranking chart.</summary>
    public async Task<IReadOnlyList<ChildRow>> ChildrenAsync(AdministrativeUnitInfo unit, KpiPeriod period, string? level, CancellationToken ct)
    {
        var definitions = await DefinitionsAsync(ct);
        var children = await ChildrenOfAsync(unit.Id, period, ct);
        if (!string.IsNullOrEmpty(level) && level != children.FirstOrDefault()?.Level)
        {
            // A level below the children (communes seen from the province): every descendant of that level.
            var all = new List<AdministrativeUnitInfo>();
            foreach (var child in children)
            {
                all.AddRange((await ChildrenOfAsync(child.Id, period, ct)).Where(u => u.Level == level));
            }

            children = all;
        }

        var ids = children.Select(c => c.Id).ToList();
        var key = period.Key;
        // The figures of the children's rows only: the cockpit of a province reads hundreds of snapshots a page, and
        // their unit paths, levels, period and view (strings the rows do not show) were most of what it read.
        var snapshots = (await Snapshots().Where(s => s.PeriodKey == key && ids.Contains(s.UnitId))
                .Select(s => new KpiSnapshot
                {
                    Id = s.Id, KpiCode = s.KpiCode, UnitId = s.UnitId, Numerator = s.Numerator, Denominator = s.Denominator, Value = s.Value,
                    Target = s.Target, Met = s.Met, Points = s.Points, ComputedAt = s.ComputedAt,
                }).ToListAsync(ct))
            .GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, KpiSnapshot>)g.ToDictionary(s => s.KpiCode));
        var empty = new Dictionary<string, KpiSnapshot>();
        return children.Select(c =>
        {
            var mine = snapshots.GetValueOrDefault(c.Id) ?? empty;
            return new ChildRow(c, mine, IndexPoints(definitions, mine));
        }).OrderByDescending(r => r.IndexPoints).ThenBy(r => r.Unit.Name).ToList();
    }

    /// <summary>As is, today's children; as was, the children that existed at some time in the period (the tree of then).</summary>
    private async Task<IReadOnlyList<AdministrativeUnitInfo>> ChildrenOfAsync(Guid unitId, KpiPeriod period, CancellationToken ct) =>
        Structure == KpiStructures.Is
            ? await units.ChildrenAsync(unitId, ct: ct)
            : (await units.AllAsync(ct)).Where(u => u.ParentId == unitId && u.ValidFrom < period.End && (u.ValidTo is null || u.ValidTo > period.Start)).ToList();

    /// <summary>The rows behind a KPI of a unit (drill-down from a red card), from the module that computes it.</summary>
    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string code, AdministrativeUnitInfo unit, KpiPeriod period, int take, CancellationToken ct)
    {
        var calculator = calculators.FirstOrDefault(c => c.KpiCodes.Contains(code));
        if (calculator is null)
        {
            return [];
        }

        var rows = await calculator.DetailsAsync(code, period, unit.Path, take, ct);
        var excluded = await ExcludedPathsAsync(code, period, ct);
        return excluded.Count == 0 ? rows : rows.Where(r => !excluded.Any(p => r.UnitPath.StartsWith(p, StringComparison.Ordinal))).ToList();
    }

    /// <summary>
    /// Paths of the communes left out of <paramref name="code"/> in the period (designated especially difficult on some
    /// day of it, and the target in force for them says so), so the drill-down shows the rows the figure counts.
    /// </summary>
    private async Task<IReadOnlyList<string>> ExcludedPathsAsync(string code, KpiPeriod period, CancellationToken ct)
    {
        var targets = await TargetsAsync(period.Year, ct);
        if (!targets.AnyExcludes(code, period.Year) || !(await DefinitionsAsync(ct)).TryGetValue(code, out var definition))
        {
            return [];
        }

        var paths = new List<string>();
        foreach (var id in await platform.EspeciallyDifficultAsync(period.Start, period.End, ct))
        {
            if (await units.FindAsync(id, ct) is { } u && targets.For(definition, period.Year, u.Id, u.Level) is { ExcludesEspeciallyDifficult: true })
            {
                paths.Add(u.Path);
            }
        }

        return paths;
    }

    public async Task<IReadOnlyList<AdministrativeUnitInfo>> BreadcrumbAsync(AdministrativeUnitInfo unit, CancellationToken ct)
    {
        var trail = new List<AdministrativeUnitInfo> { unit };
        var current = unit;
        while (current.ParentId is { } parent && await units.FindAsync(parent, ct) is { } p && scope.Unit.Contains(p.Path))
        {
            trail.Insert(0, p);
            current = p;
        }

        return trail;
    }

    public async Task<DateTimeOffset?> LastRunAsync(CancellationToken ct) =>
        await db.Runs.AsNoTracking().Where(r => r.FinishedAt != null).OrderByDescending(r => r.StartedAt).Select(r => r.FinishedAt).FirstOrDefaultAsync(ct);
}
