using OneStop.Counters.Contracts;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// An action on a dossier: its REST name (<c>POST …/dossiers/{id}/{Name}</c>), the transition it records, the permission
/// (hence the roles) it needs, the stages it may be taken from and the status it leads to (null: the status stays).
/// </summary>
internal sealed record DossierAction(string Name, string Transition, string Permission, string[] From, string? To);

/// <summary>
/// The dossier's lifecycle as one table — stages × actions × permissions. <see cref="Dossier"/> checks every change
/// against it, the API maps one endpoint per row and the dossier page offers exactly the rows the stage and the
/// user's permissions allow (ADR 0036).
/// </summary>
internal static class DossierLifecycle
{
    private static readonly string[] Handling = [DossierStatuses.Received, DossierStatuses.Processing];
    private static readonly string[] Active = DossierStages.Active;

    public static readonly DossierAction Receive = new("receive", DossierTransitions.Received, CountersPermissions.DossiersReceive, [DossierStatuses.New], DossierStatuses.Received);
    public static readonly DossierAction Refuse = new("refuse", DossierTransitions.Refused, CountersPermissions.DossiersReceive, [DossierStatuses.New, DossierStatuses.Received], DossierStatuses.Refused);
    public static readonly DossierAction Assign = new("assign", DossierTransitions.Assigned, CountersPermissions.DossiersProcess, Handling, DossierStatuses.Processing);
    public static readonly DossierAction Route = new("route", DossierTransitions.Routed, CountersPermissions.DossiersProcess, Handling, DossierStatuses.Processing);
    public static readonly DossierAction Propose = new("propose", DossierTransitions.Proposed, CountersPermissions.DossiersProcess, [DossierStatuses.Processing], DossierStatuses.Processing);
    public static readonly DossierAction CompleteAgencyStep = new("complete-agency-step", DossierTransitions.AgencyStepCompleted, CountersPermissions.DossiersProcess, [DossierStages.AtAgency], DossierStatuses.Processing);
    public static readonly DossierAction RequestSupplement = new("request-supplement", DossierTransitions.SupplementRequested, CountersPermissions.DossiersProcess,
        [.. Handling, DossierStages.AtAgency], DossierStatuses.SupplementRequested);
    public static readonly DossierAction Supplement = new("supplement", DossierTransitions.Supplemented, CountersPermissions.DossiersProcess, [DossierStatuses.SupplementRequested], DossierStatuses.Processing);
    public static readonly DossierAction RequestFinancialObligation = new("request-financial-obligation", DossierTransitions.FinancialObligationRequested, CountersPermissions.DossiersProcess,
        [DossierStatuses.Processing, DossierStages.AtAgency], DossierStatuses.AwaitingFinancialObligation);
    public static readonly DossierAction FinancialObligationMet = new("financial-obligation-met", DossierTransitions.FinancialObligationMet, CountersPermissions.DossiersProcess,
        [DossierStatuses.AwaitingFinancialObligation], DossierStatuses.Processing);
    public static readonly DossierAction Approve = new("approve", DossierTransitions.Resolved, CountersPermissions.DossiersApprove, [DossierStages.AwaitingApproval], DossierStatuses.Resolved);
    public static readonly DossierAction SendBack = new("send-back", DossierTransitions.ProposalReturned, CountersPermissions.DossiersApprove, [DossierStages.AwaitingApproval], DossierStatuses.Processing);
    /// <summary>Ký duyệt without a proposal (a leader who processes the dossier himself).</summary>
    public static readonly DossierAction Resolve = new("resolve", DossierTransitions.Resolved, CountersPermissions.DossiersApprove, Handling, DossierStatuses.Resolved);
    public static readonly DossierAction Extend = new("extend", DossierTransitions.Extended, CountersPermissions.DossiersApprove, Active, null);
    public static readonly DossierAction Withdraw = new("withdraw", DossierTransitions.Withdrawn, CountersPermissions.DossiersReceive, [DossierStatuses.New, .. Active], DossierStatuses.Withdrawn);
    public static readonly DossierAction Stop = new("stop", DossierTransitions.Stopped, CountersPermissions.DossiersApprove, Active, DossierStatuses.Stopped);
    public static readonly DossierAction Return = new("return", DossierTransitions.Returned, CountersPermissions.DossiersReturn, [DossierStatuses.Resolved], DossierStatuses.Returned);

    public static readonly IReadOnlyList<DossierAction> All =
    [
        Receive, Refuse, Assign, Route, Propose, CompleteAgencyStep, RequestSupplement, Supplement, RequestFinancialObligation,
        FinancialObligationMet, Approve, SendBack, Resolve, Extend, Withdraw, Stop, Return,
    ];

    public static readonly IReadOnlyDictionary<string, DossierAction> ByName = All.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The actions a dossier at <paramref name="stage"/> allows, in the table's order.</summary>
    public static IEnumerable<DossierAction> AllowedIn(string stage) => All.Where(a => a.From.Contains(stage));
}
