using Hangfire;
using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.Targets;

/// <summary>
/// Chỉ tiêu theo năm: lists, saves, deletes and copies KPI targets, for the targets page and the API alike. A change
/// shows at once: the stored snapshots of that KPI and year get their target and "met" re-evaluated in the same
/// request (a few set-based updates, one per distinct target value). A change of "except especially difficult
/// communes" changes numerators and denominators too, so it also queues a full recompute of the year.
/// </summary>
internal sealed class KpiTargetHandler(
    EvaluationDbContext db, IAdministrativeUnitDirectory units, ICurrentScope scope, IBackgroundJobClient jobs)
{
    public async Task<IReadOnlyList<KpiTargetView>> ListAsync(int year, CancellationToken ct)
    {
        var definitions = await db.Definitions.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Year == year).ToListAsync(ct);
        var names = new Dictionary<Guid, string>();
        foreach (var id in targets.Where(t => t.UnitId is not null).Select(t => t.UnitId!.Value).Distinct())
        {
            names[id] = (await units.FindAsync(id, ct))?.Name ?? "";
        }

        return targets.Where(t => definitions.ContainsKey(t.Code))
            .OrderBy(t => definitions[t.Code].Order).ThenBy(t => t.UnitId is null ? 0 : 1).ThenBy(t => LevelOrder(t.Level))
            .Select(t => View(t, definitions[t.Code], t.UnitId is { } u ? names.GetValueOrDefault(u) : null)).ToList();
    }

    public async Task<(KpiTargetView Target, bool Created)> SaveAsync(SaveKpiTargetRequest request, CancellationToken ct)
    {
        var definition = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == request.Code, ct)
            ?? throw new PlatformException(EvaluationErrorCodes.KpiNotFound, 404);
        var level = string.IsNullOrWhiteSpace(request.Level) ? null : request.Level.Trim();
        string? unitName = null;
        if (request.UnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, ct);
            if (unit is null || !scope.Unit.Contains(unit.Path))
            {
                throw new PlatformException(EvaluationErrorCodes.UnitNotFound, 404);
            }

            if (!definition.LevelList.Contains(unit.Level))
            {
                throw new PlatformException(PlatformErrorCodes.ValidationFailed, 422) { MessageCode = EvaluationMessages.TargetLevelInvalid };
            }

            (level, unitName) = (null, unit.Name);
        }

        var value = Math.Round(request.Value, 2);
        var legalBasis = request.LegalBasis.Trim();
        var target = await db.Targets.FirstOrDefaultAsync(
            t => t.Code == request.Code && t.Year == request.Year && t.Level == level && t.UnitId == request.UnitId, ct);
        var created = target is null;
        var recount = false;
        if (target is null)
        {
            target = new KpiTarget(request.Code, request.Year, level, value, request.UnitId, legalBasis, request.ExcludesEspeciallyDifficult);
            db.Targets.Add(target);
            recount = request.ExcludesEspeciallyDifficult;
        }
        else
        {
            recount = target.ExcludesEspeciallyDifficult != request.ExcludesEspeciallyDifficult;
            target.Change(value, legalBasis, request.ExcludesEspeciallyDifficult);
        }

        await db.SaveChangesAsync(ct);
        await AfterChangeAsync([request.Code], request.Year, recount, ct);
        return (View(target, definition, unitName), created);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new PlatformException(EvaluationErrorCodes.TargetNotFound, 404);
        db.Targets.Remove(target);
        await db.SaveChangesAsync(ct);
        await AfterChangeAsync([target.Code], target.Year, target.ExcludesEspeciallyDifficult, ct);
    }

    public async Task<KpiTargetsCopied> CopyYearAsync(CopyKpiTargetsRequest request, CancellationToken ct)
    {
        var next = request.Year + 1;
        var source = await db.Targets.AsNoTracking().Where(t => t.Year == request.Year).ToListAsync(ct);
        var existing = (await db.Targets.AsNoTracking().Where(t => t.Year == next).Select(t => new { t.Code, t.Level, t.UnitId }).ToListAsync(ct))
            .Select(t => (t.Code, t.Level, t.UnitId)).ToHashSet();
        var added = source.Where(t => !existing.Contains((t.Code, t.Level, t.UnitId))).Select(t => t.ForYear(next)).ToList();
        db.Targets.AddRange(added);
        await db.SaveChangesAsync(ct);
        await AfterChangeAsync(added.Select(t => t.Code).Distinct().ToList(), next, added.Any(t => t.ExcludesEspeciallyDifficult), ct);
        return new KpiTargetsCopied(request.Year, next, added.Count, source.Count - added.Count);
    }

    private async Task AfterChangeAsync(IReadOnlyCollection<string> codes, int year, bool recount, CancellationToken ct)
    {
        await RetargetAsync(db, codes, year, ct);
        if (recount)
        {
            jobs.Enqueue<KpiEngine>(e => e.RecomputeYearAsync(year, CancellationToken.None));
        }
    }

    /// <summary>Re-evaluates Target and Met of the stored snapshots of <paramref name="codes"/> in <paramref name="year"/> against today's targets.</summary>
    internal static async Task RetargetAsync(EvaluationDbContext db, IReadOnlyCollection<string> codes, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var definitions = await db.Definitions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToListAsync(ct);
        var book = new KpiTargetBook(await db.Targets.AsNoTracking().Where(t => t.Year == year && codes.Contains(t.Code)).ToListAsync(ct));
        var snapshots = db.Snapshots.IgnoreQueryFilters();
        foreach (var definition in definitions)
        {
            var code = definition.Code;
            var unitsOf = await snapshots.Where(s => s.KpiCode == code && s.PeriodStart >= from && s.PeriodStart < to)
                .Select(s => new { s.UnitId, s.UnitLevel }).Distinct().ToListAsync(ct);
            foreach (var group in unitsOf.GroupBy(u => book.ValueFor(definition, year, u.UnitId, u.UnitLevel)))
            {
                var ids = group.Select(u => u.UnitId).ToList();
                var rows = snapshots.Where(s => s.KpiCode == code && s.PeriodStart >= from && s.PeriodStart < to && ids.Contains(s.UnitId));
                if (group.Key is not { } target)
                {
                    await rows.ExecuteUpdateAsync(u => u.SetProperty(s => s.Target, (decimal?)null).SetProperty(s => s.Met, (bool?)null), ct);
                }
                else
                {
                    await rows.Where(s => s.Value == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.Target, target).SetProperty(s => s.Met, (bool?)null), ct);
                    await (definition.LowerIsBetter
                        ? rows.Where(s => s.Value != null).ExecuteUpdateAsync(u => u.SetProperty(s => s.Target, target).SetProperty(s => s.Met, s => (bool?)(s.Value <= target)), ct)
                        : rows.Where(s => s.Value != null).ExecuteUpdateAsync(u => u.SetProperty(s => s.Target, target).SetProperty(s => s.Met, s => (bool?)(s.Value >= target)), ct));
                }
            }
        }
    }

    private static int LevelOrder(string? level) => level switch { null => 0, "province" => 1, "district" => 2, _ => 3 };

    private static KpiTargetView View(KpiTarget t, KpiDefinition d, string? unitName) =>
        new(t.Id, t.Code, d.NameVi, d.NameEn, d.Measure, t.Year, t.Level, t.UnitId, unitName, t.Value, t.LegalBasis, t.ExcludesEspeciallyDifficult);
}
