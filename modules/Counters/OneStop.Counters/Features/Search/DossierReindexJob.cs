using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Scoping;
using OneStop.Platform.Search;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Search;

/// <summary>Where a full re-index reads dossiers from: all of them, in id order, a page at a time.</summary>
internal interface IDossierSource
{
    Task<IReadOnlyList<DossierSnapshot>> ListAsync(Guid? after, int take, CancellationToken ct);
}

/// <summary>Reads through <see cref="ICountersApi.ListDossiersAsync"/> (keyset by id, limited to the current scope).</summary>
internal sealed class CountersApiDossierSource(IServiceProvider services) : IDossierSource
{
    public Task<IReadOnlyList<DossierSnapshot>> ListAsync(Guid? after, int take, CancellationToken ct) =>
        (services.GetService<ICountersApi>()
            ?? throw new PlatformException(PlatformErrorCodes.Unexpected, 503) { MessageCode = OneStop.Counters.Features.CountersMessages.SearchSourceMissing })
        .ListDossiersAsync(after, take, ct);
}

/// <summary>
/// Full re-index (lập lại chỉ mục tìm kiếm): fills a new version of the index page by page beside the live one, then
/// switches to it at once, so searches never stop. The cursor is stored with each page by the engine: after a crash
/// (or a restart of the Hangfire server) running the job again resumes where it stopped.
/// </summary>
internal sealed class DossierReindexJob(
    ISearchEngine engine,
    IDossierSource source,
    IAdministrativeUnitDirectory units,
    ICurrentScope currentScope,
    ILogger<DossierReindexJob> logger)
{
    public const int PageSize = 500;

    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<long> RunAsync(CancellationToken ct)
    {
        // The index serves every unit: read every dossier whoever started the job (scopes are applied when searching).
        using var _ = currentScope.Change(UnitScope.Unrestricted, null, "search-reindex");
        await using var build = await engine.StartOrResumeBuildAsync(DossierSearchIndex.Definition, ct);
        var after = Guid.TryParse(build.Progress.Cursor, out var cursor) ? cursor : (Guid?)null;
        logger.LogInformation("Re-indexing dossiers into {Version} from {Cursor} ({Processed} done)", build.Progress.Version, after, build.Progress.Processed);
        while (true)
        {
            var page = await source.ListAsync(after, PageSize, ct);
            if (page.Count == 0)
            {
                break;
            }

            var documents = new List<SearchDocument>(page.Count);
            foreach (var dossier in page)
            {
                documents.Add(await DossierSearchIndex.ToDocumentAsync(dossier, units, ct));
            }

            after = page[^1].Id;
            await build.AddAsync(documents, after.Value.ToString(), ct);
            if (page.Count < PageSize)
            {
                break;
            }
        }

        var processed = build.Progress.Processed;
        await build.CompleteAsync(ct);
        logger.LogInformation("Dossier index {Version} is live with {Processed} dossiers", build.Progress.Version, processed);
        return processed;
    }
}
