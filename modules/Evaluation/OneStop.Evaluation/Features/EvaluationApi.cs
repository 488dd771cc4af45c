using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Platform;

namespace OneStop.Evaluation.Features;

/// <summary>
/// <see cref="IEvaluationApi"/>: KPI values and the 766 index, limited to the caller's scope; as is for a current unit
/// (its predecessors' data included), as was for a retired one.
/// </summary>
internal sealed class EvaluationApi(KpiQueries queries) : IEvaluationApi
{
    public async Task<IReadOnlyList<KpiValue>> KpisAsync(Guid unitId, string period, CancellationToken ct = default) =>
        await queries.ValuesAsync(await UnitAsync(unitId, ct), KpiQueries.ParsePeriod(period, DateTime.Today.Year), ct);

    public async Task<QualityIndex?> QualityIndexAsync(Guid unitId, string period, CancellationToken ct = default) =>
        await queries.QualityIndexAsync(await UnitAsync(unitId, ct), KpiQueries.ParsePeriod(period, DateTime.Today.Year), ct);

    private async Task<AdministrativeUnitInfo> UnitAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await queries.UnitAsync(unitId, ct);
        queries.ViewAs(null, unit);
        return unit;
    }
}
