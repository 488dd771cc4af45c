using Microsoft.Extensions.Logging;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Kpis;

namespace OneStop.Evaluation.Features.Kpis;

/// <summary>
/// Whether the modules' calculators and Evaluation's definitions agree. The codes live on both sides — as data here
/// (<c>kpis.json</c>), as each module's own constants there — so a typo or a KPI added on one side only would silently
/// drop figures (an undefined code is ignored by the engine) or leave a card "source pending".
/// </summary>
/// <param name="Undefined">Codes a calculator answers that no definition has: the engine ignores their rows.</param>
/// <param name="WithoutCalculator">Defined KPIs no registered calculator answers: shown as "source pending".</param>
internal sealed record KpiCalculatorCoverage(IReadOnlyList<string> Undefined, IReadOnlyList<string> WithoutCalculator)
{
    public bool Agrees => Undefined.Count == 0 && WithoutCalculator.Count == 0;

    public static KpiCalculatorCoverage Of(IEnumerable<IKpiCalculator> calculators, IEnumerable<string> definedCodes)
    {
        var answered = calculators.SelectMany(c => c.KpiCodes).ToHashSet(StringComparer.Ordinal);
        var defined = definedCodes.ToHashSet(StringComparer.Ordinal);
        return new(answered.Except(defined).Order(StringComparer.Ordinal).ToList(), defined.Except(answered).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The shipped definitions against the registered calculators, as a warning at start-up (a module switched off explains a gap).</summary>
    public static void WarnAtStartup(IEnumerable<IKpiCalculator> calculators, ILogger logger)
    {
        var coverage = Of(calculators, KpiSeeder.Data.Kpis.Select(k => k.Code));
        if (coverage.Undefined.Count > 0)
        {
            logger.LogWarning("KPI calculators answer codes Evaluation does not define (their rows are ignored): {Codes}", string.Join(", ", coverage.Undefined));
        }

        if (coverage.WithoutCalculator.Count > 0)
        {
            logger.LogWarning("Defined KPIs without a registered calculator (shown as source pending): {Codes}", string.Join(", ", coverage.WithoutCalculator));
        }
    }
}
