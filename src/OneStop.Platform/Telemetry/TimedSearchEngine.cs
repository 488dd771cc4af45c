using System.Diagnostics;
using OneStop.Platform.Scoping;
using OneStop.Platform.Search;

namespace OneStop.Platform.Telemetry;

/// <summary>The configured search engine, with each search and write timed into <see cref="PlatformTelemetry.SearchDuration"/>.</summary>
internal sealed class TimedSearchEngine(ISearchEngine inner) : ISearchEngine, IDisposable
{
    public string Name => inner.Name;

    public async Task UpsertAsync(SearchIndexDefinition index, IReadOnlyList<SearchDocument> documents, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.UpsertAsync(index, documents, ct);
        Record(index, "upsert", started);
    }

    public async Task<SearchResults> SearchAsync(SearchIndexDefinition index, UnitScope scope, SearchQuery query, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await inner.SearchAsync(index, scope, query, ct);
        Record(index, "search", started);
        return results;
    }

    public Task<ISearchIndexBuild> StartOrResumeBuildAsync(SearchIndexDefinition index, CancellationToken ct = default) => inner.StartOrResumeBuildAsync(index, ct);

    public Task<SearchIndexStatus> GetStatusAsync(SearchIndexDefinition index, CancellationToken ct = default) => inner.GetStatusAsync(index, ct);

    public Task RefreshAsync(SearchIndexDefinition index, CancellationToken ct = default) => inner.RefreshAsync(index, ct);

    // The container disposes what it was given: the engine's files (Lucene) are closed through the wrapper.
    public void Dispose() => (inner as IDisposable)?.Dispose();

    private void Record(SearchIndexDefinition index, string operation, long started) =>
        PlatformTelemetry.SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("engine", inner.Name), new KeyValuePair<string, object?>("index", index.Name),
            new KeyValuePair<string, object?>("operation", operation));
}
