namespace OneStop.Digitization.Contracts;

/// <summary>
/// What other modules may ask of the citizen's and organisation's data store (kho quản lý dữ liệu điện tử).
/// Counters calls it at intake to offer documents the applicant already has instead of asking for them again.
/// </summary>
public interface IDigitizationApi
{
    /// <summary>
    /// Valid documents (digitised components and results) held for <paramref name="applicantIdentity"/> (CCCD or
    /// enterprise code) whose document-type code is one of <paramref name="documentTypeCodes"/>, valid on
    /// <paramref name="on"/>. Reading is logged as an access to the applicant's data. Documents of the acting unit's
    /// scope are always offered; documents digitised elsewhere in the province only while the applicant's consent to
    /// the acting unit is in force (<see cref="RecordConsentAsync"/>), and never those of a unit whose own consent
    /// record for the applicant is a refusal (ADR 0035).
    /// </summary>
    Task<IReadOnlyList<ReusableDocument>> FindReusableDocumentsAsync(
        string applicantIdentity, IReadOnlyCollection<string> documentTypeCodes, DateOnly on, CancellationToken ct = default);

    /// <summary>
    /// One document of the data store by id, if <paramref name="applicantIdentity"/> owns it and the caller may reuse it
    /// (same rules as <see cref="FindReusableDocumentsAsync"/>); intake checks the officer's choice with it before
    /// recording the component as reused.
    /// </summary>
    Task<ReusableDocument?> FindReusableDocumentAsync(string applicantIdentity, Guid documentId, DateOnly on, CancellationToken ct = default);

    /// <summary>
    /// Records the applicant's consent (or refusal, or withdrawal) to reuse and share their documents with the acting
    /// unit, in force from now; the latest record for (applicant, unit) decides, other units' records are untouched.
    /// </summary>
    Task RecordConsentAsync(string applicantIdentity, bool granted, string purpose, CancellationToken ct = default);
}
