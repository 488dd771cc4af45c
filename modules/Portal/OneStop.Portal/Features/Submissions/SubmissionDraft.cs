using OneStop.Platform.Domain;

namespace OneStop.Portal.Features.Submissions;

/// <summary>
/// Hồ sơ đang soạn: an online submission being prepared by a citizen signed in through VNeID (ADR 0049), kept in
/// PostgreSQL (never in the cookie) so it survives the trip to the payment platform, a second device or another host
/// instance. It belongs to the verified identity that created it (<see cref="OwnerKind"/>, <see cref="OwnerIdentity"/>);
/// every read and write of the portal checks that identity against the cookie's. It carries no unit: the citizen acts
/// for none, and the unit chosen is only where the dossier will go.
/// </summary>
internal sealed class SubmissionDraft : Entity, IHasAuditStamps
{
    public const string Drafting = "DRAFT";
    /// <summary>Taken by one submit request (set atomically from <see cref="Drafting"/>), so a double click files one dossier.</summary>
    public const string Submitting = "SUBMITTING";
    public const string Submitted = "SUBMITTED";

    public string OwnerKind { get; set; } = "";
    public string OwnerIdentity { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string ProcedureName { get; set; } = "";
    public Guid? UnitId { get; set; }
    public string? UnitName { get; set; }
    public string ReturnMethod { get; set; } = "ELECTRONIC";
    public string? ApplicantAddress { get; set; }
    /// <summary>The e-form as Counters checked it (JSON object).</summary>
    public string FormDataJson { get; set; } = "{}";
    /// <summary>The components handed in: <see cref="SubmissionDraftComponent"/> as JSON.</summary>
    public string ComponentsJson { get; set; } = "[]";
    /// <summary>The citizen consented to the chosen unit reusing their stored documents (recorded in Digitization in that unit's scope).</summary>
    public bool ReuseConsent { get; set; }
    public decimal FeeVnd { get; set; }
    /// <summary>The payment order's reference on the payment platform (one per draft and amount).</summary>
    public string? PaymentReference { get; set; }
    public string Status { get; set; } = Drafting;
    public string? DossierCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
}
