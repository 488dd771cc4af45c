using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Cockpit;

namespace OneStop.Evaluation.Features;

/// <summary><see cref="IEvaluationApi"/>: KPI values and the 766 index, limited to the caller's scope.</summary>
internal sealed class EvaluationApi(KpiQueries queries) : IEvaluationApi
{
    public async Task<IReadOnlyList<KpiValue>> KpisAsync(Guid unitId, string period, CancellationToken ct = default) =>
        await queries.ValuesAsync(await queries.UnitAsync(unitId, ct), KpiQueries.ParsePeriod(period, DateTime.Today.Year), ct);

    public async Task<QualityIndex?> QualityIndexAsync(Guid unitId, string period, CancellationToken ct = default) =>
        await queries.QualityIndexAsync(await queries.UnitAsync(unitId, ct), KpiQueries.ParsePeriod(period, DateTime.Today.Year), ct);
}
