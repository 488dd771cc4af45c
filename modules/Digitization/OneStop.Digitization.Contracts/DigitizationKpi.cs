namespace OneStop.Digitization.Contracts;

/// <summary>
/// Source figures of the plan's digitisation targets (KH 468) and Decision 766's "Số hóa hồ sơ" group, per unit, for
/// the Evaluation module's KPI calculators. Numerators and denominators are returned separately so the calculator
/// decides rates, levels and scores. Every figure is one set-based query over the whole province below
/// <c>unitPath</c> (not limited to the caller's acting unit).
/// </summary>
public interface IDigitizationKpiSource
{
    /// <summary>One row per unit below <paramref name="unitPath"/> that has dossiers or desks; dossiers by resolution (or reception) date in [from, to].</summary>
    Task<IReadOnlyList<DigitizationKpiRow>> PerUnitAsync(string unitPath, DateOnly from, DateOnly to, CancellationToken ct = default);
}

/// <param name="UnitLevel">province / district / commune, to roll up per level (30/20/15% targets).</param>
/// <param name="Resolved">Dossiers resolved in the period (denominator of the result digitisation rate).</param>
/// <param name="ResultsDigitized">Of those, dossiers whose result is digitised and still valid at the end of the period.</param>
/// <param name="ResolvedDigitized">Resolved dossiers with the result digitised and no component left to scan.</param>
/// <param name="ResolvedDigitizedAndArchived">Of those, the ones archived (target: 100% digitised, archived, reusable).</param>
/// <param name="Desks">One-stop desks (Bộ phận Một cửa, service centre) of the unit.</param>
/// <param name="DesksDigitizing">Desks running the digitisation process.</param>
/// <param name="ReceivedWithReusable">Dossiers received in the period with at least one component the data store could supply.</param>
/// <param name="ReceivedReusing">Dossiers received in the period with at least one component reused (not asked again).</param>
public sealed record DigitizationKpiRow(
    Guid UnitId,
    string UnitPath,
    string UnitLevel,
    int Resolved,
    int ResultsDigitized,
    int ResolvedDigitized,
    int ResolvedDigitizedAndArchived,
    int Desks,
    int DesksDigitizing,
    int ReceivedWithReusable,
    int ReceivedReusing);
