using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Domain;

namespace OneStop.Evaluation.Infrastructure;

/// <summary>
/// Seeds the KPI definitions and targets from <c>SeedData/kpis.json</c> (the plan's targets table and Decision 766).
/// Definitions follow the shipped file at every start; targets are only added when missing, so a target an
/// administrator edited stays as edited.
/// </summary>
internal sealed class KpiSeeder(EvaluationDbContext db)
{
    internal sealed record GroupSeed(string Code, string NameVi, string NameEn, decimal MaxPoints);
    internal sealed record TargetSeed(int Year, string? Level, decimal Value);
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
        var targets = (await db.Targets.Select(t => new { t.Code, t.Year, t.Level }).ToListAsync(ct)).Select(t => (t.Code, t.Year, t.Level)).ToHashSet();
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
            foreach (var t in seed.Targets.Where(t => !targets.Contains((seed.Code, t.Year, t.Level))))
            {
                db.Targets.Add(new KpiTarget(seed.Code, t.Year, t.Level, t.Value));
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
