using OneStop.Platform;

namespace OneStop.Counters.Contracts;

/// <summary>
/// What the citizen portal reads of Counters (ADR 0042, 0046): the catalogue as valid today, a dossier's status by its
/// code plus the applicant's identity tail, and a signed-in citizen's own dossiers. Province-wide, so no unit scope applies.
/// </summary>
public interface ICountersPublicApi
{
    /// <summary>
    /// Procedures in force today whose name or code holds every word of <paramref name="q"/> (diacritics ignored: "dang ky
    /// khai sinh" finds "Đăng ký khai sinh"), optionally of one level and field, in code order, keyset pages.
    /// </summary>
    Task<KeysetPage<PublicProcedureSummary>> SearchProceduresAsync(
        string? q, string? level, string? field, string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>The distinct fields (lĩnh vực) of the procedures in force today, for the filter.</summary>
    Task<IReadOnlyList<string>> PublicFieldsAsync(CancellationToken ct = default);

    /// <summary>A procedure as its version valid today states it (ADR 0025/0028); null when unknown or abolished.</summary>
    Task<PublicProcedure?> ProcedureAsync(string code, CancellationToken ct = default);

    /// <summary>
    /// Tra cứu hồ sơ: the status of the dossier with <paramref name="code"/> whose applicant's identity number ends with
    /// <paramref name="identityLastFour"/>. Wrong tries are counted per code and per address in PostgreSQL, shared by every
    /// instance; after <see cref="PublicLookupLimits.FreeTries"/> the look-up answers <see cref="PublicLookupOutcome.Throttled"/>.
    /// </summary>
    Task<PublicLookupResult> LookupDossierAsync(string code, string identityLastFour, string? clientAddress, CancellationToken ct = default);

    /// <summary>
    /// Hồ sơ của tôi: the dossiers whose applicant is of <paramref name="applicantKind"/> (<see cref="ApplicantKinds"/>) with
    /// exactly <paramref name="applicantIdentity"/> (the identity number, or the enterprise code), newest first, keyset pages,
    /// whichever unit received them. The caller passes an identity it has verified (the portal: the citizen signed in
    /// through VNeID, ADR 0046) — never one typed by the user; a citizen has no unit, so no unit scope applies.
    /// </summary>
    Task<KeysetPage<PublicDossierStatus>> ApplicantDossiersAsync(
        string applicantKind, string applicantIdentity, string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>
    /// The forms issued to the applicant (<see cref="ApplicantForm"/>) of each dossier among <paramref name="dossierCodes"/>
    /// whose applicant is exactly <paramref name="applicantKind"/> and <paramref name="applicantIdentity"/> — a verified
    /// identity, as for <see cref="ApplicantDossiersAsync"/>. Codes of other applicants' dossiers are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ApplicantForm>>> ApplicantFormsAsync(
        string applicantKind, string applicantIdentity, IReadOnlyCollection<string> dossierCodes, CancellationToken ct = default);

    /// <summary>
    /// One form issued to the applicant, rendered as the desk prints it (A5 PDF of the rule set in force on the reception
    /// date), for the dossier with <paramref name="dossierCode"/> whose applicant is exactly this verified identity; null
    /// when there is no such dossier, the form is not one issued to the applicant, or the dossier has none yet.
    /// </summary>
    Task<ApplicantFormFile?> ApplicantFormAsync(
        string applicantKind, string applicantIdentity, string dossierCode, string form, CancellationToken ct = default);
}
