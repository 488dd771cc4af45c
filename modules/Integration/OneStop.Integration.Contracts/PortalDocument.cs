namespace OneStop.Integration.Contracts;

/// <summary>A document in the citizen's data store on the national portal.</summary>
/// <param name="DocumentTypeCode">The document-type code of the procedure catalogue's components.</param>
/// <param name="ValidUntil">Null for a document valid without limit.</param>
public sealed record PortalDocument(string DocumentNumber, string DocumentTypeCode, string Title, string IssuedBy, DateOnly IssuedOn, DateOnly? ValidUntil, string? FileUrl);
