using System.Security.Cryptography;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Platform.Storage;

namespace OneStop.Integration.Features.PortalSubmissions;

/// <summary>
/// Takes a submission's files from the portal: each is downloaded, its hash compared with the feed's, and passed
/// through the kernel's upload guard (type by content, deep check, virus scan: ADR 0033) into the blob store. A file
/// the guard refuses or whose hash differs refuses the whole submission (the blobs already stored for it are removed
/// unless something else holds them): Counters then queues it for review with the reason, nothing half-filed. A
/// download that fails is the portal's hiccup, not the file's fault: it throws, and the pull stops there to try again.
/// </summary>
internal sealed class PortalFileFetcher(IHttpClientFactory http, ConnectorAddresses addresses, UploadGuard guard, OrphanBlobs orphans)
{
    /// <summary>What the portal may attach: scans and photos of documents, up to 20 MB each.</summary>
    internal static readonly UploadRules Rules = new(20 * 1024 * 1024, [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png], IntegrationErrorCodes.PortalFileRefused);

    public sealed record Outcome(IReadOnlyList<PortalSubmittedFile> Files, string? Refusal);

    public async Task<Outcome> FetchAsync(IReadOnlyList<PortalFileLink> links, CancellationToken ct)
    {
        var stored = new List<PortalSubmittedFile>();
        var created = new List<string>();
        var client = http.CreateClient(NationalSystem.Portal.HttpClientName);
        foreach (var link in links)
        {
            using var response = await client.GetAsync(addresses.For(NationalSystem.Portal, link.Url), HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            string? refusal = null;
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), link.Sha256?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                refusal = $"Tệp \"{link.FileName}\" của thành phần {link.ComponentCode} không khớp mã băm Cổng DVC quốc gia gửi kèm.";
            }
            else
            {
                try
                {
                    var accepted = await guard.AcceptAsync(link.FileName, new MemoryStream(bytes, writable: false), Rules, ct);
                    if (accepted.Blob.Created)
                    {
                        created.Add(accepted.Blob.Key);
                    }

                    stored.Add(new PortalSubmittedFile(link.ComponentCode, accepted.FileName, accepted.ContentType, accepted.Blob.Key, accepted.Blob.Length));
                }
                catch (UploadRejectedException rejected) when (rejected.Reason != UploadRefusal.ScanUnavailable) // no verdict: try again later
                {
                    refusal = $"Tệp \"{link.FileName}\" của thành phần {link.ComponentCode} bị từ chối: {rejected.Message}";
                }
            }

            if (refusal is not null)
            {
                await orphans.DeleteUnreferencedAsync(created, CancellationToken.None);
                return new Outcome([], refusal);
            }
        }

        return new Outcome(stored, null);
    }
}
