using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Platform.Web;

namespace OneStop.Platform.Storage;

/// <summary>File types recognised by their content (magic numbers; the parts inside an Office file), never by the name alone.</summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Tiff = "image/tiff";
    /// <summary>Word document (Office Open XML, without macros).</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /// <summary>Excel workbook (Office Open XML, without macros).</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>What the first bytes of every ZIP-based file show; which one it is takes a look inside.</summary>
    private const string Zip = "application/zip";

    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        [Pdf] = [".pdf"],
        [Jpeg] = [".jpg", ".jpeg"],
        [Png] = [".png"],
        [Tiff] = [".tif", ".tiff"],
        [Docx] = [".docx"],
        [Xlsx] = [".xlsx"],
    };

    /// <summary>The content type the first bytes show, or <c>null</c> for anything else.</summary>
    private static string? DetectByHeader(ReadOnlySpan<byte> header) => header switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => Pdf,                         // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => Jpeg,
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png,
        [0x49, 0x49, 0x2A, 0x00, ..] or [0x4D, 0x4D, 0x00, 0x2A, ..] => Tiff, // II*\0, MM\0*
        [0x50, 0x4B, 0x03, 0x04, ..] => Zip,                                // PK\3\4
        _ => null,
    };

    /// <summary>
    /// The content type of a whole file: the first bytes, and for a ZIP the parts inside it — a Word document has
    /// <c>word/document.xml</c>, a workbook <c>xl/workbook.xml</c>, both a <c>[Content_Types].xml</c>. Only the ZIP's
    /// directory is read (nothing is unpacked), so a ZIP bomb costs nothing. A file with macros (<c>vbaProject.bin</c>),
    /// a damaged ZIP or any other ZIP is <c>null</c>: the first bytes of DOCX and XLSX alone cannot tell them apart.
    /// </summary>
    public static string? Detect(ReadOnlySpan<byte> header, string path)
    {
        var type = DetectByHeader(header);
        return type == Zip ? DetectOfficeDocument(path) : type;
    }

    private static string? DetectOfficeDocument(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? Docx : names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static IReadOnlyList<string> ExtensionsOf(string contentType) => Extensions.GetValueOrDefault(contentType, []);
}

/// <summary>Why an upload was refused; the module turns it into its own error code.</summary>
public enum UploadRefusal
{
    BadName,
    Empty,
    TooLarge,
    WrongType,
    Infected,
    /// <summary>The deep check found active content, an embedded object, an external link, a bomb or a damaged file (ADR 0033).</summary>
    Unsafe,
    /// <summary>A virus scanner is configured but gave no verdict: refused, never let through (fail closed).</summary>
    ScanUnavailable,
}

/// <summary>An upload refused before anything was stored (400 ProblemDetails with the module's code).</summary>
public sealed class UploadRejectedException : PlatformException
{
    /// <summary>Refused with the text of <paramref name="messageCode"/> (ADR 0020), under the module's error code.</summary>
    public UploadRejectedException(string code, string messageCode, UploadRefusal reason, params object?[] arguments)
        : base(code, 400, arguments)
    {
        Reason = reason;
        MessageCode = messageCode;
    }

    private UploadRejectedException(string code, string messageCode, UploadRefusal reason, int statusCode)
        : base(code, statusCode)
    {
        Reason = reason;
        MessageCode = messageCode;
    }

    public UploadRefusal Reason { get; }

    /// <summary>503 with the module's code: the file may be fine, the scanner could not say so.</summary>
    public static UploadRejectedException ScanUnavailable(string code) =>
        new(code, PlatformMessages.UploadScanUnavailable, UploadRefusal.ScanUnavailable, 503);
}

/// <param name="ErrorCode">The module's stable code for a refused upload (e.g. <c>Digitization.UploadRejected</c>).</param>
public sealed record UploadRules(long MaxBytes, IReadOnlyCollection<string> ContentTypes, string ErrorCode);

public sealed record AcceptedUpload(StoredBlob Blob, string ContentType, string FileName);

/// <summary>
/// The one way an uploaded file enters the system: the name is checked as data (never used as a path), the bytes are
/// written to a generated staging name while counting and hashing, the type is read from the magic bytes and must
/// agree with the extension, the deep check of that type runs (PDF, Office, images: ADR 0033), the virus scanner runs,
/// and only then is the file moved into the blob store. A refusal at any step deletes the staged copy, and also the
/// blobs this request stored before it (the other files of the same report): one refused file refuses the operation,
/// and nothing is left behind.
/// </summary>
public sealed class UploadGuard(IBlobStore store, IVirusScanner scanner, OrphanBlobs orphans)
{
    public const int MaxNameLength = 200;

    public async Task<AcceptedUpload> AcceptAsync(string? fileName, Stream content, UploadRules rules, CancellationToken ct = default)
    {
        try
        {
            var accepted = await CheckAndStoreAsync(fileName, content, rules, ct);
            if (accepted.Blob.Created)
            {
                BlobsCreatedInRequest.Add(accepted.Blob.Key);
            }

            return accepted;
        }
        catch (UploadRejectedException)
        {
            await orphans.DeleteUnreferencedAsync(BlobsCreatedInRequest.Take(), CancellationToken.None);
            throw;
        }
    }

