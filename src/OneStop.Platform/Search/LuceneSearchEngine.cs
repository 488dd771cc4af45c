using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace OneStop.Platform.Search;

/// <summary>
/// The embedded engine: Lucene.NET 4.8 indexes under <c>App_Data/search/{index}/{version}/</c>, one process. A file
/// <c>active</c> names the version searches use; a rebuild fills a new version folder (named in <c>building</c>) and
/// switches by replacing <c>active</c> with an atomic rename. Every write is committed before it returns (an event
/// handler's inbox row is written only afterwards, so a crash loses nothing) and is searchable at once (NRT reader).
/// </summary>
public sealed class LuceneSearchEngine(string root, TimeProvider clock) : ISearchEngine, IDisposable
{
    // One LuceneIndex (one IndexWriter) per folder in the process, shared by every engine over that folder and closed
    // with the last of them: Lucene allows one writer per folder, and a process may hold two service containers over
    // the same data directory (test hosts, a re-built host). The open is serialised; a failed open is not remembered.
    private static readonly Dictionary<string, (LuceneIndex Index, int Engines)> Shared = new(StringComparer.Ordinal);
    private static readonly System.Threading.Lock SharedGate = new();
    private readonly ConcurrentDictionary<string, (string Folder, LuceneIndex Index)> _indexes = new();

    public string Name => SearchEngines.Lucene;

    private LuceneIndex Open(SearchIndexDefinition index)
    {
        if (_indexes.TryGetValue(index.Name, out var mine))
        {
            return mine.Index;
        }

        var folder = Path.GetFullPath(Path.Combine(root, index.Name));
        lock (SharedGate)
        {
            if (_indexes.TryGetValue(index.Name, out mine))
            {
                return mine.Index;
            }

            LuceneIndex opened;
            if (Shared.TryGetValue(folder, out var entry))
            {
                opened = entry.Index;
                Shared[folder] = (entry.Index, entry.Engines + 1);
            }
            else
            {
                opened = new LuceneIndex(folder, index, clock);
                Shared[folder] = (opened, 1);
            }

            _indexes[index.Name] = (folder, opened);
            return opened;
        }
    }

    public Task UpsertAsync(SearchIndexDefinition index, IReadOnlyList<SearchDocument> documents, CancellationToken ct = default)
    {
        Open(index).Upsert(documents);
        return Task.CompletedTask;
    }

    public Task<SearchResults> SearchAsync(SearchIndexDefinition index, UnitScope scope, SearchQuery query, CancellationToken ct = default) =>
        Task.FromResult(Open(index).Search(scope, query));

    public Task<ISearchIndexBuild> StartOrResumeBuildAsync(SearchIndexDefinition index, CancellationToken ct = default) =>
        Task.FromResult<ISearchIndexBuild>(Open(index).StartOrResumeBuild());

    public Task<SearchIndexStatus> GetStatusAsync(SearchIndexDefinition index, CancellationToken ct = default) =>
        Task.FromResult(Open(index).Status());

    public Task RefreshAsync(SearchIndexDefinition index, CancellationToken ct = default) => Task.CompletedTask; // writes are visible on return

    public void Dispose()
    {
        lock (SharedGate)
        {
            foreach (var (folder, index) in _indexes.Values)
            {
                if (Shared.TryGetValue(folder, out var entry) && entry.Engines > 1)
                {
                    Shared[folder] = (entry.Index, entry.Engines - 1);
                }
                else
                {
                    Shared.Remove(folder);
                    index.Dispose();
                }
            }

            _indexes.Clear();
        }
    }
}

/// <summary>NFC is applied before; this folds case and diacritics: "Đăng Ký" → "dang", "ky".</summary>
internal sealed class FoldingAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    public List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = GetTokenStream(LuceneFields.All, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}

internal static class LuceneFields
{
    public const string Id = "_id";
    public const string Version = "_version";
    public const string Scope = "_scope";
    public const string ScopeAncestors = "_scopes"; // every path of the document and each of its ancestors ("/30/", "/30/288/", …)
    public const string Source = "_source";
    public const string All = "_all";

