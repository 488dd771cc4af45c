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
        var created = false;
        if (File.Exists(target))
        {
            stagedFile.Dispose(); // same content already stored
            Touch(target);
        }
        else
        {
            try
            {
                File.Move(stagedFile.Path, target);
                created = true;
            }
            catch (IOException) when (File.Exists(target))
            {
                stagedFile.Dispose(); // stored meanwhile by a concurrent upload of the same content
            }
        }

        return Task.FromResult(new StoredBlob(stagedFile.Sha256, stagedFile.Length, created));
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
            return await PutStagedAsync(file, ct);
        }

        Touch(target);
        return new StoredBlob(key, content.Length);
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var key = Path.GetFileName(path);
            if (BlobKeys.IsValid(key) && path == PathOf(key))
            {
                yield return new BlobEntry(key, File.GetLastWriteTimeUtc(path));
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// A blob stored again is young again: an orphan re-uploaded just now must not be removed by the orphan job before
    /// the row that will reference it is saved.
    /// </summary>
    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // Read-only or removed meanwhile: the grace period is a safety margin, not a guarantee.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string PathOf(string key)
    {
        BlobKeys.Require(key);
        return Path.Combine(root, key[..2], key[2..4], key);
    }
}
