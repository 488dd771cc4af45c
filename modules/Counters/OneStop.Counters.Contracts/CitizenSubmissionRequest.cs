namespace OneStop.Counters.Contracts;

/// <summary>An online submission from the citizen portal (ADR 0049).</summary>
/// <param name="Reference">The portal's key of the submission (its draft), so a repeated submit files one dossier.</param>
/// <param name="FormDataJson">The e-form as <see cref="ICitizenSubmissionApi.CheckFormAsync"/> returned it; checked again on filing.</param>
/// <param name="PaidVnd">The amount paid online (verified by the payment platform's signed callback), with its transaction.</param>
public sealed record CitizenSubmissionRequest(
    string Reference, string ProcedureCode, Guid UnitId,
    string ApplicantKind, string ApplicantIdentity, string ApplicantName, DateOnly? ApplicantDateOfBirth, string? ApplicantAddress, string? ApplicantPhone, string? ApplicantEmail,
    IReadOnlyList<CitizenSubmittedComponent> Components, string ReturnMethod, string? FormDataJson,
    decimal? PaidVnd, string? PaymentTransactionId);