    // Commit data of a build: where it resumes.
    public const string Cursor = "cursor";
    public const string Processed = "processed";
    public const string StartedAt = "startedAt";
    public const string UpdatedAt = "updatedAt";
}

/// <summary>One logical index: the active version and, during a rebuild, the version being built.</summary>
internal sealed class LuceneIndex : IDisposable
{
    private const string ActiveFile = "active";
    private const string BuildingFile = "building";

    private readonly string _folder;
    private readonly SearchIndexDefinition _definition;
    private readonly TimeProvider _clock;
    private readonly FoldingAnalyzer _analyzer = new();
    private readonly System.Threading.Lock _writeGate = new(); // one writer at a time: version checks read what the previous write left
    private readonly System.Threading.Lock _swapGate = new();  // exchange of the active version vs. acquiring a searcher
    private Generation _active;
    private Generation? _building;


    public LuceneIndex(string folder, SearchIndexDefinition definition, TimeProvider clock)
    {
        _folder = folder;
        _definition = definition;
        _clock = clock;
        System.IO.Directory.CreateDirectory(folder);
        OpenGenerations(folder, clock);
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_active))]
    private void OpenGenerations(string folder, TimeProvider clock)
    {
        var active = ReadPointer(ActiveFile);
        if (active is null)
        {
            active = SearchText.NewVersion(clock);
            _active = new Generation(active, Path.Combine(folder, active), _analyzer);
            _active.Writer.Commit();
            WritePointer(ActiveFile, active);
        }
        else
        {
            _active = new Generation(active, Path.Combine(folder, active), _analyzer);
        }

        if (ReadPointer(BuildingFile) is { } building && building != active)
        {
            _building = new Generation(building, Path.Combine(folder, building), _analyzer);
        }
    }

    public void Upsert(IReadOnlyList<SearchDocument> documents)
    {
        // Within one batch the newest version of an id wins.
        var latest = documents.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).ToList();
        lock (_writeGate)
        {
            Write(_active, latest, onlyIfAbsent: false, commitData: null);
            if (_building is { } building)
            {
                Write(building, latest, onlyIfAbsent: false, commitData: null);
            }
        }
    }

    private void Write(Generation generation, IReadOnlyList<SearchDocument> documents, bool onlyIfAbsent, IDictionary<string, string>? commitData)
    {
        var searcher = generation.Searchers.Acquire();
        try
        {
            foreach (var document in documents)
            {
                var term = new Term(LuceneFields.Id, document.Id);
                // Already there (a rebuild page read earlier than a live write), or an older/duplicate event. Ids are
                // never deleted, only replaced, so for "absent" the term's document frequency is enough (no scoring).
                if (onlyIfAbsent ? searcher.IndexReader.DocFreq(term) > 0 : StoredVersion(searcher, document.Id) >= document.Version)
                {
                    continue;
                }

                generation.Writer.UpdateDocument(term, ToLucene(document));
            }
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }

        if (commitData is not null)
        {
            generation.Writer.SetCommitData(commitData);
        }

        generation.Writer.Commit();
        if (!onlyIfAbsent)
        {
            // Live writes are searchable at once. Rebuild pages need not be: their ids come in increasing order, and a
            // live write of the same id replaces the buffered page document by its term anyway.
            generation.Searchers.MaybeRefreshBlocking();
        }
    }

    private static long? StoredVersion(IndexSearcher searcher, string id)
    {
        var top = searcher.Search(new TermQuery(new Term(LuceneFields.Id, id)), 1);
        return top.TotalHits == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc).GetField(LuceneFields.Version)?.GetInt64Value();
    }

    private Document ToLucene(SearchDocument source)
    {
        var document = new Document
        {
            new StringField(LuceneFields.Id, source.Id, Field.Store.YES),
            new SortedDocValuesField(LuceneFields.Id, new BytesRef(source.Id)),
            new StoredField(LuceneFields.Version, source.Version),
            new StoredField(LuceneFields.Source, source.Source),
        };
        foreach (var path in source.ScopePaths.Distinct())
        {
            document.Add(new StringField(LuceneFields.Scope, path, Field.Store.NO));
        }

        // One term per ancestor, so a scope is one term look-up (ScopeFilter) instead of a prefix over every path.
        foreach (var ancestor in source.ScopePaths.SelectMany(ScopeFilter.Ancestors).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(LuceneFields.ScopeAncestors, ancestor, Field.Store.NO));
        }

        var all = new StringBuilder();
        foreach (var field in _definition.Fields)
        {
            if (field.Kind == SearchFieldKind.Date)
            {
                if (source.Dates.TryGetValue(field.Name, out var date) && date is { } instant)
                {
                    var millis = SearchText.ToMillis(instant);
                    document.Add(new Int64Field(field.Name, millis, Field.Store.NO));
                    document.Add(new NumericDocValuesField(field.Name, millis));
                }

                continue;
            }

            if (!source.Values.TryGetValue(field.Name, out var values))
            {
                continue;
            }

            foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)))
            {
                switch (field.Kind)
                {
                    case SearchFieldKind.Text:
                        // Queries match words over all text fields at once, so only the combined field is analysed.
                        all.Append(SearchText.Normalize(value)).Append(' ');
                        break;
                    case SearchFieldKind.Identifier:
                        document.Add(new StringField(field.Name, SearchText.Identifier(value), Field.Store.NO));
                        all.Append(SearchText.Normalize(value)).Append(' ');
                        break;
                    case SearchFieldKind.Keyword:
                        document.Add(new StringField(field.Name, value, Field.Store.NO));
                        if (field.Facet)
                        {
                            document.Add(new SortedSetDocValuesField(field.Name, new BytesRef(value)));
                        }

                        break;
                }
            }
        }

        document.Add(new TextField(LuceneFields.All, all.ToString(), Field.Store.NO));
        return document;
    }

    public SearchResults Search(UnitScope scope, SearchQuery query) => WithActive((_, searcher) => Search(searcher, scope, query));

    /// <summary>Runs <paramref name="read"/> on the active version; a switch meanwhile does not close its searcher under it.</summary>
    private T WithActive<T>(Func<Generation, IndexSearcher, T> read)
    {
        Generation generation;
        IndexSearcher searcher;
        lock (_swapGate)
        {
            generation = _active;
            searcher = generation.Searchers.Acquire();
        }

        try
        {
            return read(generation, searcher);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    private SearchResults Search(IndexSearcher searcher, UnitScope scope, SearchQuery query)
    {
        var text = SearchText.Normalize(query.Text);
        // A text of one piece (a dossier code, an identity number, a procedure code) is looked up as an identifier
        // first: the documents with that identifier visible to the caller are the answer, searched only in the segments
        // that hold it — no words, no phrase, nothing read elsewhere (ADR 0059). When none is visible the text is searched
        // as words, as any other; the identifiers were looked up already, so that search does not look again.
        IReadOnlyList<(Term Term, TermContext Context)>? identifiers = null;
        if (text.Length > 0 && !text.Any(char.IsWhiteSpace))
        {
            identifiers = IdentifierTerms(searcher.IndexReader, text);
            if (identifiers.Count > 0)
            {
                var found = Collect(searcher, IdentifierQuery(identifiers), LeavesHolding(searcher.IndexReader, identifiers), scope, query);
                if (found.Total > 0)
                {
                    return found;
                }
            }
        }

        return Collect(searcher, TextQuery(searcher.IndexReader, text, ranked: query.Sort.IsRelevance, identifiers), null, scope, query);
    }

    /// <summary>A page, the total and the facets of <paramref name="text"/> in the scope, over <paramref name="leaves"/> (null: every segment).</summary>
    private SearchResults Collect(IndexSearcher searcher, Query text, IList<AtomicReaderContext>? leaves, UnitScope scope, SearchQuery query)
    {
        var size = Math.Clamp(query.Size, 1, 1000);
        var sort = query.Sort.IsRelevance
            ? new Sort(SortField.FIELD_SCORE, new SortField(LuceneFields.Id, SortFieldType.STRING))
            : new Sort(DateSort(_definition.Field(query.Sort.DateField!).Name, query.Sort.Descending), new SortField(LuceneFields.Id, SortFieldType.STRING));
        var after = LuceneCursor.Decode(query.After, query.Sort);
        var top = TopFieldCollector.Create(sort, size + 1, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = new FacetCollector(query.Facets.Select(f => _definition.Field(f)).Where(f => f.Kind == SearchFieldKind.Keyword && f.Facet).Select(f => f.Name).ToList());
        var collector = MultiCollector.Wrap(top, facets);
        if (leaves is null)
        {
            searcher.Search(text, FilterOf(scope, query), collector);
        }
        else
        {
            // The segments holding the identifier, and no others: what IndexSearcher.Search does, over these only. The
            // identifier leads and its documents are checked against the scope's postings (no bit set of the segment).
            var weight = searcher.CreateNormalizedWeight(new FilteredQuery(text, FilterOf(scope, query, sparse: true), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY));
            foreach (var leaf in leaves)
            {
                collector.SetNextReader(leaf);
                weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
            }
        }

        var docs = top.GetTopDocs().ScoreDocs;
        var hits = docs.Take(size)
            .Select(d => (Doc: searcher.Doc(d.Doc, HitFields), d.Score))
            .Select(x => new SearchHit(x.Doc.Get(LuceneFields.Id), query.Sort.IsRelevance ? x.Score : null, x.Doc.Get(LuceneFields.Source)))
            .ToList();
        var next = docs.Length > size ? LuceneCursor.Encode((FieldDoc)docs[size - 1], query.Sort) : null;
        return new SearchResults(top.TotalHits, hits, facets.Counts(), next);
    }

    /// <summary>The identifier fields holding <paramref name="text"/> as a whole, each with where it is (one look-up per segment).</summary>
    private List<(Term Term, TermContext Context)> IdentifierTerms(IndexReader reader, string text)
    {
        var found = new List<(Term, TermContext)>();
        var identifier = new BytesRef(SearchText.Identifier(text));
        foreach (var field in _definition.OfKind(SearchFieldKind.Identifier))
        {
            // What TermContext.Build does, with the segments' enumerators reused.
            TermContext? context = null;
            foreach (var leaf in reader.Leaves)
            {
                if (leaf.AtomicReader.GetTerms(field.Name) is not { } terms)
                {
                    continue;
                }

                var enumerator = TermEnumerators.Rent(leaf.AtomicReader, field.Name, terms);
                try
                {
                    if (enumerator.SeekExact(identifier))
                    {
                        context ??= new TermContext(reader.Context);
                        context.Register(enumerator.GetTermState(), leaf.Ord, enumerator.DocFreq, enumerator.TotalTermFreq);
                    }
                }
                finally
                {
                    TermEnumerators.Return(leaf.AtomicReader, field.Name, enumerator);
                }
            }

            if (context is not null)
            {
                found.Add((new Term(field.Name, identifier), context));
            }
        }

        return found;
    }

    /// <summary>The identifier alone; equal scores, so the hits of a relevance sort come in id order.</summary>
    private static Query IdentifierQuery(IReadOnlyList<(Term Term, TermContext Context)> identifiers)
    {
        if (identifiers.Count == 1)
        {
            return new TermQuery(identifiers[0].Term, identifiers[0].Context);
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var (term, context) in identifiers)
        {
            any.Add(new TermQuery(term, context), Occur.SHOULD);
        }

        return any;
    }

    private static List<AtomicReaderContext> LeavesHolding(IndexReader reader, IReadOnlyList<(Term Term, TermContext Context)> identifiers) =>
        reader.Leaves.Where(leaf => identifiers.Any(i => i.Context.Get(leaf.Ord) is not null)).ToList();

    // A hit needs its id and source; the version stays on disk.
    private static readonly ISet<string> HitFields = new HashSet<string>(StringComparer.Ordinal) { LuceneFields.Id, LuceneFields.Source };

    private static SortField DateSort(string field, bool descending)
    {
        var sort = new SortField(field, SortFieldType.INT64, descending);
        sort.SetMissingValue(descending ? long.MinValue : long.MaxValue); // documents without the date come last either way
        return sort;
    }

    /// <param name="ranked">Whether scores order the hits; when a date does, the phrase (ranking only) is left out.</param>
    /// <param name="identifiers">The identifiers found for a text of one piece (none visible in the scope), or null when not looked up.</param>
    private Query TextQuery(IndexReader reader, string normalized, bool ranked, IReadOnlyList<(Term Term, TermContext Context)>? identifiers)
    {
        if (normalized.Length == 0)
        {
            return new MatchAllDocsQuery();
        }

        var either = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        var tokens = _analyzer.Tokens(normalized);
        if (tokens.Count > 0)
        {
            // Every word must occur; the words side by side rank higher ("đăng ký khai sinh" before a scattered match).
            var words = new BooleanQuery();
            var phrase = new PhraseQuery { Boost = 2 };
            foreach (var token in tokens)
            {
                words.Add(new TermQuery(new Term(LuceneFields.All, token)), Occur.MUST);
                phrase.Add(new Term(LuceneFields.All, token));
            }

            if (tokens.Count > 1 && ranked)
            {
                words.Add(phrase, Occur.SHOULD);
            }

            either.Add(words, Occur.SHOULD);
        }

        // A code typed whole (dossier code, CCCD) finds its document first. A code no document has is left out: words
        // alone then score without a disjunction around them (the same order; scores differ only by a common factor).
        // A text of one piece had its identifiers looked up already, and none of them is in the scope: words alone.
        foreach (var field in identifiers is null ? _definition.OfKind(SearchFieldKind.Identifier) : [])
        {
            var term = new Term(field.Name, SearchText.Identifier(normalized));
            if (reader.DocFreq(term) > 0)
            {
                either.Add(new TermQuery(term) { Boost = 10 }, Occur.SHOULD);
            }
        }

        return either.Clauses.Count switch
        {
            0 => new BooleanQuery(), // matches nothing
            1 => either.Clauses[0].Query,
            _ => either,
        };
    }

    /// <summary>The scope and the query's filters; the scope alone when there are none (no boolean wrapper).</summary>
    /// <param name="sparse">The query leads (an identifier): the scope as postings to check its documents against, never a bit set.</param>
    private Filter FilterOf(UnitScope scope, SearchQuery query, bool sparse = false)
    {
        var filter = new BooleanQuery();
        foreach (var (name, values) in query.Filters.Where(f => f.Value.Length > 0))
        {
            var field = _definition.Field(name);
            var any = new BooleanQuery();
            foreach (var value in values)
            {
                any.Add(new TermQuery(new Term(field.Name, field.Kind == SearchFieldKind.Identifier ? SearchText.Identifier(value) : value)), Occur.SHOULD);
            }

            filter.Add(any, Occur.MUST);
        }

        foreach (var range in query.DateRanges.Where(r => r.From is not null || r.To is not null))
        {
            var field = _definition.Field(range.Field);
            filter.Add(NumericRangeQuery.NewInt64Range(field.Name,
                range.From is { } from ? SearchText.ToMillis(from) : null,
                range.To is { } to ? SearchText.ToMillis(to) : null,
                minInclusive: true, maxInclusive: false), Occur.MUST);
        }

        // The scope, inside the engine: a document is seen by the units on any of its paths and their ancestors.
        var scoped = new ScopeFilter(scope.Path, sparse);
        if (filter.Clauses.Count == 0)
        {
            return scoped;
        }

        filter.Add(new ConstantScoreQuery(scoped), Occur.MUST);
        return new QueryWrapperFilter(filter);
    }

    public ISearchIndexBuild StartOrResumeBuild()
    {
        lock (_writeGate)
        {
            if (_building is null)
            {
                var version = SearchText.NewVersion(_clock);
                var generation = new Generation(version, Path.Combine(_folder, version), _analyzer);
                var now = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                generation.Writer.SetCommitData(new Dictionary<string, string>
                {
                    [LuceneFields.Processed] = "0", [LuceneFields.StartedAt] = now, [LuceneFields.UpdatedAt] = now,
                });
                generation.Writer.Commit();
                WritePointer(BuildingFile, version);
                _building = generation;
            }

            return new Build(this, _building);
        }
    }

    private static SearchBuildProgress ProgressOf(Generation generation)
    {
        var data = generation.Writer.CommitData;
        DateTimeOffset Time(string key) => data.TryGetValue(key, out var t) ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : default;
        return new SearchBuildProgress(
            generation.Version,
            data.TryGetValue(LuceneFields.Cursor, out var cursor) ? cursor : null,
            data.TryGetValue(LuceneFields.Processed, out var processed) ? long.Parse(processed, CultureInfo.InvariantCulture) : 0,
            Time(LuceneFields.StartedAt),
            Time(LuceneFields.UpdatedAt));
    }

    private sealed class Build(LuceneIndex index, Generation generation) : ISearchIndexBuild
    {
        public SearchBuildProgress Progress => ProgressOf(generation);

        public Task AddAsync(IReadOnlyList<SearchDocument> documents, string cursor, CancellationToken ct = default)
        {
            lock (index._writeGate)
            {
                if (!ReferenceEquals(index._building, generation))
                {
                    throw new InvalidOperationException("This build was completed or replaced.");
                }

                var before = Progress;
                // The cursor is committed together with the page: a crash resumes after the last committed page.
                index.Write(generation, documents.DistinctBy(d => d.Id).ToList(), onlyIfAbsent: true, new Dictionary<string, string>
                {
                    [LuceneFields.Cursor] = cursor,
                    [LuceneFields.Processed] = (before.Processed + documents.Count).ToString(CultureInfo.InvariantCulture),
                    [LuceneFields.StartedAt] = before.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                    [LuceneFields.UpdatedAt] = index._clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                });
            }

            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken ct = default)
        {
            Generation old;
            lock (index._writeGate)
            {
                if (!ReferenceEquals(index._building, generation))
                {
                    throw new InvalidOperationException("This build was completed or replaced.");
                }

                generation.Writer.Commit();
                generation.Searchers.MaybeRefreshBlocking();
                // The rename is the switch: a crash before it keeps the old version active, after it the new one.
                index.WritePointer(ActiveFile, generation.Version);
                lock (index._swapGate)
                {
                    old = index._active;
                    index._active = generation;
                    index._building = null;
                }

                File.Delete(Path.Combine(index._folder, BuildingFile));
            }

            old.Dispose();
            try
            {
                System.IO.Directory.Delete(old.Path, recursive: true);
            }
            catch (IOException)
            {
                // A search still reading the old files; the folder is removed at the next build.
            }

            index.RemoveStaleVersions();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private void RemoveStaleVersions()
    {
        var keep = new[] { _active.Version, _building?.Version };
        foreach (var dir in System.IO.Directory.GetDirectories(_folder).Where(d => !keep.Contains(Path.GetFileName(d))))
        {
            try
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // still in use
            }
        }
    }

    public SearchIndexStatus Status() => WithActive((generation, searcher) =>
    {
        var activatedAt = File.GetLastWriteTimeUtc(Path.Combine(_folder, ActiveFile));
        SearchBuildProgress? build;
        lock (_writeGate)
        {
            build = _building is { } b ? ProgressOf(b) : null;
        }

        return new SearchIndexStatus(SearchEngines.Lucene, generation.Version, searcher.IndexReader.NumDocs,
            new DateTimeOffset(activatedAt, TimeSpan.Zero), build);
    });

    private string? ReadPointer(string name)
    {
        var path = Path.Combine(_folder, name);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private void WritePointer(string name, string version)
    {
        var path = Path.Combine(_folder, name);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            stream.Write(Encoding.UTF8.GetBytes(version));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true); // rename(2): atomic
    }

    public void Dispose()
    {
        _active.Dispose();
        _building?.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>One version folder with its writer and near-real-time searchers.</summary>
    private sealed class Generation : IDisposable
    {
        public Generation(string version, string path, Analyzer analyzer)
        {
            Version = version;
            Path = path;
            Directory = new MappedFileDirectory(path); // not FSDirectory.Open's MMapDirectory: see MappedFileDirectory
            Writer = new IndexWriter(Directory, new IndexWriterConfig(FoldingAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64, WriteLockTimeout = 5000 });
            Searchers = new SearcherManager(Writer, applyAllDeletes: true, new SearcherFactory());
        }

        public string Version { get; }
        public string Path { get; }
        public LuceneDirectory Directory { get; }
        public IndexWriter Writer { get; }
        public SearcherManager Searchers { get; }

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }
}

/// <summary>
/// The documents a unit may see: those with a path starting with the scope's path. A segment written since the ancestor
/// terms exist answers with one term's postings — or with every live document when all of them carry the term (the
/// province, the root): no postings read at all. A segment of an index built before (no ancestor terms on every
/// document) still answers by prefix over the full paths, so an old index keeps working until it is rebuilt.
/// </summary>
internal sealed class ScopeFilter(string path, bool sparse = false) : Filter
{
    // A scope holding at least 1/32 of a segment is given as a bit set (random access), a smaller one as postings.
    private const int DenseShare = 32;

    /// <summary>"/30/288/10507/" → "/", "/30/", "/30/288/", "/30/288/10507/"; a path not ending in "/" is kept whole too.</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var i = path.IndexOf('/'); i >= 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..(i + 1)];
        }

        if (!path.EndsWith('/'))
        {
            yield return path;
        }
    }

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var ancestors = reader.GetTerms(LuceneFields.ScopeAncestors);
        // Only a path ending in "/" is a unit boundary; a prefix such as "~" (no scope) or "/30/28" takes the old way.
        if (!path.EndsWith('/') || ancestors is null || ancestors.DocCount != reader.MaxDoc)
        {
            return new PrefixFilter(new Term(LuceneFields.Scope, path)).GetDocIdSet(context, acceptDocs);
        }

        var terms = ancestors.GetEnumerator();
        if (!terms.SeekExact(new BytesRef(path)))
        {
            return null;
        }

        if (terms.DocFreq == reader.MaxDoc)
        {
            return new AllDocs(reader.MaxDoc, acceptDocs);
        }

        if (!sparse && terms.DocFreq >= reader.MaxDoc / DenseShare)
        {
            // A district: as a bit set the words query leads with its rarest word and checks the scope per document,
            // instead of the two leap-frogging over ~10 % of the index each. Reading the postings costs well under a ms.
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(terms.Docs(acceptDocs, null, DocsFlags.NONE));
            return bits;
        }

        var state = terms.GetTermState();
        return new Postings(ancestors, new BytesRef(path), state, acceptDocs);
    }

    public override string ToString() => $"ScopeFilter({path})";

    /// <summary>Every document of the segment (less deleted ones): random access, so the query is not led by it.</summary>
    private sealed class AllDocs(int maxDoc, IBits? acceptDocs) : DocIdSet
    {
        public override IBits Bits => acceptDocs ?? new Lucene.Net.Util.Bits.MatchAllBits(maxDoc);

        public override bool IsCacheable => true;

        public override DocIdSetIterator GetIterator() => new AllIterator(maxDoc, acceptDocs);
    }

    private sealed class AllIterator(int maxDoc, IBits? acceptDocs) : DocIdSetIterator
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int NextDoc() => Advance(_doc + 1);

        public override int Advance(int target)
        {
            for (_doc = target; _doc < maxDoc; _doc++)
            {
                if (acceptDocs is null || acceptDocs.Get(_doc))
                {
                    return _doc;
                }
            }

            return _doc = NO_MORE_DOCS;
        }

        public override long GetCost() => maxDoc;
    }

    private sealed class Postings(Terms terms, BytesRef term, TermState state, IBits? acceptDocs) : DocIdSet
    {
        public override DocIdSetIterator GetIterator()
        {
            var enumerator = terms.GetEnumerator();
            enumerator.SeekExact(term, state);
            return enumerator.Docs(acceptDocs, null, DocsFlags.NONE);
        }
    }
}

