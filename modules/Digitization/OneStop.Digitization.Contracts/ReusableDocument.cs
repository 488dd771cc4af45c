namespace OneStop.Digitization.Contracts;

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
