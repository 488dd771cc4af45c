using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;

namespace OneStop.PlanTasks.Infrastructure;

/// <summary>
/// Evidence files on the file system under <c>{Database:DataDirectory}/plantasks/evidence</c>. The stored name is a
/// generated key, never the uploaded name, so no user input reaches a path. Size and type are checked first.
/// </summary>
internal sealed class EvidenceStore(IOptions<DatabaseOptions> options, IHostEnvironment environment)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".txt"] = "text/plain",
    };

    public static string AllowedExtensions => string.Join(", ", Allowed.Keys);

    private string Root => Path.Combine(environment.ContentRootPath, options.Value.DataDirectory, "plantasks", "evidence");

    /// <summary>Checks name, size and type; returns the content type to store or throws a 400 ProblemDetails error.</summary>
    public static (string FileName, string ContentType) Check(string? fileName, long length)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            throw Rejected("Tên tệp minh chứng không hợp lệ (tối đa 200 ký tự).");
        }

        if (length is <= 0 or > MaxBytes)
        {
            throw Rejected($"Tệp minh chứng phải khác rỗng và không quá {MaxBytes / 1024 / 1024} MB.");
        }

        return Allowed.TryGetValue(Path.GetExtension(name), out var type)
            ? (name, type)
            : throw Rejected($"Loại tệp không được chấp nhận. Chỉ nhận: {AllowedExtensions}.");
    }

    public async Task<(string Key, string Sha256)> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = Guid.CreateVersion7().ToString("N");
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, key);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(file, ct);
        }

        await using var read = File.OpenRead(path);
        return (key, Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct)));
    }

    public Stream Open(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigit))
        {
            throw new PlatformException(PlanTasksErrorCodes.EvidenceRejected, "Khóa tệp không hợp lệ.", 400);
        }

        return File.OpenRead(Path.Combine(Root, key));
    }

    private static PlatformException Rejected(string message) => new(PlanTasksErrorCodes.EvidenceRejected, message, 400);
}
