namespace OneStop.Counters.Contracts;

/// <summary>
/// A dossier as other modules see it. Times are instants (UTC offsets kept); the unit paths are materialised paths
/// (<c>/30/288/10507/</c>) so consumers can scope by prefix.
/// </summary>
public sealed record DossierSnapshot(
    Guid Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ProcedureField,
    string Channel,
    string Status,
    string ApplicantKind,
    /// <summary>CCCD or enterprise code.</summary>
    string ApplicantIdentity,
    string ApplicantName,
    string? ApplicantAddress,
    Guid ReceivingUnitId,
    string ReceivingUnitPath,
    Guid ResolvingUnitId,
    string ResolvingUnitPath,
    /// <summary>The unit holding the dossier now (changes as it is routed).</summary>
    Guid CurrentUnitId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReturnedAt,
    string? ReturnMethod,
    bool IsOverdue,
    IReadOnlyList<DossierComponentInfo> Components,
    Guid? TicketId,
    /// <summary>
    /// How many changes the dossier has published: each <see cref="DossierChanged"/> carries a higher one, so a
    /// projection keeps the newest snapshot whatever order events reach it in.
    /// </summary>
    long Version,
    /// <summary>
    /// The applicant's identity was checked against the National Population Database at intake (and the personal data
    /// prefilled from it): the identity document need not be handed in.
    /// </summary>
    bool ApplicantVerified = false);
