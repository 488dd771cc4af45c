namespace OneStop.Digitization.Contracts;

/// <summary>
/// The electronic results (kết quả điện tử) of a signed-in citizen's dossiers (issue 18 item 4, ADR 0050): the signed
/// PDF of a dossier's result, with the QR of the public verification page. A result document is kept for the dossier's
/// applicant in the data store (kho dữ liệu điện tử, ADR 0035) once; handing it to the citizen adds no copy. Only the
/// signed result of a dossier whose applicant is exactly <c>applicantIdentity</c> is given; the caller has checked the
/// dossier is the citizen's and acts in its unit for the call (the download is written to the access log).
/// </summary>
public interface ICitizenResultsApi
{
    /// <summary>The signed results among these dossiers of the applicant (code → result).</summary>
    Task<IReadOnlyDictionary<string, CitizenResult>> ResultsAsync(string applicantIdentity, IReadOnlyCollection<string> dossierCodes, CancellationToken ct = default);

    /// <summary>The signed PDF of one dossier's result; null when there is none (or it is not the applicant's).</summary>
    Task<CitizenResultFile?> ResultFileAsync(string applicantIdentity, string dossierCode, CancellationToken ct = default);
}
