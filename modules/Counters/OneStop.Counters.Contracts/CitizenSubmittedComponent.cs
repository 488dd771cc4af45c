namespace OneStop.Counters.Contracts;

/// <summary>A component handed in online: a file uploaded (its name), or a document reused from the applicant's data store.</summary>
public sealed record CitizenSubmittedComponent(string DocumentTypeCode, Guid? ReusedDocumentId, string? FileName);