/// <summary>
/// Term enumerators of a segment's fields, reused by searches: a new one allocates ~6 KB on its first seek (frames and FST
/// arcs as deep as the term), which was most of an identifier look-up's garbage (13 segments × 3 fields). Kept per
/// segment core — weakly, so they go with the segment after a merge — one per search using it at the same time.
/// </summary>
internal static class TermEnumerators
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, ConcurrentBag<TermsEnum>>> Pools = new();

    public static TermsEnum Rent(AtomicReader reader, string field, Terms terms) =>
        Pool(reader, field).TryTake(out var enumerator) ? enumerator : terms.GetEnumerator();

    public static void Return(AtomicReader reader, string field, TermsEnum enumerator) => Pool(reader, field).Add(enumerator);

    // The core is shared by every reader of the segment (deletes come and go; the terms do not change).
    private static ConcurrentBag<TermsEnum> Pool(AtomicReader reader, string field) =>
        Pools.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, ConcurrentBag<TermsEnum>>(StringComparer.Ordinal))
            .GetOrAdd(field, _ => []);
}

/// <summary>Counts keyword values (doc values) over every matching document, segment by segment.</summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, long>[] _totals = fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Count];
    private readonly long[][] _counts = new long[fields.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            _values[i] = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            _counts[i] = new long[_values[i]?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _counts[i][ord]++;
            }
        }
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            for (var ord = 0; ord < _counts[i].Length; ord++)
            {
                if (_counts[i][ord] > 0)
                {
                    values.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    _totals[i][key] = _totals[i].GetValueOrDefault(key) + _counts[i][ord];
                }
            }

            _values[i] = null;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Counts()
    {
        Flush();
        return fields.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => (IReadOnlyList<FacetCount>)_totals[x.i]
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new FacetCount(kv.Key, kv.Value)).ToList());
    }
}

