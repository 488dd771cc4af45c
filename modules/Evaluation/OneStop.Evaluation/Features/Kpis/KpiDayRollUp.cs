using OneStop.Evaluation.Contracts;

namespace OneStop.Evaluation.Features.Kpis;

/// <summary>
/// Which calculators keep per-day partials and have their months, quarters and years summed from them (ADR 0045): those
/// whose every code is additive over days — each counted row belongs to exactly one day (received, resolved, rated,
/// served) and the numerator and denominator of a period are the sums of its days'. A calculator answering any other
/// code stays on the per-period path, whole: its period query runs anyway, so partials would only add work.
/// </summary>
internal static class KpiDayRollUp
{
    /// <summary>
    /// Additive codes. Not here, and why: stocks "as of the period's end" (results digitised and resolved-and-digitised,
    /// whose result must still be valid on the period's last day; desks digitising), distinct counts (communes signing
    /// certified copies, national databases checked), catalogue states (procedures published, on the population
    /// database), plan tasks and training (due or held in the period, few rows, cheap as they are).
    /// </summary>
    public static readonly IReadOnlySet<string> AdditiveCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        // Counters' dossiers: by reception day (on time: by resolution day), counted where received or resolved.
        KpiCodes.OnlineShare, KpiCodes.OnTimeRate, KpiCodes.I766Progress, KpiCodes.I766DataReuse, KpiCodes.I766FullyOnline,
        KpiCodes.ElectronicRouting, KpiCodes.I766OnlinePayment, KpiCodes.I766PopulationData,
        // Ratings by rating day; complaints by reception and answer day.
        KpiCodes.Satisfaction, KpiCodes.I766DossierSatisfaction, KpiCodes.SatisfactionCriteria,
        KpiCodes.I766ComplaintsOnTime, KpiCodes.I766ComplaintSatisfaction,
        // Queue visits by service day: minutes summed over visits, so the average of a month is a ratio of sums.
        KpiCodes.WaitingTime, KpiCodes.ProcessingTimePerDossier,
        // Digitization's flows (ADR 0055): signed results by resolution day; components not asked again, dossiers digitised
        // and linked, shared for reuse by reception day. Its stocks are another calculator's.
        KpiCodes.NoRepeatDocuments, KpiCodes.I766ElectronicResults, KpiCodes.I766DigitisedLinked, KpiCodes.I766SharedForReuse,
    };

    public static bool Applies(IReadOnlyCollection<string> codes) => codes.Count > 0 && codes.All(AdditiveCodes.Contains);
}
