using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Domain;

namespace OneStop.Evaluation.Infrastructure;

/// <summary>
/// Seeds the KPI definitions and targets from <c>SeedData/kpis.json</c> (the plan's targets table and Decision 766).
/// Definitions follow the shipped file at every start (reference data, also in production). A shipped target is added
/// only for a year newer than every target the KPI already has, so a target the provincial office edited or deleted
/// stays as it left it; targets from before their legal basis was recorded get the shipped one once (ADR 0023).
/// </summary>
internal sealed class KpiSeeder(EvaluationDbContext db)
{
    internal sealed record GroupSeed(string Code, string NameVi, string NameEn, decimal MaxPoints);
    internal sealed record TargetSeed(int Year, string? Level, decimal Value, string? LegalBasis = null, bool ExcludesEspeciallyDifficult = false);
    internal sealed record KpiSeed(
        string Code, string Group, int Order, string NameVi, string NameEn, string NumeratorVi, string DenominatorVi, string NumeratorEn, string DenominatorEn,
        string Module, string Measure, bool LowerIsBetter, string Levels, string Periods, decimal? MaxPoints, decimal? FullAt, List<TargetSeed> Targets,
        string TargetText, string SourceNote);
    internal sealed record Catalogue(string Source, List<GroupSeed> Groups, List<KpiSeed> Kpis);

    private static readonly Lazy<Catalogue> Shipped = new(() =>
    {
        using var stream = typeof(KpiSeeder).Assembly.GetManifestResourceStream("OneStop.Evaluation.SeedData.kpis.json")
            ?? throw new InvalidOperationException("Embedded SeedData/kpis.json is missing.");
        return JsonSerializer.Deserialize<Catalogue>(stream, JsonSerializerOptions.Web)!;
    });

    /// <summary>The six groups of the 766 index with their points.</summary>
    public static IReadOnlyList<GroupSeed> Groups => Shipped.Value.Groups;

    public static Catalogue Data => Shipped.Value;

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.Definitions.ToDictionaryAsync(d => d.Code, ct);
        var targets = await db.Targets.ToListAsync(ct);
        var latest = targets.GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.Max(t => t.Year));
        foreach (var seed in Shipped.Value.Kpis)
        {
            if (!existing.TryGetValue(seed.Code, out var d))
            {
                d = new KpiDefinition(seed.Code);
                db.Definitions.Add(d);
            }

            (d.Group, d.Order, d.NameVi, d.NameEn, d.NumeratorVi, d.DenominatorVi, d.NumeratorEn, d.DenominatorEn) =
                (seed.Group, seed.Order, seed.NameVi, seed.NameEn, seed.NumeratorVi, seed.DenominatorVi, seed.NumeratorEn, seed.DenominatorEn);
            (d.Module, d.Measure, d.LowerIsBetter, d.Levels, d.Periods, d.MaxPoints, d.FullAt, d.TargetText, d.SourceNote) =
                (seed.Module, seed.Measure, seed.LowerIsBetter, seed.Levels, seed.Periods, seed.MaxPoints, seed.FullAt, seed.TargetText, seed.SourceNote);
            var newerThan = latest.TryGetValue(seed.Code, out var year) ? year : int.MinValue;
            foreach (var t in seed.Targets)
            {
                var legalBasis = t.LegalBasis ?? Shipped.Value.Source;
                if (t.Year > newerThan)
                {
                    db.Targets.Add(new KpiTarget(seed.Code, t.Year, t.Level, t.Value, null, legalBasis, t.ExcludesEspeciallyDifficult));
                }
                else if (targets.FirstOrDefault(x => x.Code == seed.Code && x.Year == t.Year && x.Level == t.Level && x.UnitId == null) is { LegalBasis: "" } old)
                {
                    old.Change(old.Value, legalBasis, t.ExcludesEspeciallyDifficult);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
