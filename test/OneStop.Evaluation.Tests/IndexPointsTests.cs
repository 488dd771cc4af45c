using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Evaluation.Infrastructure;

namespace OneStop.Evaluation.Tests;

/// <summary>The children's ranking sums the 766 points without building the index: the same points as the index.</summary>
public sealed class IndexPointsTests
{
    [Fact]
    public void The_ranking_points_are_the_index_points_for_every_mix_of_snapshots()
    {
        var definitions = KpiSeeder.Data.Kpis.Select(k => new KpiDefinition(k.Code) { Group = k.Group, Order = k.Order, MaxPoints = k.MaxPoints })
            .ToDictionary(d => d.Code);
        definitions.Values.Select(d => d.Group).Distinct().Count().ShouldBeGreaterThan(2); // plan targets and the index's groups
        var random = new Random(766);
        for (var round = 0; round < 200; round++)
        {
            var snapshots = definitions.Keys.Where(_ => random.Next(3) > 0)
                .Append("retired.code") // a snapshot of a code no longer defined counts nowhere
                .ToDictionary(code => code, code => new KpiSnapshot { KpiCode = code, Points = random.Next(4) == 0 ? null : random.Next(0, 400) / 100m });
            var expected = KpiQueries.BuildIndex(Guid.Empty, "/30/", "2025", definitions, snapshots).Points;
            KpiQueries.IndexPoints(definitions, snapshots).ShouldBe(expected);
        }
    }
}
