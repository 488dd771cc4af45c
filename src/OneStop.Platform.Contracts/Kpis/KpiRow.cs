namespace OneStop.Platform.Kpis;

/// <summary>
/// One unit's numerator and denominator of one KPI in one period, as a module's calculator computes it over its own
/// rows (GROUP BY the owning unit). The engine rolls rows up the unit tree by summing numerators and denominators —
/// never by averaging percentages. Units with nothing to count are simply absent.
/// <para>
/// <see cref="UnitId"/> is the unit the rows belonged to at the time (a dossier's receiving unit, even if it was retired
/// since): the engine rolls it up the tree of that time for the "as was" view and maps it onto today's units for the
/// "as is" view, following primary successors. <see cref="AsIsUnitId"/> overrides that mapping where the module knows
/// better per row — a split unit's dossiers go to the successor named in the applicant's address.
/// </para>
/// <para>
/// <see cref="RollsUp"/> <c>false</c> keeps a row at its own unit (and, as is, at the unit standing for it today): for
/// a KPI whose target is set per competent level, where a province's figure is the province's own results and never
/// its communes' (results digitised: 30 / 20 / 15 % for province, district, commune; ADR 0030).
/// </para>
/// </summary>
public sealed record KpiRow(string KpiCode, Guid UnitId, string UnitPath, decimal Numerator, decimal Denominator, Guid? AsIsUnitId = null, bool RollsUp = true);
