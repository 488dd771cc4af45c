namespace OneStop.Integration.Contracts;

/// <summary>
/// A file the applicant attached to a component on the national portal (thành phần hồ sơ điện tử), fetched by the
/// connector, checked by the kernel's upload guard and stored in the blob store under <see cref="BlobKey"/> (the
/// SHA-256 of its bytes, which the portal's own hash matched) before the submission is published.
/// </summary>
public sealed record PortalSubmittedFile(string ComponentCode, string FileName, string ContentType, string BlobKey, long Length);
