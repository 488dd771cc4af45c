namespace OneStop.Evaluation.Contracts;

/// <summary>What other modules (the command-centre connector) may ask of Evaluation.</summary>
public interface IEvaluationApi
{
    /// <summary>Every KPI snapshot of a unit for a period key (<c>2025</c>, <c>2025-Q3</c>, <c>2025-07</c>, <c>2025-07-14</c>).</summary>
    /// <remarks>As is for a current unit, as was for a retired one (see <see cref="KpiStructures"/>).</remarks>
    Task<IReadOnlyList<KpiValue>> KpisAsync(Guid unitId, string period, CancellationToken ct = default);

    /// <summary>The 766 index; a current unit's includes its predecessors' data for earlier periods (as is).</summary>
    Task<QualityIndex?> QualityIndexAsync(Guid unitId, string period, CancellationToken ct = default);
}
