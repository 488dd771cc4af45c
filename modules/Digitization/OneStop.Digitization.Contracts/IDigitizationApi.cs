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
    /// <paramref name="on"/>. Reading is logged as an access to the applicant's data.
    /// </summary>
    Task<IReadOnlyList<ReusableDocument>> FindReusableDocumentsAsync(
        string applicantIdentity, IReadOnlyCollection<string> documentTypeCodes, DateOnly on, CancellationToken ct = default);
}

/// <summary>A document of the data store that intake may reuse.</summary>
public sealed record ReusableDocument(
    Guid DocumentId,
    string DocumentTypeCode,
    string Name,
    /// <summary>Mã số hóa (digitised-document code).</summary>
    string DigitizedCode,
    /// <summary>True when it is the result of an earlier dossier, false for a digitised component.</summary>
    bool IsResult,
    string SourceDossierCode,
    DateOnly? ValidUntil);