    private async Task<AcceptedUpload> CheckAndStoreAsync(string? fileName, Stream content, UploadRules rules, CancellationToken ct)
    {
        var name = CheckName(fileName, rules);
        Directory.CreateDirectory(store.StagingDirectory);
        var stagedPath = Path.Combine(store.StagingDirectory, Guid.NewGuid().ToString("N"));
        StagedFile? staged = null;
        try
        {
            var (length, sha, header) = await CopyAsync(content, stagedPath, rules, ct);
            staged = new StagedFile(stagedPath, length, sha);
            if (length == 0)
            {
                throw Refuse(rules, UploadRefusal.Empty, PlatformMessages.UploadEmpty);
            }

            var type = FileTypes.Detect(header, stagedPath);
            var extension = Path.GetExtension(name).ToLowerInvariant();
            if (type is null || !rules.ContentTypes.Contains(type) || !FileTypes.ExtensionsOf(type).Contains(extension))
            {
                var allowed = string.Join(", ", rules.ContentTypes.SelectMany(FileTypes.ExtensionsOf));
                throw Refuse(rules, UploadRefusal.WrongType, PlatformMessages.UploadWrongType, allowed);
            }

            if (Inspection.UploadInspector.Check(type, stagedPath) is { } unsafeContent)
            {
                throw Refuse(rules, UploadRefusal.Unsafe, unsafeContent);
            }

            if (!await IsCleanAsync(stagedPath, rules, ct))
            {
                throw Refuse(rules, UploadRefusal.Infected, PlatformMessages.UploadInfected);
            }

            var blob = await store.PutStagedAsync(staged, ct);
            staged = null;
            return new AcceptedUpload(blob, type, name);
        }
        finally
        {
            if (staged is not null)
            {
                staged.Dispose();
            }
            else if (File.Exists(stagedPath))
            {
                File.Delete(stagedPath);
            }
        }
    }

    private async Task<bool> IsCleanAsync(string stagedPath, UploadRules rules, CancellationToken ct)
    {
        try
        {
            return await scanner.IsCleanAsync(stagedPath, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw UploadRejectedException.ScanUnavailable(rules.ErrorCode);
        }
    }

    /// <summary>A display name only: anything that looks like a path (separators, "..", control characters) is refused.</summary>
    private static string CheckName(string? fileName, UploadRules rules)
    {
        var name = (fileName ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (name.Length is 0 or > MaxNameLength || name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(['/', '\\', ':']) >= 0
            || name.Any(char.IsControl) || name.StartsWith('.'))
        {
            throw Refuse(rules, UploadRefusal.BadName, PlatformMessages.UploadBadName, MaxNameLength);
        }

        return name;
    }

    private static async Task<(long Length, string Sha256, byte[] Header)> CopyAsync(Stream content, string path, UploadRules rules, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new List<byte>(16);
        var buffer = new byte[81920];
        long length = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true);
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            length += read;
            if (length > rules.MaxBytes)
            {
                throw Refuse(rules, UploadRefusal.TooLarge, PlatformMessages.UploadTooLarge, rules.MaxBytes / 1024 / 1024);
            }

            if (header.Count < 16)
            {
                header.AddRange(buffer.Take(Math.Min(read, 16 - header.Count)));
            }

            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return (length, Convert.ToHexStringLower(sha.GetHashAndReset()), header.ToArray());
    }

    private static UploadRejectedException Refuse(UploadRules rules, UploadRefusal reason, string messageCode, params object?[] arguments) =>
        new(rules.ErrorCode, messageCode, reason, arguments);
}

/// <summary>The virus-scan hook every upload passes (quét virus).</summary>
public interface IVirusScanner
{
    Task<bool> IsCleanAsync(string filePath, CancellationToken ct);
}

/// <summary>No scanner configured (embedded default): every file passes; production configures <c>Blobs:ClamAv</c> or <c>Blobs:VirusScanCommand</c>.</summary>
internal sealed class NoVirusScanner : IVirusScanner
{
    public Task<bool> IsCleanAsync(string filePath, CancellationToken ct) => Task.FromResult(true);
}

/// <summary>Runs an external scanner (ClamAV's clamdscan or clamscan, or any tool with the same exit-code contract).</summary>
internal sealed class CommandVirusScanner(IOptions<BlobStorageOptions> options, ILogger<CommandVirusScanner> logger) : IVirusScanner
{
    public async Task<bool> IsCleanAsync(string filePath, CancellationToken ct)
    {
        var o = options.Value;
        var start = new ProcessStartInfo(o.VirusScanCommand!) { RedirectStandardOutput = true, RedirectStandardError = true };
        // The path is the generated staging name, never user input; arguments are split on spaces of the configured template.
        foreach (var argument in o.VirusScanArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument.Replace("{file}", filePath, StringComparison.Ordinal));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Virus scanner did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode == 0)
        {
            return true;
        }

        logger.LogWarning("Virus scanner refused an upload (exit {ExitCode}): {Output}", process.ExitCode, output);
        if (process.ExitCode != o.InfectedExitCode)
        {
            throw new InvalidOperationException($"Virus scanner failed with exit code {process.ExitCode}.");
        }

        return false;
    }
}
