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
    PortalPayment? Payment = null,
    /// <summary>Tờ khai điện tử: the e-form the applicant filled in on the portal, a JSON object as text; null when none.</summary>
    string? FormData = null,
    /// <summary>The components' files, already checked and stored (empty when the portal sent none).</summary>
    IReadOnlyList<PortalSubmittedFile>? Files = null,
    /// <summary>
    /// Why a file of the submission could not be taken (the upload guard refused it, its hash did not match): the
    /// submission then goes to the review queue with this reason and no dossier is filed. Null when every file passed.
    /// </summary>
    string? FileRefusal = null) : OneStop.Platform.IntegrationEvent;
