using System.Text;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Search;

/// <summary>How a field is indexed; both engines map the kinds the same way (see ADR on search).</summary>
public enum SearchFieldKind
{
    /// <summary>Free text, analysed: NFC, standard tokenizer, lower case, ASCII folding ("Đăng ký" = "dang ky").</summary>
    Text,

    /// <summary>A value matched as a whole: filters and facets (status, channel, procedure code).</summary>
    Keyword,

    /// <summary>A code typed by people (dossier code, CCCD): a query equal to it, ignoring case, finds the document.</summary>
    Identifier,

    /// <summary>An instant: range filters and sorting.</summary>
    Date,
}

public sealed record SearchField(string Name, SearchFieldKind Kind, bool Facet = false);

/// <summary>
/// A logical index: its name (the Elasticsearch alias / the Lucene folder) and its fields. Every document also has an
/// id, a version, the unit paths that may see it and a display source (JSON), which the engines keep themselves.
/// </summary>
public sealed class SearchIndexDefinition
{
    public SearchIndexDefinition(string name, IEnumerable<SearchField> fields)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException("Index names are lower-case ASCII letters, digits and '-'.", nameof(name));
        }

        Name = name;
        Fields = fields.ToList();
        var reserved = Fields.FirstOrDefault(f => f.Name.StartsWith('_'));
        if (reserved is not null)
        {
            throw new ArgumentException($"Field names starting with '_' are reserved ({reserved.Name}).", nameof(fields));
        }
    }

    public string Name { get; }
    public IReadOnlyList<SearchField> Fields { get; }

    public SearchField Field(string name) =>
        Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"Index {Name} has no field {name}.", nameof(name));

    public IEnumerable<SearchField> OfKind(SearchFieldKind kind) => Fields.Where(f => f.Kind == kind);
}

/// <summary>
/// One document. <see cref="Version"/> orders writes of the same id: a write whose version is not greater than the
/// stored one is ignored, so redelivered and out-of-order events are harmless (idempotent upserts).
/// </summary>
/// <param name="ScopePaths">Unit paths that may see the document (e.g. receiving and resolving units).</param>
/// <param name="Values">Text, keyword and identifier values by field name.</param>
/// <param name="Source">What a hit shows (JSON), returned as is.</param>
public sealed record SearchDocument(
    string Id,
    long Version,
    IReadOnlyList<string> ScopePaths,
    IReadOnlyDictionary<string, string[]> Values,
    IReadOnlyDictionary<string, DateTimeOffset?> Dates,
    string Source);

/// <summary>A date range; <see cref="From"/> inclusive, <see cref="To"/> exclusive; either may be open.</summary>
public sealed record DateRangeFilter(string Field, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Relevance (score, then id) or a date field (then id); documents without the date come last.</summary>
public sealed record SearchSort(string? DateField = null, bool Descending = false)
{
    public static readonly SearchSort Relevance = new();
    public bool IsRelevance => DateField is null;
}

public sealed record SearchQuery
{
    public string? Text { get; init; }

    /// <summary>Keyword filters: the document must have one of the values of each field.</summary>
    public IReadOnlyDictionary<string, string[]> Filters { get; init; } = new Dictionary<string, string[]>();

    public IReadOnlyList<DateRangeFilter> DateRanges { get; init; } = [];

    /// <summary>Keyword fields to count values of, over all matching documents.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Size { get; init; } = 20;

    /// <summary>The <see cref="SearchResults.NextAfter"/> of the previous page (search-after keyset), opaque.</summary>
    public string? After { get; init; }
}

public sealed record FacetCount(string Value, long Count);

public sealed record SearchHit(string Id, double? Score, string Source);

public sealed record SearchResults(
    long Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? NextAfter);

/// <summary>Where a full rebuild stands; kept by the engine with the index so a crashed build resumes where it stopped.</summary>
public sealed record SearchBuildProgress(string Version, string? Cursor, long Processed, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt);

public sealed record SearchIndexStatus(string Engine, string? ActiveVersion, long Documents, DateTimeOffset? ActivatedAt, SearchBuildProgress? Build);

/// <summary>
/// Search over documents of any module. Every query is limited to a unit scope inside the engine (a prefix filter on
/// the document's unit paths), never after the fact.
/// </summary>
public interface ISearchEngine
{
    string Name { get; }

    /// <summary>Writes documents (durably, searchable within a second); older versions than stored are ignored.</summary>
    Task UpsertAsync(SearchIndexDefinition index, IReadOnlyList<SearchDocument> documents, CancellationToken ct = default);

    Task<SearchResults> SearchAsync(SearchIndexDefinition index, UnitScope scope, SearchQuery query, CancellationToken ct = default);

    /// <summary>Starts a new version of the index beside the live one, or resumes the unfinished build.</summary>
    Task<ISearchIndexBuild> StartOrResumeBuildAsync(SearchIndexDefinition index, CancellationToken ct = default);

    Task<SearchIndexStatus> GetStatusAsync(SearchIndexDefinition index, CancellationToken ct = default);

    /// <summary>Makes every acknowledged write visible to searches now (tests; Lucene does it after each write).</summary>
    Task RefreshAsync(SearchIndexDefinition index, CancellationToken ct = default);
}

/// <summary>
/// A new version being filled. Live upserts go to it as well meanwhile; <see cref="AddAsync"/> adds only documents
/// the build does not have yet (a live write is newer than a page read earlier). <see cref="CompleteAsync"/>
/// switches searches to it atomically and drops the old version.
/// </summary>
public interface ISearchIndexBuild : IAsyncDisposable
{
    SearchBuildProgress Progress { get; }

    /// <summary>Adds a page of documents and records <paramref name="cursor"/> (where to resume) with them.</summary>
    Task AddAsync(IReadOnlyList<SearchDocument> documents, string cursor, CancellationToken ct = default);

    Task CompleteAsync(CancellationToken ct = default);
}

/// <summary>Text handling shared by the engines.</summary>
public static class SearchText
{
    /// <summary>NFC first: decomposed input ("a" + U+0306) would otherwise keep its combining marks after folding.</summary>
    public static string Normalize(string? text) => string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormC).Trim();

    /// <summary>Identifiers compare ignoring case and surrounding spaces.</summary>
    public static string Identifier(string? text) => Normalize(text).ToLowerInvariant();

    public static long ToMillis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>A new index version name: sortable, unique enough for one build at a time.</summary>
    public static string NewVersion(TimeProvider clock) => "v" + clock.GetUtcNow().ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
}
