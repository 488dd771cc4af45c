namespace OneStop.Integration.Contracts;

/// <summary>
/// An online dossier submitted on the National Public Service Portal for a unit of the province, pulled by the portal
/// connector (once per portal reference). Counters files it as a NEW online dossier waiting for the desk.
/// </summary>
public sealed record OnlineDossierSubmitted(
    string PortalReference,
    string UnitCode,
    string ProcedureCode,
    string ApplicantKind,
    string ApplicantIdentity,
    string ApplicantName,
    DateOnly? ApplicantDateOfBirth,
    string? ApplicantAddress,
    string? ApplicantPhone,
    string? ApplicantEmail,
    IReadOnlyList<string> ComponentCodes,
    DateTimeOffset SubmittedAt,
    /// <summary>The fees paid on the portal's payment platform at submission; null when nothing was paid there.</summary>
    PortalPayment? Payment = null) : OneStop.Platform.IntegrationEvent;
