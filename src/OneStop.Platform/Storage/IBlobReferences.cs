namespace OneStop.Platform.Storage;

/// <summary>
/// Which blob keys rows still point at. Every module that keeps blob keys in its tables registers one
/// (<see cref="BlobStorageServiceCollectionExtensions.AddBlobReferences{TContext}"/>): the orphan job and the clean-up
/// after a refused upload remove only blobs no provider claims (ADR 0033).
/// </summary>
public interface IBlobReferences
{
    /// <summary>Those of <paramref name="keys"/> that a row references, in any unit (query filters ignored).</summary>
    Task<IReadOnlyCollection<string>> ReferencedAsync(IReadOnlyCollection<string> keys, CancellationToken ct);
}
