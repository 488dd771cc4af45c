namespace OneStop.Portal.Features.Submissions;

/// <summary>One component of a draft: a file accepted by the upload guard (its blob), or a document reused from the data store.</summary>
internal sealed record SubmissionDraftComponent(string DocumentTypeCode, string? FileName, string? BlobKey, Guid? ReusedDocumentId, string? ReusedName);
