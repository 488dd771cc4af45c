namespace OneStop.Counters.Contracts;

/// <summary>A component handed in online: a file uploaded, or a document reused from the applicant's data store.</summary>
/// <param name="BlobKey">The uploaded file in the kernel's blob store, already passed by the upload guard: it becomes the
/// dossier's component file, which the desk opens from the dossier (with <paramref name="ContentType"/> and <paramref name="Length"/>).</param>
public sealed record CitizenSubmittedComponent(
    string DocumentTypeCode, Guid? ReusedDocumentId, string? FileName, string? BlobKey = null, string? ContentType = null, long Length = 0);
