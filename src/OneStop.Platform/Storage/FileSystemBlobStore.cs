namespace OneStop.Platform.Storage;

/// <summary>
/// Blobs as files under a root folder, fanned out by the first two bytes of the key (<c>ab/cd/abcd…</c>) so no folder
/// grows past a few thousand entries. Writes go to the staging folder first and are moved into place, so a reader
/// never sees half a file.
/// </summary>
internal sealed class FileSystemBlobStore(string root) : IBlobStore
{
    public string StagingDirectory { get; } = Path.Combine(root, ".staging");

    public Task<StoredBlob> PutStagedAsync(StagedFile stagedFile, CancellationToken ct = default)
    {
        var target = PathOf(stagedFile.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            stagedFile.Dispose(); // same content already stored
        }
        else
        {
            try
            {
                File.Move(stagedFile.Path, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                stagedFile.Dispose(); // stored meanwhile by a concurrent upload of the same content
            }
        }

        return Task.FromResult(new StoredBlob(stagedFile.Sha256, stagedFile.Length));
    }

    public async Task<StoredBlob> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var key = BlobKeys.Of(content.Span);
        var target = PathOf(key);
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(StagingDirectory);
            var staged = Path.Combine(StagingDirectory, Guid.NewGuid().ToString("N"));
            await File.WriteAllBytesAsync(staged, content.ToArray(), ct);
            using var file = new StagedFile(staged, content.Length, key);
            await PutStagedAsync(file, ct);
        }

        return new StoredBlob(key, content.Length);
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    private string PathOf(string key)
    {
        BlobKeys.Require(key);
        return Path.Combine(root, key[..2], key[2..4], key);
    }
}
