namespace OneStop.Counters.Contracts;

/// <summary>What happened to a dossier, one per transition (used in events, the history and the webhook payload).</summary>
public static class DossierTransitions
{
    public const string Submitted = "SUBMITTED";
    public const string Received = "RECEIVED";
    public const string Refused = "REFUSED";
    public const string Assigned = "ASSIGNED";
    public const string Routed = "ROUTED";
    /// <summary>Trình: the specialist proposes a result (with its draft) to the next step of the internal process.</summary>
    public const string Proposed = "PROPOSED";
    /// <summary>Another agency (a department, the tax office) completed its step and sent the dossier on.</summary>
    public const string AgencyStepCompleted = "AGENCY_STEP_COMPLETED";
    /// <summary>The leader returned the proposal to the specialist, with a reason.</summary>
    public const string ProposalReturned = "PROPOSAL_RETURNED";
    public const string SupplementRequested = "SUPPLEMENT_REQUESTED";
    public const string Supplemented = "SUPPLEMENTED";
    public const string FinancialObligationRequested = "FINANCIAL_OBLIGATION_REQUESTED";
    public const string FinancialObligationMet = "FINANCIAL_OBLIGATION_MET";
    public const string Extended = "EXTENDED";
    public const string Withdrawn = "WITHDRAWN";
    public const string Stopped = "STOPPED";
    public const string Resolved = "RESOLVED";
    public const string Returned = "RETURNED";
    /// <summary>Handed to the successor of its unit by a reorganisation (sáp xếp đơn vị hành chính); the status stays.</summary>
    public const string HandedToSuccessor = "HANDED_TO_SUCCESSOR";
}
