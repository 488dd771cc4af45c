namespace OneStop.Counters.Contracts;

/// <summary>
/// What a citizen signed in through VNeID does with a dossier already filed (issue 18 item 4, ADR 0050): supplement it
/// online when the desk asked (Mẫu 02), or withdraw it (rút hồ sơ). Every call finds the dossier by its code among the
/// dossiers whose applicant is exactly <c>applicantKind</c> + <c>applicantIdentity</c> — the identity from the citizen's
/// cookie, never typed — and acts inside that dossier's own unit, under <c>actorName</c> (e.g. "VNeID ••••1234"), so
/// the history, the audit trail and the notifications are the dossier's own. Someone else's dossier is null, exactly
/// as one that does not exist.
/// </summary>
public interface IApplicantDossierActions
{
    /// <summary>One of the applicant's dossiers with what they may do with it now; null when it is not theirs.</summary>
    Task<ApplicantDossier?> FindAsync(string applicantKind, string applicantIdentity, string dossierCode, CancellationToken ct = default);

    /// <summary>
    /// Bổ sung hồ sơ trực tuyến: every file passes the kernel's upload guard first (one refused file refuses them all,
    /// nothing kept: <c>UploadRejectedException</c> with its Vietnamese message), then the dossier takes its
    /// "supplemented" transition (the clock runs again). Null when the dossier is not the applicant's; a
    /// <c>PlatformException</c> (409) when it is not waiting for a supplement.
    /// </summary>
    Task<ApplicantDossier?> SupplementAsync(string applicantKind, string applicantIdentity, string actorName, string dossierCode,
        IReadOnlyList<ApplicantUpload> files, string? note, CancellationToken ct = default);

    /// <summary>
    /// The applicant took the electronic result (downloaded the signed PDF): a resolved dossier whose applicant asked for
    /// the result electronically is returned (trả kết quả điện tử, method ELECTRONIC) under <c>actorName</c>; any other
    /// dossier is left as it is. Null when the dossier is not the applicant's.
    /// </summary>
    Task<ApplicantDossier?> ElectronicResultTakenAsync(string applicantKind, string applicantIdentity, string actorName, string dossierCode,
        CancellationToken ct = default);

    /// <summary>Rút hồ sơ with the applicant's reason, where the workflow allows it; null when the dossier is not the applicant's.</summary>
    Task<ApplicantDossier?> WithdrawAsync(string applicantKind, string applicantIdentity, string actorName, string dossierCode, string reason,
        CancellationToken ct = default);
}
