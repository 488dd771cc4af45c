using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace OneStop.Platform.Search;

/// <summary>
/// The production engine (Elastic.Clients.Elasticsearch 9.x). Searches and live writes go through an alias
/// (<c>{prefix}{index}</c>) that points at one version (<c>{alias}-v…</c>); an index template gives every version the
/// Vietnamese folding analyzer from built-in filters only (standard tokenizer, lowercase, asciifolding — no ICU plugin
/// needed); text is NFC-normalised here before it is sent. A rebuild fills a new version that a second alias
/// (<c>{alias}-building</c>) names, so live writes reach both, then one <c>_aliases</c> call switches atomically.
/// Progress of a build is a document of <c>{prefix}search-builds</c>, written after each page.
/// Request bodies are the documented REST API sent through the client's transport (node pool, auth, retries).
/// </summary>
public sealed class ElasticsearchSearchEngine : ISearchEngine
{
    private const string IdField = "@id";
    private const string ScopeField = "@scope";
    private const string AllField = "@all";
    private const string SourceField = "@source";

    private readonly ElasticsearchClient _client;
    private readonly ElasticsearchSearchOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Task> _ready = new();

    public ElasticsearchSearchEngine(ElasticsearchSearchOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        var url = options.Url ?? throw new InvalidOperationException("Search:Elasticsearch:Url is required when Search:Engine is Elasticsearch.");
        var settings = new ElasticsearchClientSettings(new Uri(url)).RequestTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings = settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            settings = settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        }

        if (!string.IsNullOrEmpty(options.CertificateFingerprint))
        {
            settings = settings.CertificateFingerprint(options.CertificateFingerprint);
        }

