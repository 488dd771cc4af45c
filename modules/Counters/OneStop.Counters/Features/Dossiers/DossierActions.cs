using OneStop.Counters.Contracts;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// The actions an officer takes on a dossier: the REST endpoint name (<c>POST …/dossiers/{id}/{Name}</c>), the
/// transition it records and the permission it needs. One table for the API and the dossier page.
/// </summary>
internal static class DossierActions
{
    internal sealed record DossierAction(string Name, string Transition, string Permission);

    public static readonly DossierAction Receive = new("receive", DossierTransitions.Received, CountersPermissions.DossiersReceive);
    public static readonly DossierAction Refuse = new("refuse", DossierTransitions.Refused, CountersPermissions.DossiersReceive);
    public static readonly DossierAction Assign = new("assign", DossierTransitions.Assigned, CountersPermissions.DossiersProcess);
    public static readonly DossierAction Route = new("route", DossierTransitions.Routed, CountersPermissions.DossiersProcess);
    public static readonly DossierAction RequestSupplement = new("request-supplement", DossierTransitions.SupplementRequested, CountersPermissions.DossiersProcess);
    public static readonly DossierAction Supplement = new("supplement", DossierTransitions.Supplemented, CountersPermissions.DossiersProcess);
    public static readonly DossierAction RequestFinancialObligation = new("request-financial-obligation", DossierTransitions.FinancialObligationRequested, CountersPermissions.DossiersProcess);
    public static readonly DossierAction FinancialObligationMet = new("financial-obligation-met", DossierTransitions.FinancialObligationMet, CountersPermissions.DossiersProcess);
    public static readonly DossierAction Extend = new("extend", DossierTransitions.Extended, CountersPermissions.DossiersApprove);
    public static readonly DossierAction Withdraw = new("withdraw", DossierTransitions.Withdrawn, CountersPermissions.DossiersReceive);
    public static readonly DossierAction Stop = new("stop", DossierTransitions.Stopped, CountersPermissions.DossiersApprove);
    public static readonly DossierAction Resolve = new("resolve", DossierTransitions.Resolved, CountersPermissions.DossiersApprove);
    public static readonly DossierAction Return = new("return", DossierTransitions.Returned, CountersPermissions.DossiersReturn);

    public static readonly IReadOnlyDictionary<string, DossierAction> ByName = new[]
    {
        Receive, Refuse, Assign, Route, RequestSupplement, Supplement, RequestFinancialObligation, FinancialObligationMet,
        Extend, Withdraw, Stop, Resolve, Return,
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The actions the dossier's status allows (the workflow still checks each one when it is taken).</summary>
    public static IEnumerable<DossierAction> AllowedIn(string status, bool active)
    {
        DossierAction[] byStatus = status switch
        {
            DossierStatuses.New => [Receive, Refuse],
            DossierStatuses.Received => [Refuse, Assign, Route, RequestSupplement, Resolve],
            DossierStatuses.Processing => [Assign, Route, RequestSupplement, RequestFinancialObligation, Resolve],
            DossierStatuses.SupplementRequested => [Supplement],
            DossierStatuses.AwaitingFinancialObligation => [FinancialObligationMet],
            DossierStatuses.Resolved => [Return],
            _ => [],
        };
        return active || status == DossierStatuses.New ? byStatus.Concat(active ? [Withdraw, Stop, Extend] : [Withdraw]).Distinct() : byStatus;
    }
}
