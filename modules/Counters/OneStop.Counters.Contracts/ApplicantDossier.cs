namespace OneStop.Counters.Contracts;

/// <summary>
/// One of a signed-in applicant's dossiers as their own actions need it: the unit that holds it (the caller acts in
/// that unit for the one call), its status, what the desk asked for when it waits for a supplement (Mẫu 02's reason)
/// and what the workflow allows the applicant now.
/// </summary>
/// <param name="SupplementFiles">The files the applicant sent online for a supplement so far (file names).</param>
/// <param name="SupplementComponents">The names of the procedure's components the desk asked for with the open supplement request.</param>
/// <param name="ReturnElectronically">The applicant asked for the result electronically (hình thức nhận kết quả: bản điện tử).</param>
public sealed record ApplicantDossier(
    Guid Id, string Code, string Status, string StatusName, string ProcedureName, Guid UnitId, string UnitPath, string UnitName,
    string? SupplementReason, bool CanSupplement, bool CanWithdraw, bool Resolved, IReadOnlyList<string> SupplementFiles,
    bool ReturnElectronically, IReadOnlyList<string>? SupplementComponents = null);
