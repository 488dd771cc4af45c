using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// What became of one online submission from the national portal, once per portal reference: filed as a dossier at
/// the unit its code names, or held for review (unknown code, a unit split among several, a refusal at intake) until
/// a provincial officer routes it. The whole submission is kept, so nothing the applicant sent is lost, and a
/// re-pull of the portal's feed never files the same reference twice.
/// </summary>
internal sealed class OnlineSubmission : Entity, IUnitScoped, IHasAuditStamps
{
    public string PortalReference { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary><see cref="OnlineSubmissionStatuses"/>.</summary>
    public string Status { get; set; } = OnlineSubmissionStatuses.Review;

    /// <summary>Why it waits for review (Vietnamese, shown to the officer).</summary>
    public string? Reason { get; set; }

    /// <summary>The unit the code pointed to, or the primary successor of a split unit: preselected when routing.</summary>
    public Guid? SuggestedUnitId { get; set; }

    /// <summary>The submission as the portal sent it (OnlineDossierSubmitted as JSON); empty for records made from older dossiers.</summary>
    public string Payload { get; set; } = "";

    public Guid? DossierId { get; set; }
    public string? DossierCode { get; set; }
    public Guid? DossierUnitId { get; set; }
    public string? DossierUnitName { get; set; }
    public DateTimeOffset? RoutedAt { get; set; }
    public string? RoutedBy { get; set; }

    /// <summary>Two officers routing the same item at once: the second save fails instead of filing a second dossier.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The province for items under review (its officers route them); the dossier's unit once filed there.</summary>
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
}

internal static class OnlineSubmissionStatuses
{
    /// <summary>Filed as a dossier at the unit its code named (or that unit's successor).</summary>
    public const string Filed = "FILED";

    /// <summary>Waiting for a provincial officer to choose where it goes.</summary>
    public const string Review = "REVIEW";

    /// <summary>Filed as a dossier where an officer routed it.</summary>
    public const string Routed = "ROUTED";

    public static readonly string[] All = [Review, Routed, Filed];
}
