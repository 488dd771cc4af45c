using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStop.Platform.Persistence;
using OneStop.Platform.Storage;
using OneStop.PlanTasks.Contracts;

namespace OneStop.PlanTasks.Infrastructure;

/// <summary>
/// Evidence files (tài liệu minh chứng) enter through the kernel's <see cref="UploadGuard"/> — the name is data only
/// (no path, no <c>..</c>), empty and oversized files are refused, the type is read from the content and must match
/// the extension, the virus-scan hook runs — and are kept in the content-addressed blob store. Signed documents and
/// scans are PDF or images; reports and tables are often Word and Excel files (without macros), told apart by the
/// parts inside them. Size: <c>PlanTasks:Evidence:MaxBytes</c> (10 MB). The guard's deep check refuses active content,
/// embedded objects and external links, and a refused file takes back the files of the same report stored before it;
/// a report that fails later takes them back at the end of the request (ADR 0033). The module's evidence keys are
/// declared to the orphan job in <c>PlanTasksModule</c> (<c>AddBlobReferences</c>).
/// </summary>
internal sealed class EvidenceStore(UploadGuard guard, IBlobStore blobs, IConfiguration configuration, IOptions<DatabaseOptions> options, IHostEnvironment environment)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
    public const string MaxBytesSetting = "PlanTasks:Evidence:MaxBytes";

    public UploadRules Rules => new(configuration.GetValue(MaxBytesSetting, DefaultMaxBytes), [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png, FileTypes.Docx, FileTypes.Xlsx], PlanTasksErrorCodes.EvidenceRejected);

    /// <summary>Checks and stores one file; throws <see cref="UploadRejectedException"/> (400, <c>PlanTasks.EvidenceRejected</c>) when refused.</summary>
    public Task<AcceptedUpload> AcceptAsync(string? fileName, Stream content, CancellationToken ct) => guard.AcceptAsync(fileName, content, Rules, ct);

    /// <summary>
    /// Opens a stored file. Keys are blob keys (hex SHA-256); files stored before the blob store existed have a
    /// 32-digit generated key under <c>{DataDirectory}/plantasks/evidence</c> and are still read from there.
    /// </summary>
    public async Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        if (BlobKeys.IsValid(key))
        {
            return await blobs.OpenAsync(key, ct);
        }

        if (key.Length != 32 || !key.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var legacy = Path.Combine(environment.ContentRootPath, options.Value.DataDirectory, "plantasks", "evidence", key);
        return File.Exists(legacy) ? File.OpenRead(legacy) : null;
    }
}
