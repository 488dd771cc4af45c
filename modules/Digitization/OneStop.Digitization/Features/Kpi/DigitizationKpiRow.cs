namespace OneStop.Digitization.Features.Kpi;

/// <summary>Source figures of the digitisation targets for one unit (the module's <c>GET /kpi</c>).</summary>
/// <param name="UnitLevel">province / district / commune, to roll up per level (30/20/15% targets).</param>
/// <param name="Resolved">Dossiers resolved in the period (denominator of the result digitisation rate).</param>
/// <param name="ResultsDigitized">Of those, dossiers whose result is digitised and still valid at the end of the period.</param>
/// <param name="ResolvedDigitized">Resolved dossiers with the result digitised and no component left to scan.</param>
/// <param name="ResolvedDigitizedAndArchived">Of those, the ones archived (target: 100% digitised, archived, reusable).</param>
/// <param name="Desks">One-stop desks (Bộ phận Một cửa, service centre) of the unit.</param>
/// <param name="DesksDigitizing">Desks running the digitisation process.</param>
/// <param name="ReceivedWithReusable">Dossiers received in the period with at least one component the data store could supply.</param>
/// <param name="ReceivedReusing">Dossiers received in the period with at least one component reused (not asked again).</param>
internal sealed record DigitizationKpiRow(
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
