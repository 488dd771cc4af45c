namespace OneStop.Integration.Features.PortalSubmissions;

/// <summary>
/// A component's file as the portal's submission feed describes it (ADR 0051): where to fetch it (relative to the
/// portal's address, or absolute), and the SHA-256 the bytes must have, so a truncated or swapped download is noticed.
/// </summary>
internal sealed record PortalFileLink(string ComponentCode, string FileName, string ContentType, string Url, string Sha256, long Length);
