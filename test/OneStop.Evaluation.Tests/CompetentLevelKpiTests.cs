using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Features.Targets;
using OneStop.Platform.Kpis;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// The plan's "số hóa kết quả giải quyết TTHC còn hiệu lực" targets are per competent level (30 % of the province's
/// results, 20 % of a district's, 15 % of a commune's): a unit's figure is the results it issued itself, so the province's
/// is not diluted by its communes' (ADR 0030). Built by hand: the province issued 2 results (1 digitised), each commune 4
/// (1 digitised).
/// </summary>
public sealed class CompetentLevelKpiTests
{
    [Fact]
    public void A_row_that_does_not_roll_up_counts_at_its_own_unit_only_and_meets_that_levels_target()
    {
        var province = new UnitNode(Guid.NewGuid(), "/30/", "province", "Tỉnh", null, new(2000, 1, 1), null);
        var a = new UnitNode(Guid.NewGuid(), "/30/1/", "commune", "Xã A", province.Id, new(2000, 1, 1), null);
        var b = new UnitNode(Guid.NewGuid(), "/30/2/", "commune", "Xã B", province.Id, new(2000, 1, 1), null);
        var d = new KpiDefinition(KpiCodes.ResultsDigitised) { Levels = "province,district,commune", Periods = "month,quarter,year", Measure = KpiMeasures.Ratio };
        var targets = new KpiTargetBook([new KpiTarget(d.Code, 2026, "province", 30, legalBasis: "KH"), new KpiTarget(d.Code, 2026, "commune", 15, legalBasis: "KH")]);
        var context = new EngineContext(new Dictionary<string, KpiDefinition> { [d.Code] = d }, targets, [province, a, b], [], new(2026, 12, 7), []);
        KpiRow[] rows =
        [
            new(d.Code, province.Id, province.Path, 1, 2, RollsUp: false),
            new(d.Code, a.Id, a.Path, 1, 4, RollsUp: false),
            new(d.Code, b.Id, b.Path, 1, 4, RollsUp: false),
        ];

        var snapshots = KpiEngine.Roll(context, [d.Code], KpiPeriod.ForYear(2026), rows, DateTimeOffset.UtcNow).ToDictionary(s => s.UnitId);

        (snapshots[province.Id].Numerator, snapshots[province.Id].Denominator, snapshots[province.Id].Value).ShouldBe((1m, 2m, (decimal?)50m));
        snapshots[province.Id].Met.ShouldBe(true); // 50 % of the province's own results ≥ 30 %; summed with the communes' it would be 30 %
        (snapshots[a.Id].Numerator, snapshots[a.Id].Denominator, snapshots[a.Id].Value).ShouldBe((1m, 4m, (decimal?)25m));
        snapshots[a.Id].Met.ShouldBe(true);

        // The same rows rolling up (every other KPI) sum into the province.
        var rolled = KpiEngine.Roll(context, [d.Code], KpiPeriod.ForYear(2026), rows.Select(r => r with { RollsUp = true }).ToList(), DateTimeOffset.UtcNow)
            .Single(s => s.UnitId == province.Id);
        (rolled.Numerator, rolled.Denominator).ShouldBe((3m, 10m));
    }
}
