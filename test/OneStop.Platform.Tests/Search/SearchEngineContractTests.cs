using System.Text;
using System.Text.Json;
using OneStop.Platform.Scoping;
using OneStop.Platform.Search;

namespace OneStop.Platform.Tests.Search;

/// <summary>
/// One contract, every engine: each test runs on Lucene (always) and on Elasticsearch when
/// <c>ONESTOP_TEST_ELASTICSEARCH_URL</c> names a cluster (none can run on this machine; the rows then do not exist).
/// </summary>
public sealed class SearchEngineContractTests
{
    public const string ElasticsearchVariable = "ONESTOP_TEST_ELASTICSEARCH_URL";

    public static TheoryData<string> Engines()
    {
        var engines = new TheoryData<string> { SearchEngines.Lucene };
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ElasticsearchVariable)))
        {
            engines.Add(SearchEngines.Elasticsearch);
        }

        return engines;
    }

    private static readonly SearchIndexDefinition Index = new("contract-dossiers",
    [
        new("code", SearchFieldKind.Identifier),
        new("applicantId", SearchFieldKind.Identifier),
        new("procedureName", SearchFieldKind.Text),
        new("applicantName", SearchFieldKind.Text),
        new("status", SearchFieldKind.Keyword, Facet: true),
        new("channel", SearchFieldKind.Keyword, Facet: true),
        new("overdue", SearchFieldKind.Keyword, Facet: true),
        new("receivedAt", SearchFieldKind.Date),
        new("dueAt", SearchFieldKind.Date),
    ]);

    // Cẩm Thượng and Bình Hàn are sibling wards of Thành phố Hải Dương (288).
    private static readonly UnitScope CommuneA = new(Guid.NewGuid(), "/30/288/10507/", "Phường Cẩm Thượng");
    private static readonly UnitScope CommuneB = new(Guid.NewGuid(), "/30/288/10510/", "Phường Bình Hàn");
    private static readonly UnitScope District = new(Guid.NewGuid(), "/30/288/", "Thành phố Hải Dương");
    private static readonly DateTimeOffset Day = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));

    private static SearchDocument Doc(
        string code, string procedureName = "Đăng ký khai sinh", string applicant = "Nguyễn Văn An", string applicantId = "030090001234",
        string status = "RECEIVED", string channel = "DIRECT", bool overdue = false, string path = "/30/288/10507/", string? resolvingPath = null,
        DateTimeOffset? receivedAt = null, DateTimeOffset? dueAt = null, long version = 1) =>
        new(code, version, resolvingPath is null ? [path] : [path, resolvingPath],
            new Dictionary<string, string[]>
            {
                ["code"] = [code], ["applicantId"] = [applicantId], ["procedureName"] = [procedureName], ["applicantName"] = [applicant],
                ["status"] = [status], ["channel"] = [channel], ["overdue"] = [overdue ? "true" : "false"],
            },
            new Dictionary<string, DateTimeOffset?> { ["receivedAt"] = receivedAt ?? Day, ["dueAt"] = dueAt },
            JsonSerializer.Serialize(new { code, procedureName, version }));

    /// <summary>A fresh engine and index; Lucene in a temporary folder, Elasticsearch under a unique prefix.</summary>
    private sealed class Harness : IAsyncDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("onestop-search-").FullName;
        private readonly string _prefix = "onestop-test-" + Guid.NewGuid().ToString("N")[..8] + "-";
        private readonly string _kind;

        public Harness(string kind)
        {
            _kind = kind;
            Engine = Create();
        }

        public ISearchEngine Engine { get; private set; }

        private ISearchEngine Create() => _kind == SearchEngines.Lucene
            ? new LuceneSearchEngine(_folder, TimeProvider.System)
            : new ElasticsearchSearchEngine(new ElasticsearchSearchOptions
            {
                Url = Environment.GetEnvironmentVariable(ElasticsearchVariable), IndexPrefix = _prefix, Replicas = 0,
            }, TimeProvider.System);

        /// <summary>The process stops (crash or restart) and a new one opens the same index.</summary>
        public void Restart()
        {
            (Engine as IDisposable)?.Dispose();
            Engine = Create();
        }

        public async Task Upsert(params SearchDocument[] documents)
        {
            await Engine.UpsertAsync(Index, documents);
            await Engine.RefreshAsync(Index);
        }

        public Task<SearchResults> Search(UnitScope scope, SearchQuery query) => Engine.SearchAsync(Index, scope, query);

        public async Task<List<string>> Codes(UnitScope scope, string? text, SearchQuery? query = null) =>
            (await Search(scope, (query ?? new SearchQuery()) with { Text = text, Size = 100 })).Hits.Select(h => h.Id).ToList();

        public async ValueTask DisposeAsync()
        {
            (Engine as IDisposable)?.Dispose();
            if (_kind == SearchEngines.Elasticsearch)
            {
                using var http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable(ElasticsearchVariable)!) };
                await http.DeleteAsync($"/{_prefix}*");
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Text_matches_with_or_without_diacritics_and_in_any_case(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(
            Doc("HS-1", "Đăng ký khai sinh"),
            Doc("HS-2", "Đăng ký kết hôn", applicant: "Trần Thị Bình", applicantId: "030190005678"),
            Doc("HS-3", "Cấp bản sao trích lục hộ tịch", applicant: "Lê Đức Anh", applicantId: "030085009999"));

        (await h.Codes(CommuneA, "dang ky khai sinh")).ShouldBe(["HS-1"]);
        (await h.Codes(CommuneA, "Đăng ký khai sinh")).ShouldBe(["HS-1"]);
        (await h.Codes(CommuneA, "ĐĂNG KÝ KHAI SINH")).ShouldBe(["HS-1"]);
        (await h.Codes(CommuneA, "dang ky")).ShouldBe(["HS-1", "HS-2"], ignoreOrder: true);
        (await h.Codes(CommuneA, "tran thi binh")).ShouldBe(["HS-2"]);
        (await h.Codes(CommuneA, "le duc anh trich luc")).ShouldBe(["HS-3"]); // words from two fields
        (await h.Codes(CommuneA, "khai sinh ket hon")).ShouldBeEmpty();        // every word must occur
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Input_is_normalised_to_NFC_first(string engine)
    {
        await using var h = new Harness(engine);
        // Indexed decomposed (as some keyboards and PDFs produce it), searched composed, and the other way round.
        await h.Upsert(
            Doc("HS-1", "Đăng ký khai sinh".Normalize(NormalizationForm.FormD), applicant: "Nguyễn Thị Huệ".Normalize(NormalizationForm.FormD)),
            Doc("HS-2", "Đăng ký kết hôn", applicant: "Phạm Văn Đồng", applicantId: "030190005678"));

        "Đăng".Normalize(NormalizationForm.FormD).Length.ShouldBeGreaterThan("Đăng".Length);
        (await h.Codes(CommuneA, "Nguyễn Thị Huệ")).ShouldBe(["HS-1"]);
        (await h.Codes(CommuneA, "nguyen thi hue")).ShouldBe(["HS-1"]);
        (await h.Codes(CommuneA, "Phạm Văn Đồng".Normalize(NormalizationForm.FormD))).ShouldBe(["HS-2"]);
        (await h.Codes(CommuneA, "kết hôn".Normalize(NormalizationForm.FormD))).ShouldBe(["HS-2"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_exact_code_or_CCCD_finds_that_dossier_first(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(
            Doc("000.00.30.H23-250303-0001", applicantId: "030090001234"),
            Doc("000.00.30.H23-250303-0002", applicantId: "030090001235"),
            Doc("000.00.30.H23-250304-0001", applicantId: "030190005678"));

        (await h.Codes(CommuneA, "000.00.30.H23-250303-0002")).First().ShouldBe("000.00.30.H23-250303-0002");
        (await h.Codes(CommuneA, "  000.00.30.h23-250303-0002 ")).First().ShouldBe("000.00.30.H23-250303-0002");
        (await h.Codes(CommuneA, "030090001235")).ShouldBe(["000.00.30.H23-250303-0002"]);
        (await h.Codes(CommuneA, "030090009999")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_identifier_shared_by_many_dossiers_pages_through_all_of_them_in_the_scope_with_totals_and_facets(string engine)
    {
        await using var h = new Harness(engine);
        // One applicant's 23 dossiers written in three batches (three segments), between others' and a sibling ward's.
        var mine = Enumerable.Range(1, 23).Select(i => Doc($"HS-{i:00}", applicantId: "030090004321", status: i % 2 == 0 ? "PROCESSING" : "RECEIVED",
            dueAt: i % 5 == 0 ? null : Day.AddDays(30 - i % 7))).ToArray();
        await h.Upsert(mine[..8]);
        await h.Upsert(Doc("OTHER-1"), Doc("OTHER-2", applicantId: "030090005555"));
        await h.Upsert(mine[8..16]);
        await h.Upsert(Doc("BH-1", applicantId: "030090004321", path: "/30/288/10510/"), Doc("BH-2", applicantId: "030090004321", path: "/30/288/10510/"));
        await h.Upsert(mine[16..]);

        foreach (var sort in new[] { SearchSort.Relevance, new SearchSort("dueAt"), new SearchSort("dueAt", Descending: true) })
        {
            var seen = new List<string>();
            string? after = null;
            var pages = 0;
            do
            {
                var page = await h.Search(CommuneA, new SearchQuery { Text = "030090004321", Sort = sort, Size = 10, After = after, Facets = ["status"] });
                page.Total.ShouldBe(23);
                Counts(page, "status").ShouldBe(new Dictionary<string, long> { ["RECEIVED"] = 12, ["PROCESSING"] = 11 });
                seen.AddRange(page.Hits.Select(x => x.Id));
                after = page.NextAfter;
                pages++;
            }
            while (after is not null && pages < 10);

            pages.ShouldBe(3);
            seen.Order(StringComparer.Ordinal).ShouldBe(mine.Select(d => d.Id), $"sort {sort}"); // each once, none of the sibling's
            if (!sort.IsRelevance)
            {
                var expected = mine.Where(d => d.Dates["dueAt"] is not null)
                    .OrderBy(d => sort.Descending ? -d.Dates["dueAt"]!.Value.ToUnixTimeMilliseconds() : d.Dates["dueAt"]!.Value.ToUnixTimeMilliseconds())
                    .ThenBy(d => d.Id, StringComparer.Ordinal)
                    .Select(d => d.Id)
                    .Concat(mine.Where(d => d.Dates["dueAt"] is null).Select(d => d.Id).Order(StringComparer.Ordinal));
                seen.ShouldBe(expected.ToList(), $"sort {sort}");
            }
        }

        (await h.Search(District, new SearchQuery { Text = "030090004321" })).Total.ShouldBe(25);
        (await h.Codes(CommuneB, "030090004321")).ShouldBe(["BH-1", "BH-2"], ignoreOrder: true);
        (await h.Search(CommuneA, new SearchQuery { Text = "030090004321", Filters = new Dictionary<string, string[]> { ["status"] = ["PROCESSING"] } })).Total.ShouldBe(11);
    }

    /// <summary>
    /// Lucene answers a text equal to a stored identifier from that identifier alone (ADR 0059); Elasticsearch still ORs
    /// the identifier with the words (the same dossiers unless the number is also typed into a text field).
    /// </summary>
    [Fact]
    public async Task Lucene_answers_a_text_equal_to_an_identifier_from_the_identifier_alone_and_from_the_words_when_none_is_visible()
    {
        await using var h = new Harness(SearchEngines.Lucene);
        await h.Upsert(
            Doc("HS-1", applicantId: "030090007777"),
            // The same number as a word of a text field (typed into the name at the desk).
            Doc("HS-2", applicant: "Nguyễn Văn An 030090007777", applicantId: "030090001111", status: "PROCESSING"),
            Doc("HS-3", applicantId: "030090008888", path: "/30/288/10510/"),
            Doc("HS-4", applicant: "Trần Thị Bình 030090008888", applicantId: "030090002222"));
        await h.Upsert(Doc("HS-6", applicantId: "030090009999"), Doc("HS-5", applicantId: "030090009999"));

        (await h.Codes(CommuneA, "030090007777")).ShouldBe(["HS-1"]);     // before ADR 0059: HS-1, then HS-2 by its words
        (await h.Codes(CommuneA, "030090008888")).ShouldBe(["HS-4"]);     // the identifier's dossier is the sibling's: the words
        (await h.Codes(CommuneB, "030090008888")).ShouldBe(["HS-3"]);
        (await h.Codes(CommuneA, "030090007777", new SearchQuery { Filters = new Dictionary<string, string[]> { ["status"] = ["PROCESSING"] } }))
            .ShouldBe(["HS-2"]);                                            // the filters leave none of the identifier's: the words
        (await h.Codes(CommuneA, "030090009999")).ShouldBe(["HS-5", "HS-6"]); // equal scores: id order

        // A dossier whose identifier changed is not found by the old one (the replaced document is deleted, not gone).
        await h.Upsert(Doc("HS-1", applicantId: "030090006666", version: 2));
        (await h.Codes(CommuneA, "030090007777")).ShouldBe(["HS-2"]);
        (await h.Codes(CommuneA, "030090006666")).ShouldBe(["HS-1"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Filters_on_keywords_and_date_ranges_combine_with_text(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(
            Doc("A", status: "RECEIVED", channel: "DIRECT", receivedAt: Day),
            Doc("B", status: "PROCESSING", channel: "ONLINE", receivedAt: Day.AddDays(1), overdue: true),
            Doc("C", status: "RESOLVED", channel: "POSTAL", receivedAt: Day.AddDays(2)),
            Doc("D", "Đăng ký kết hôn", status: "PROCESSING", channel: "DIRECT", receivedAt: Day.AddDays(3), overdue: true));

        Task<List<string>> Codes(string? text, Dictionary<string, string[]>? filters = null, params DateRangeFilter[] ranges) =>
            h.Codes(CommuneA, text, new SearchQuery { Filters = filters ?? [], DateRanges = ranges });

        (await Codes(null, new() { ["status"] = ["PROCESSING"] })).ShouldBe(["B", "D"], ignoreOrder: true);
        (await Codes(null, new() { ["status"] = ["PROCESSING", "RESOLVED"], ["channel"] = ["ONLINE", "POSTAL"] })).ShouldBe(["B", "C"], ignoreOrder: true);
        (await Codes(null, new() { ["overdue"] = ["true"] })).ShouldBe(["B", "D"], ignoreOrder: true);
        (await Codes("khai sinh", new() { ["overdue"] = ["true"] })).ShouldBe(["B"]);
        // From inclusive, to exclusive.
        (await Codes(null, null, new DateRangeFilter("receivedAt", Day.AddDays(1), Day.AddDays(3)))).ShouldBe(["B", "C"], ignoreOrder: true);
        (await Codes(null, null, new DateRangeFilter("receivedAt", Day.AddDays(2), null))).ShouldBe(["C", "D"], ignoreOrder: true);
        (await Codes(null, null, new DateRangeFilter("receivedAt", null, Day.AddDays(1)))).ShouldBe(["A"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Facets_count_every_matching_document_in_scope(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(
            Doc("A", status: "RECEIVED", channel: "DIRECT"),
            Doc("B", status: "PROCESSING", channel: "ONLINE"),
            Doc("C", status: "PROCESSING", channel: "ONLINE"),
            Doc("D", "Đăng ký kết hôn", status: "PROCESSING", channel: "DIRECT"),
            Doc("E", status: "PROCESSING", channel: "POSTAL", path: "/30/288/10510/")); // the sibling's: never counted for A

        var all = await h.Search(CommuneA, new SearchQuery { Facets = ["status", "channel"], Size = 1 });
        all.Total.ShouldBe(4);
        all.Hits.Count.ShouldBe(1);
        Counts(all, "status").ShouldBe(new Dictionary<string, long> { ["PROCESSING"] = 3, ["RECEIVED"] = 1 });
        Counts(all, "channel").ShouldBe(new Dictionary<string, long> { ["DIRECT"] = 2, ["ONLINE"] = 2 });

        var births = await h.Search(CommuneA, new SearchQuery { Text = "khai sinh", Facets = ["status"], Filters = new Dictionary<string, string[]> { ["channel"] = ["ONLINE"] } });
        births.Total.ShouldBe(2);
        Counts(births, "status").ShouldBe(new Dictionary<string, long> { ["PROCESSING"] = 2 });

        var district = await h.Search(District, new SearchQuery { Facets = ["channel"] });
        Counts(district, "channel")["POSTAL"].ShouldBe(1);
    }

    private static Dictionary<string, long> Counts(SearchResults results, string facet) => results.Facets[facet].ToDictionary(f => f.Value, f => f.Count);

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Keyset_pages_cover_every_hit_once_in_order(string engine)
    {
        await using var h = new Harness(engine);
        var docs = Enumerable.Range(1, 23).Select(i => Doc($"HS-{i:00}",
            procedureName: i % 3 == 0 ? "Đăng ký khai sinh cho con của công dân Việt Nam cư trú ở nước ngoài" : "Đăng ký khai sinh",
            dueAt: i % 5 == 0 ? null : Day.AddDays(30 - i % 7))).ToArray();
        await h.Upsert(docs);

        foreach (var sort in new[] { SearchSort.Relevance, new SearchSort("dueAt"), new SearchSort("dueAt", Descending: true) })
        {
            var seen = new List<string>();
            string? after = null;
            var pages = 0;
            do
            {
                var page = await h.Search(CommuneA, new SearchQuery { Text = "khai sinh", Sort = sort, Size = 10, After = after });
                page.Total.ShouldBe(23);
                seen.AddRange(page.Hits.Select(x => x.Id));
                after = page.NextAfter;
                pages++;
            }
            while (after is not null && pages < 10);

            pages.ShouldBe(3);
            seen.ShouldBe(seen.Distinct().ToList());
            seen.Count.ShouldBe(23);
            if (!sort.IsRelevance)
            {
                var expected = docs.Where(d => d.Dates["dueAt"] is not null)
                    .OrderBy(d => sort.Descending ? -d.Dates["dueAt"]!.Value.ToUnixTimeMilliseconds() : d.Dates["dueAt"]!.Value.ToUnixTimeMilliseconds())
                    .ThenBy(d => d.Id, StringComparer.Ordinal)
                    .Select(d => d.Id)
                    // Dossiers without a due date (not received yet) come last, in id order.
                    .Concat(docs.Where(d => d.Dates["dueAt"] is null).Select(d => d.Id).Order(StringComparer.Ordinal));
                seen.ShouldBe(expected.ToList(), $"sort {sort}");
            }
            else
            {
                // The closer match ("khai sinh" in a shorter name) first; ties in id order.
                seen.Take(15).ShouldAllBe(id => !docs.Single(d => d.Id == id).Values["procedureName"][0].EndsWith("nước ngoài"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_commune_never_sees_a_siblings_dossier_even_by_exact_code(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(
            Doc("CT-0001", applicantId: "030090001234", path: "/30/288/10507/"),
            Doc("BH-0001", applicantId: "030090007777", path: "/30/288/10510/"),
            // Received in Bình Hàn (location-independent reception), resolved by Cẩm Thượng: both see it.
            Doc("BH-0002", applicantId: "030090008888", path: "/30/288/10510/", resolvingPath: "/30/288/10507/"),
            Doc("CL-0001", applicantId: "030090009999", path: "/30/290/10600/"));

        (await h.Codes(CommuneA, null)).ShouldBe(["BH-0002", "CT-0001"], ignoreOrder: true);
        (await h.Codes(CommuneA, "BH-0001")).ShouldBeEmpty();
        (await h.Codes(CommuneA, "030090007777")).ShouldBeEmpty();
        (await h.Codes(CommuneA, "khai sinh", new SearchQuery { Filters = new Dictionary<string, string[]> { ["code"] = ["BH-0001"] } })).ShouldBeEmpty();
        (await h.Search(CommuneA, new SearchQuery { Facets = ["status"] })).Facets["status"].Sum(f => f.Count).ShouldBe(2);
        (await h.Codes(CommuneB, null)).ShouldBe(["BH-0001", "BH-0002"], ignoreOrder: true);
        (await h.Codes(District, null)).ShouldBe(["BH-0001", "BH-0002", "CT-0001"], ignoreOrder: true);
        (await h.Codes(UnitScope.Unrestricted, null)).Count.ShouldBe(4);
        (await h.Codes(UnitScope.None, "CT-0001")).ShouldBeEmpty();
        // A prefix of a path is not a unit: "/30/288/1050" must not reach "/30/288/10507/".
        (await h.Codes(new UnitScope(Guid.NewGuid(), "/30/288/1050/", "?"), null)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Upserts_are_idempotent_and_an_older_version_never_wins(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(Doc("HS-1", status: "RECEIVED", version: 10));
        await h.Upsert(Doc("HS-1", status: "PROCESSING", version: 20));
        await h.Upsert(Doc("HS-1", status: "RECEIVED", version: 10));                          // late redelivery of the first event
        await h.Upsert(Doc("HS-1", status: "PROCESSING", version: 20), Doc("HS-1", status: "RESOLVED", version: 30), Doc("HS-1", version: 15));

        var result = await h.Search(CommuneA, new SearchQuery { Facets = ["status"] });
        result.Total.ShouldBe(1);
        result.Facets["status"].ShouldBe([new FacetCount("RESOLVED", 1)]);
        JsonDocument.Parse(result.Hits[0].Source).RootElement.GetProperty("version").GetInt64().ShouldBe(30);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_rebuild_switches_versions_without_downtime_keeps_live_writes_and_resumes_after_a_crash(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(Doc("OLD-1"), Doc("LIVE-1", status: "RECEIVED", version: 100));
        var before = await h.Engine.GetStatusAsync(Index);
        before.Documents.ShouldBe(2);

        var build = await h.Engine.StartOrResumeBuildAsync(Index);
        await build.AddAsync([Doc("NEW-1", version: 0), Doc("NEW-2", version: 0)], "cursor-1");
        // A live change during the build reaches the old and the new version.
        await h.Upsert(Doc("LIVE-1", status: "PROCESSING", version: 200));
        (await h.Codes(CommuneA, null)).ShouldBe(["LIVE-1", "OLD-1"], ignoreOrder: true); // searches still on the old version

        // Crash: a new process finds the unfinished build and resumes after the last recorded page.
        h.Restart();
        build = await h.Engine.StartOrResumeBuildAsync(Index);
        build.Progress.Cursor.ShouldBe("cursor-1");
        build.Progress.Processed.ShouldBe(2);
        (await h.Engine.GetStatusAsync(Index)).Build!.Version.ShouldBe(build.Progress.Version);
        // The page read from the database before the live change must not overwrite it.
        await build.AddAsync([Doc("NEW-3", version: 0), Doc("LIVE-1", status: "RECEIVED", version: 0)], "cursor-2");
        await build.CompleteAsync();
        await h.Engine.RefreshAsync(Index);

        (await h.Codes(CommuneA, null)).ShouldBe(["LIVE-1", "NEW-1", "NEW-2", "NEW-3"], ignoreOrder: true);
        (await h.Search(CommuneA, new SearchQuery { Facets = ["status"], Filters = new Dictionary<string, string[]> { ["status"] = ["PROCESSING"] } })).Total.ShouldBe(1);
        var after = await h.Engine.GetStatusAsync(Index);
        after.ActiveVersion.ShouldBe(build.Progress.Version);
        after.ActiveVersion.ShouldNotBe(before.ActiveVersion);
        after.Build.ShouldBeNull();
        after.Documents.ShouldBe(4);

        // After a restart the switched version is the active one.
        h.Restart();
        (await h.Engine.GetStatusAsync(Index)).ActiveVersion.ShouldBe(build.Progress.Version);
        (await h.Codes(CommuneA, "khai sinh")).Count.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_tampered_cursor_is_a_400(string engine)
    {
        await using var h = new Harness(engine);
        await h.Upsert(Doc("HS-1"));
        var error = await Should.ThrowAsync<OneStop.Platform.Web.PlatformException>(() => h.Search(CommuneA, new SearchQuery { After = "{not json" }));
        error.Code.ShouldBe(OneStop.Platform.Web.PlatformErrorCodes.InvalidCursor);
    }
}
