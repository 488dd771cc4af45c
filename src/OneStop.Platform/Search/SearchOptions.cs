using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Search;

/// <summary>Configuration section "Search".</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary><c>Lucene</c> (embedded default, under the data directory) or <c>Elasticsearch</c> (production).</summary>
    public string Engine { get; set; } = SearchEngines.Lucene;

    /// <summary>Lucene: folder of the indexes; default <c>{Database:DataDirectory}/search</c>.</summary>
    public string? LuceneDirectory { get; set; }

    public ElasticsearchSearchOptions Elasticsearch { get; set; } = new();
}

public sealed class ElasticsearchSearchOptions
{
    /// <summary>e.g. <c>https://es.example:9200</c>.</summary>
    public string? Url { get; set; }
    public string? ApiKey { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>SHA-256 fingerprint of the cluster's CA (self-signed clusters).</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Prefix of every alias and index, so several environments can share a cluster.</summary>
    public string IndexPrefix { get; set; } = "onestop-";

    public int Shards { get; set; } = 1;
    public int Replicas { get; set; } = 1;
    public int TimeoutSeconds { get; set; } = 30;
}

public static class SearchEngines
{
    public const string Lucene = "Lucene";
    public const string Elasticsearch = "Elasticsearch";
}

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the configured engine as the one <see cref="ISearchEngine"/> of the host.</summary>
    public static IServiceCollection AddPlatformSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<ISearchEngine>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            // Every engine's calls are timed (onestop.search.duration, ADR 0041).
            if (string.Equals(options.Engine, SearchEngines.Elasticsearch, StringComparison.OrdinalIgnoreCase))
            {
                return new OneStop.Platform.Telemetry.TimedSearchEngine(new ElasticsearchSearchEngine(options.Elasticsearch, clock));
            }

            var data = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory;
            return new OneStop.Platform.Telemetry.TimedSearchEngine(new LuceneSearchEngine(options.LuceneDirectory ?? Path.Combine(data, "search"), clock));
        });
        return services;
    }
}
