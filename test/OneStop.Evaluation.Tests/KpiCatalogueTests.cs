using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Kpis;
using OneStop.Platform.TestKit;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// The KPI codes live on two sides — Evaluation's definitions (<c>kpis.json</c>) and each module's own constants in its
/// <see cref="IKpiCalculator"/> — so these tests hold them together: every code a registered calculator answers is
/// defined, every definition is answered, by the module the definition names.
/// </summary>
public sealed class KpiCatalogueTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static IReadOnlyList<KpiSeeder.KpiSeed> Defined => KpiSeeder.Data.Kpis;

    [Fact]
    public async Task Every_answered_code_is_defined_and_every_defined_KPI_has_a_calculator()
    {
        var calculators = await fx.AsSystemAsync(sp => Task.FromResult(sp.GetServices<IKpiCalculator>().ToList()));
        calculators.Count.ShouldBeGreaterThan(1);

        var coverage = KpiCalculatorCoverage.Of(calculators, Defined.Select(k => k.Code));
        coverage.Undefined.ShouldBeEmpty("codes a calculator answers but Evaluation does not define (their rows would be ignored)");
        coverage.WithoutCalculator.ShouldBeEmpty("defined KPIs no registered calculator answers");
        coverage.Agrees.ShouldBeTrue();

        // One calculator per code, in the module the definition names (the drill-down asks the first that answers).
        foreach (var kpi in Defined)
        {
            var answering = calculators.Where(c => c.KpiCodes.Contains(kpi.Code)).ToList();
            answering.Count.ShouldBe(1, customMessage: kpi.Code);
            answering[0].GetType().Assembly.GetName().Name.ShouldBe($"OneStop.{kpi.Module}", customMessage: kpi.Code);
        }
    }

    [Fact]
    public void The_published_code_names_are_the_defined_codes()
    {
        var constants = typeof(KpiCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        constants.ShouldBe(Defined.Select(k => k.Code), ignoreOrder: true);
    }

    [Fact]
    public void A_disagreement_is_named_on_both_sides()
    {
        var coverage = KpiCalculatorCoverage.Of([new Answering("plan.on-time", "plan.typo")], ["plan.on-time", "plan.waiting-time"]);
        coverage.Agrees.ShouldBeFalse();
        coverage.Undefined.ShouldBe(["plan.typo"]);
        coverage.WithoutCalculator.ShouldBe(["plan.waiting-time"]);
    }

    private sealed class Answering(params string[] codes) : IKpiCalculator
    {
        public IReadOnlyCollection<string> KpiCodes { get; } = codes;
        public Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<KpiRow>>([]);
        public Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default) => Task.FromResult<IReadOnlyCollection<DateOnly>>([]);
        public Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<KpiDetailRow>>([]);
    }
}
