using System.Security.Cryptography;

namespace OneStop.Platform.Storage;

/// <summary>
/// Content-addressed file storage shared by the modules (scans, signed results, evidence files, form attachments):
/// the key of a blob is the lower-case hex SHA-256 of its bytes, so the same file is stored once and a key proves the
/// content. Keys are computed here, never taken from a caller, and checked before any path or object name is built.
/// Embedded default: the file system under <c>App_Data/blobs</c>; production: an S3-compatible bucket
/// (configuration section <c>Blobs</c>).
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores a file already written and checked in <paramref name="stagedFile"/> (see <see cref="UploadGuard"/>); the staged file is consumed.</summary>
    Task<StoredBlob> PutStagedAsync(StagedFile stagedFile, CancellationToken ct = default);

    /// <summary>Stores bytes produced by the system itself (a signed PDF, a generated form).</summary>
    Task<StoredBlob> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default);

    /// <summary>Opens a blob for reading; <c>null</c> when no blob has that key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Removes a blob (a refused or rolled-back upload, an orphan); nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Every stored blob with the time it was last written (the orphan job's candidates).</summary>
    IAsyncEnumerable<BlobEntry> ListAsync(CancellationToken ct = default);

    /// <summary>Where uploads are staged before they are accepted (same volume as the store, so acceptance is a move).</summary>
    string StagingDirectory { get; }
}

/// <param name="Created">True when this call wrote the blob; false when the same content was already stored (so a rollback must not remove it).</param>
public sealed record StoredBlob(string Key, long Length, bool Created = false);

/// <summary>An upload written to the staging folder under a generated name, with its length and SHA-256.</summary>
public sealed class StagedFile(string path, long length, string sha256) : IDisposable
{
    public string Path { get; } = path;
    public long Length { get; } = length;
    public string Sha256 { get; } = sha256;

    /// <summary>Removes the staged copy if it was not moved into the store (refused uploads leave nothing behind).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Already moved or removed.
        }
    }
}

public static class BlobKeys
{
    /// <summary>64 lower-case hex digits: the only shape of key that ever reaches a path or an object name.</summary>
    public static bool IsValid(string? key) => key is { Length: 64 } && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    internal static string Require(string key) =>
        IsValid(key) ? key : throw new ArgumentException("A blob key is the hex SHA-256 of the content.", nameof(key));
}