        _client = new ElasticsearchClient(settings);
    }

    public string Name => SearchEngines.Elasticsearch;

    private string Alias(SearchIndexDefinition index) => _options.IndexPrefix + index.Name;
    private string BuildingAlias(SearchIndexDefinition index) => Alias(index) + "-building";
    private string BuildsIndex => _options.IndexPrefix + "search-builds";

    public async Task UpsertAsync(SearchIndexDefinition index, IReadOnlyList<SearchDocument> documents, CancellationToken ct = default)
    {
        await EnsureReadyAsync(index, ct);
        var targets = new List<string> { Alias(index) };
        if (await AliasExistsAsync(BuildingAlias(index), ct))
        {
            targets.Add(BuildingAlias(index));
        }

        var body = new StringBuilder();
        foreach (var target in targets)
        {
            foreach (var document in documents)
            {
                // External versioning: a write whose version is not greater than the stored one is refused (409),
                // which is what an old or redelivered event should get.
                body.Append(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["index"] = new Dictionary<string, object> { ["_index"] = target, ["_id"] = document.Id, ["version"] = document.Version, ["version_type"] = "external" },
                })).Append('\n');
                body.Append(ToJson(index, document)).Append('\n');
            }
        }

        await BulkAsync(body.ToString(), ct);
    }

    public async Task<SearchResults> SearchAsync(SearchIndexDefinition index, UnitScope scope, SearchQuery query, CancellationToken ct = default)
    {
        await EnsureReadyAsync(index, ct);
        var size = Math.Clamp(query.Size, 1, 1000);
        var filters = new JsonArray
        {
            // The scope, inside the engine.
            new JsonObject { ["prefix"] = new JsonObject { [ScopeField] = scope.Path } },
        };
        foreach (var (name, values) in query.Filters.Where(f => f.Value.Length > 0))
        {
            var field = index.Field(name);
            var terms = new JsonArray(values.Select(v => (JsonNode)(field.Kind == SearchFieldKind.Identifier ? SearchText.Identifier(v) : v)!).ToArray());
            filters.Add(new JsonObject { ["terms"] = new JsonObject { [field.Name] = terms } });
        }

        foreach (var range in query.DateRanges.Where(r => r.From is not null || r.To is not null))
        {
            var bounds = new JsonObject { ["format"] = "epoch_millis" };
            if (range.From is { } from)
            {
                bounds["gte"] = SearchText.ToMillis(from);
            }

            if (range.To is { } to)
            {
                bounds["lt"] = SearchText.ToMillis(to);
            }

            filters.Add(new JsonObject { ["range"] = new JsonObject { [index.Field(range.Field).Name] = bounds } });
        }

        var request = new JsonObject
        {
            ["size"] = size + 1,
            ["track_total_hits"] = true,
            ["_source"] = new JsonArray(SourceField),
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(TextQuery(index, query.Text)), ["filter"] = filters } },
            ["sort"] = query.Sort.IsRelevance
                ? new JsonArray(new JsonObject { ["_score"] = "desc" }, new JsonObject { [IdField] = "asc" })
                : new JsonArray(
                    new JsonObject { [index.Field(query.Sort.DateField!).Name] = new JsonObject { ["order"] = query.Sort.Descending ? "desc" : "asc", ["missing"] = "_last" } },
                    new JsonObject { [IdField] = "asc" }),
        };
        if (!string.IsNullOrEmpty(query.After))
        {
            try
            {
                request["search_after"] = JsonNode.Parse(query.After)!.AsArray().DeepClone();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
            {
                throw new PlatformException(PlatformErrorCodes.InvalidCursor, 400);
            }
        }

        var facetFields = query.Facets.Select(index.Field).Where(f => f.Kind == SearchFieldKind.Keyword && f.Facet).ToList();
        if (facetFields.Count > 0)
        {
            var aggs = new JsonObject();
            foreach (var field in facetFields)
            {
                aggs[field.Name] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field.Name, ["size"] = 200 } };
            }

            request["aggs"] = aggs;
        }

        using var response = await SendAsync(HttpMethod.POST, $"/{Alias(index)}/_search", request.ToJsonString(), ct);
        var root = response.RootElement;
        var rawHits = root.GetProperty("hits").GetProperty("hits").EnumerateArray().ToList();
        var hits = rawHits.Take(size).Select(h => new SearchHit(
            h.GetProperty("_id").GetString()!,
            query.Sort.IsRelevance && h.TryGetProperty("_score", out var score) && score.ValueKind == JsonValueKind.Number ? score.GetDouble() : null,
            h.GetProperty("_source").TryGetProperty(SourceField, out var source) ? source.GetString() ?? "{}" : "{}")).ToList();
        var next = rawHits.Count > size ? rawHits[size - 1].GetProperty("sort").GetRawText() : null;
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>();
        foreach (var field in facetFields)
        {
            facets[field.Name] = root.GetProperty("aggregations").GetProperty(field.Name).GetProperty("buckets").EnumerateArray()
                .Select(b => new FacetCount(b.GetProperty("key").ToString(), b.GetProperty("doc_count").GetInt64())).ToList();
        }

        return new SearchResults(root.GetProperty("hits").GetProperty("total").GetProperty("value").GetInt64(), hits, facets, next);
    }

    private static JsonObject TextQuery(SearchIndexDefinition index, string? text)
    {
        var normalized = SearchText.Normalize(text);
        if (normalized.Length == 0)
        {
            return new JsonObject { ["match_all"] = new JsonObject() };
        }

        var should = new JsonArray
        {
            new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["must"] = new JsonArray(new JsonObject { ["match"] = new JsonObject { [AllField] = new JsonObject { ["query"] = normalized, ["operator"] = "and" } } }),
                    ["should"] = new JsonArray(new JsonObject { ["match_phrase"] = new JsonObject { [AllField] = new JsonObject { ["query"] = normalized, ["boost"] = 2 } } }),
                },
            },
        };
        foreach (var field in index.OfKind(SearchFieldKind.Identifier))
        {
            should.Add(new JsonObject { ["term"] = new JsonObject { [field.Name] = new JsonObject { ["value"] = SearchText.Identifier(normalized), ["boost"] = 10 } } });
        }

        return new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } };
    }

    public async Task<ISearchIndexBuild> StartOrResumeBuildAsync(SearchIndexDefinition index, CancellationToken ct = default)
    {
        await EnsureReadyAsync(index, ct);
        if (await ReadBuildAsync(index, ct) is { } progress && await IndexExistsAsync(VersionIndex(index, progress.Version), ct))
        {
            return new Build(this, index, progress);
        }

        var version = SearchText.NewVersion(_clock);
        var name = VersionIndex(index, version);
        using (await SendAsync(HttpMethod.PUT, "/" + name, new JsonObject
               {
                   ["aliases"] = new JsonObject { [BuildingAlias(index)] = new JsonObject() },
               }.ToJsonString(), ct))
        {
        }

        var now = _clock.GetUtcNow();
        var started = new SearchBuildProgress(version, null, 0, now, now);
        await WriteBuildAsync(index, started, ct);
        return new Build(this, index, started);
    }

    private string VersionIndex(SearchIndexDefinition index, string version) => $"{Alias(index)}-{version}";

    private sealed class Build(ElasticsearchSearchEngine engine, SearchIndexDefinition index, SearchBuildProgress progress) : ISearchIndexBuild
    {
        public SearchBuildProgress Progress { get; private set; } = progress;

        public async Task AddAsync(IReadOnlyList<SearchDocument> documents, string cursor, CancellationToken ct = default)
        {
            var target = engine.VersionIndex(index, Progress.Version);
            var body = new StringBuilder();
            foreach (var document in documents)
            {
                // "create": a live write that reached the new version first is newer than this page; keep it (409 is fine).
                body.Append(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["create"] = new Dictionary<string, object> { ["_index"] = target, ["_id"] = document.Id },
                })).Append('\n');
                body.Append(engine.ToJson(index, document)).Append('\n');
            }

            if (documents.Count > 0)
            {
                await engine.BulkAsync(body.ToString(), ct);
            }

            // Written after the page: a crash in between re-adds the page on resume, which "create" makes harmless.
            Progress = Progress with { Cursor = cursor, Processed = Progress.Processed + documents.Count, UpdatedAt = engine._clock.GetUtcNow() };
            await engine.WriteBuildAsync(index, Progress, ct);
        }

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            var alias = engine.Alias(index);
            var target = engine.VersionIndex(index, Progress.Version);
            using (await engine.SendAsync(HttpMethod.POST, $"/{target}/_refresh", null, ct))
            {
            }

            var old = await engine.AliasTargetsAsync(alias, ct);
            var actions = new JsonArray();
            foreach (var name in old.Where(n => n != target))
            {
                actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = name, ["alias"] = alias } });
            }

            actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = target, ["alias"] = alias, ["is_write_index"] = true } });
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = target, ["alias"] = engine.BuildingAlias(index) } });
            // One call: searches see the old version or the new one, never none.
            using (await engine.SendAsync(HttpMethod.POST, "/_aliases", new JsonObject { ["actions"] = actions }.ToJsonString(), ct))
            {
            }

            foreach (var name in old.Where(n => n != target))
            {
                await engine._client.Indices.DeleteAsync(name, ct);
            }

            await engine.WriteBuildAsync(index, null, ct);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public async Task<SearchIndexStatus> GetStatusAsync(SearchIndexDefinition index, CancellationToken ct = default)
    {
        await EnsureReadyAsync(index, ct);
        var targets = await AliasTargetsAsync(Alias(index), ct);
        using var count = await SendAsync(HttpMethod.GET, $"/{Alias(index)}/_count", null, ct);
        var build = await ReadBuildAsync(index, ct);
        var version = targets.FirstOrDefault()?[(Alias(index).Length + 1)..];
        DateTimeOffset? activatedAt = null;
        using (var meta = await SendAsync(HttpMethod.GET, $"/{BuildsIndex}/_doc/{index.Name}", null, ct, allowNotFound: true))
        {
            if (meta.RootElement.TryGetProperty("_source", out var source) && source.TryGetProperty("activatedAt", out var at) && at.ValueKind == JsonValueKind.String)
            {
                activatedAt = DateTimeOffset.Parse(at.GetString()!, CultureInfo.InvariantCulture);
            }
        }

        return new SearchIndexStatus(SearchEngines.Elasticsearch, version, count.RootElement.GetProperty("count").GetInt64(), activatedAt, build);
    }

    public async Task RefreshAsync(SearchIndexDefinition index, CancellationToken ct = default)
    {
        using (await SendAsync(HttpMethod.POST, $"/{Alias(index)}/_refresh", null, ct))
        {
        }

        if (await AliasExistsAsync(BuildingAlias(index), ct))
        {
            using (await SendAsync(HttpMethod.POST, $"/{BuildingAlias(index)}/_refresh", null, ct))
            {
            }
        }
    }

    private string ToJson(SearchIndexDefinition index, SearchDocument document)
    {
        var json = new JsonObject
        {
            [IdField] = document.Id,
            [ScopeField] = new JsonArray(document.ScopePaths.Distinct().Select(p => (JsonNode)p!).ToArray()),
            [SourceField] = document.Source,
        };
        foreach (var field in index.Fields)
        {
            if (field.Kind == SearchFieldKind.Date)
            {
                if (document.Dates.TryGetValue(field.Name, out var date) && date is { } instant)
                {
                    json[field.Name] = SearchText.ToMillis(instant);
                }
            }
            else if (document.Values.TryGetValue(field.Name, out var values))
            {
                json[field.Name] = new JsonArray(values.Where(v => !string.IsNullOrEmpty(v))
                    .Select(v => (JsonNode)(field.Kind == SearchFieldKind.Keyword ? v : SearchText.Normalize(v))!).ToArray());
            }
        }

        return json.ToJsonString();
    }

    /// <summary>The template (analyzer + mappings) for every version, and a first version behind the alias.</summary>
    private Task EnsureReadyAsync(SearchIndexDefinition index, CancellationToken ct) =>
        _ready.GetOrAdd(index.Name, _ => EnsureAsync(index, ct)).ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                _ready.TryRemove(index.Name, out Task? _); // try again next time (the cluster may come back)
            }

            t.GetAwaiter().GetResult();
        }, ct, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private async Task EnsureAsync(SearchIndexDefinition index, CancellationToken ct)
    {
        using (await SendAsync(HttpMethod.PUT, $"/_index_template/{Alias(index)}", Template(index).ToJsonString(), ct))
        {
        }

        if (!await AliasExistsAsync(Alias(index), ct))
        {
            var name = VersionIndex(index, SearchText.NewVersion(_clock));
            using (await SendAsync(HttpMethod.PUT, "/" + name, new JsonObject
                   {
                       ["aliases"] = new JsonObject { [Alias(index)] = new JsonObject { ["is_write_index"] = true } },
                   }.ToJsonString(), ct))
            {
            }
        }
    }

    internal JsonObject Template(SearchIndexDefinition index)
    {
        var properties = new JsonObject
        {
            [IdField] = new JsonObject { ["type"] = "keyword" },
            [ScopeField] = new JsonObject { ["type"] = "keyword" },
            [AllField] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_folding" },
            [SourceField] = new JsonObject { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false },
        };
        foreach (var field in index.Fields)
        {
            properties[field.Name] = field.Kind switch
            {
                SearchFieldKind.Text => new JsonObject { ["type"] = "text", ["analyzer"] = "vi_folding", ["copy_to"] = AllField },
                SearchFieldKind.Identifier => new JsonObject { ["type"] = "keyword", ["normalizer"] = "identifier", ["copy_to"] = AllField },
                SearchFieldKind.Keyword => new JsonObject { ["type"] = "keyword" },
                SearchFieldKind.Date => new JsonObject { ["type"] = "date", ["format"] = "epoch_millis" },
                _ => throw new ArgumentOutOfRangeException(nameof(index)),
            };
        }

        return new JsonObject
        {
            ["index_patterns"] = new JsonArray($"{Alias(index)}-v*"),
            ["template"] = new JsonObject
            {
                ["settings"] = new JsonObject
                {
                    ["number_of_shards"] = _options.Shards,
                    ["number_of_replicas"] = _options.Replicas,
                    ["analysis"] = new JsonObject
                    {
                        // Built-in filters only: "Đăng ký" → "dang", "ky" (asciifolding maps đ to d).
                        ["analyzer"] = new JsonObject
                        {
                            ["vi_folding"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray("lowercase", "asciifolding") },
                        },
                        ["normalizer"] = new JsonObject
                        {
                            ["identifier"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase") },
                        },
                    },
                },
                ["mappings"] = new JsonObject { ["dynamic"] = "strict", ["properties"] = properties },
            },
        };
    }

    private async Task<SearchBuildProgress?> ReadBuildAsync(SearchIndexDefinition index, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.GET, $"/{BuildsIndex}/_doc/{index.Name}", null, ct, allowNotFound: true);
        if (!response.RootElement.TryGetProperty("_source", out var source) || !source.TryGetProperty("build", out var build) || build.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return build.Deserialize<SearchBuildProgress>(JsonOptions);
    }

    private async Task WriteBuildAsync(SearchIndexDefinition index, SearchBuildProgress? progress, CancellationToken ct)
    {
        var body = new JsonObject { ["build"] = progress is null ? null : JsonSerializer.SerializeToNode(progress, JsonOptions) };
        if (progress is null)
        {
            body["activatedAt"] = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        }

        // Partial update keeps "activatedAt" while a build runs.
        using (await SendAsync(HttpMethod.POST, $"/{BuildsIndex}/_update/{index.Name}?refresh=true",
                   new JsonObject { ["doc"] = body, ["doc_as_upsert"] = true }.ToJsonString(), ct))
        {
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private async Task<bool> AliasExistsAsync(string alias, CancellationToken ct)
    {
        var response = await _client.Transport.RequestAsync<StringResponse>(HttpMethod.HEAD, $"/_alias/{alias}", PostData.Empty, ct);
        Ensure(response, allowNotFound: true);
        return response.ApiCallDetails.HttpStatusCode == 200;
    }

    private async Task<bool> IndexExistsAsync(string name, CancellationToken ct) => (await _client.Indices.ExistsAsync(name, ct)).Exists;

    private async Task<List<string>> AliasTargetsAsync(string alias, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.GET, $"/_alias/{alias}", null, ct, allowNotFound: true);
        return response.RootElement.ValueKind == JsonValueKind.Object
            ? response.RootElement.EnumerateObject().Where(p => p.Value.TryGetProperty("aliases", out _)).Select(p => p.Name).ToList()
            : [];
    }

    private async Task BulkAsync(string ndjson, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.POST, "/_bulk", ndjson, ct);
        if (!response.RootElement.GetProperty("errors").GetBoolean())
        {
            return;
        }

        // 409 = already there (create) or not newer (external version): the write is redundant, not failed.
        var failed = response.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.EnumerateObject().First().Value)
            .Where(r => r.TryGetProperty("error", out _) && r.GetProperty("status").GetInt32() != 409)
            .Select(r => r.GetProperty("error").GetRawText())
            .ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"Elasticsearch refused {failed.Count} document(s): {failed[0]}");
        }
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? body, CancellationToken ct, bool allowNotFound = false)
    {
        var response = await _client.Transport.RequestAsync<StringResponse>(method, path, body is null ? PostData.Empty : PostData.String(body), ct);
        Ensure(response, allowNotFound);
        return JsonDocument.Parse(string.IsNullOrEmpty(response.Body) ? "{}" : response.Body);
    }

    private static void Ensure(StringResponse response, bool allowNotFound)
    {
        var status = response.ApiCallDetails.HttpStatusCode;
        if (status is null)
        {
            throw new PlatformException(PlatformErrorCodes.SearchUnavailable, 503);
        }

        if (status is >= 200 and < 300 || (allowNotFound && status == 404))
        {
            return;
        }

        throw new InvalidOperationException($"Elasticsearch answered {status}: {response.Body}");
    }
}
