namespace OneStop.Portal.Features.Submissions;

/// <summary>One component of a draft: a file accepted by the upload guard (its blob), or a document reused from the data store.</summary>
/// <param name="ContentType">The type the guard recognised; with <paramref name="Length"/>, what the desk's download says (drafts saved before it had none).</param>
internal sealed record SubmissionDraftComponent(
    string DocumentTypeCode, string? FileName, string? BlobKey, Guid? ReusedDocumentId, string? ReusedName, string? ContentType = null, long Length = 0);