/// <summary>The search-after key of a hit (score or date, then id) as JSON; only this engine reads it back.</summary>
internal static class LuceneCursor
{
    public static string Encode(FieldDoc last, SearchSort sort)
    {
        var id = ((BytesRef)last.Fields[1]).Utf8ToString();
        // Dates stay exact longs (the "missing" sentinel is long.MaxValue); scores are floats.
        object key = sort.IsRelevance
            ? (object)Convert.ToDouble(last.Fields[0], CultureInfo.InvariantCulture)
            : Convert.ToInt64(last.Fields[0], CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new[] { key, id });
    }

    public static FieldDoc? Decode(string? after, SearchSort sort)
    {
        if (string.IsNullOrEmpty(after))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(after);
            var key = json.RootElement[0];
            var id = new BytesRef(json.RootElement[1].GetString()!);
            // Lucene.NET compares boxed J2N numbers.
            object first = sort.IsRelevance ? J2N.Numerics.Single.GetInstance((float)key.GetDouble()) : J2N.Numerics.Int64.GetInstance(key.GetInt64());
            // The doc number only breaks ties between equal keys; ids are unique, so any value does.
            return new FieldDoc(int.MaxValue, float.NaN, [first, id]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new PlatformException(PlatformErrorCodes.InvalidCursor, 400);
        }
    }
}
