namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// Source figures of the digitisation targets for one unit (the module's <c>GET /kpi</c>), with the same definitions as
/// the KPI engine's (<see cref="DigitizationKpiCalculator"/>, ADR 0030) over any range of days.
/// </summary>
/// <param name="UnitLevel">province / district / commune: the plan's results target is 30 / 20 / 15 % per competent level.</param>
/// <param name="ValidResults">Results in the register issued by this unit (the competent one), issued by the last day and still valid on it.</param>
/// <param name="ValidResultsDigitised">Of those, the ones digitised by the end of the last day (resolved dossiers' and back-file results alike).</param>
/// <param name="Resolved">Dossiers resolved in the range at this unit's desk.</param>
/// <param name="ResolvedDigitizedAndArchived">Of those, result digitised and valid, nothing left to scan, archived (target: 100 % digitised, archived, reusable).</param>
/// <param name="ResultsSigned">Of those resolved, the result signed with the unit's certificate (766 5.1).</param>
/// <param name="ComponentsRequired">Components the dossiers received in the range required.</param>
/// <param name="ComponentsNotAskedAgain">Of those, the ones the applicant was not asked for again because the system held them.</param>
/// <param name="ReceivedReusing">Dossiers received in the range with at least one component reused from the data store.</param>
/// <param name="Desks">One-stop desks (Bộ phận Một cửa, service centre) of the unit.</param>
/// <param name="DesksDigitizing">Desks running the digitisation process by the end of the last day.</param>
internal sealed record DigitizationKpiRow(
    Guid UnitId,
    string UnitPath,
    string UnitLevel,
    int ValidResults,
    int ValidResultsDigitised,
    int Resolved,
    int ResolvedDigitizedAndArchived,
    int ResultsSigned,
    int ComponentsRequired,
    int ComponentsNotAskedAgain,
    int ReceivedReusing,
    int Desks,
    int DesksDigitizing);
