using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Search;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.Search;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// Dossier search end to end on the embedded engine (Lucene) and real PostgreSQL: events through the outbox and the
/// inbox into the index, the API and pages in the caller's scope, the full re-index from generated dossiers (the
/// real source, <see cref="ICountersApi.ListDossiersAsync"/>, arrives with the dossier lifecycle).
/// </summary>
public sealed class DossierSearchTests(DossierSearchTests.Fixture fx) : IClassFixture<DossierSearchTests.Fixture>
{
    private const string DeskA = "motcua.camthuong";
    private const string DeskB = "motcua.binhhan";
    private const string DistrictLeader = "lanhdao.tphd";
    private const string Api = "/api/v1/counters/dossiers/search";

    /// <summary>The host with the re-index source replaced by generated dossiers.</summary>
    public sealed class Fixture : OneStopFactory
    {
        public List<DossierSnapshot> Stored { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddScoped<IDossierSource>(_ => new ListSource(Stored)));
        }

        public Task<(Guid Id, string Path)> Unit(string code) =>
            AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == code)
                .Select(u => new ValueTuple<Guid, string>(u.Id, u.Path)).SingleAsync());

        /// <summary>Publishes each change through the Counters outbox (as the dossier lifecycle does) and relays it.</summary>
        public async Task PublishAsync(params DossierSnapshot[] dossiers)
        {
            await AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<CountersDbContext>();
                foreach (var d in dossiers)
                {
                    db.Publish(new DossierChanged(d, DossierTransitions.Received, DossierStatuses.New, null, "test") { UnitPath = d.ReceivingUnitPath });
                }

                return await db.SaveChangesAsync();
            });
            while (await Services.GetRequiredService<OutboxRelay>().RelayOnceAsync() > 0)
            {
            }
        }
    }

    private sealed class ListSource(List<DossierSnapshot> all) : IDossierSource
    {
        public Task<IReadOnlyList<DossierSnapshot>> ListAsync(Guid? after, int take, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<DossierSnapshot>>(all.OrderBy(d => d.Id).Where(d => after is null || d.Id.CompareTo(after.Value) > 0).Take(take).ToList());
    }

    internal static DossierSnapshot Dossier((Guid Id, string Path) unit, string code, string procedureName = "Đăng ký khai sinh", string applicant = "Nguyễn Văn An",
        string identity = "030090001234", string status = DossierStatuses.Received, string channel = DossierChannels.Direct, bool overdue = false,
        (Guid Id, string Path)? resolving = null, DateTimeOffset? dueAt = null) =>
        new(Guid.CreateVersion7(), code, "1.001193", procedureName, "Hộ tịch", channel, status, ApplicantKinds.Citizen, identity, applicant,
            "Số 5 phố Quang Trung, Hải Dương", unit.Id, unit.Path, (resolving ?? unit).Id, (resolving ?? unit).Path, unit.Id,
            // Instants in UTC, as Counters publishes them (the other projections store them in PostgreSQL, which keeps UTC only).
            new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime(), new DateTimeOffset(2025, 3, 3, 8, 5, 0, TimeSpan.FromHours(7)).ToUniversalTime(),
            (dueAt ?? new DateTimeOffset(2025, 3, 6, 8, 5, 0, TimeSpan.FromHours(7))).ToUniversalTime(), null, null, null, overdue,
            [new DossierComponentInfo("Tờ khai đăng ký khai sinh", "TK-KS", ComponentSources.Submitted, null)], null, 1);

    private async Task<JsonElement> Search(string user, string query)
    {
        var client = await fx.SignInAsync(user);
        var response = await client.GetAsync(Api + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Codes(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();

    [Fact]
    public async Task A_change_published_through_the_outbox_is_found_without_diacritics_within_the_scope()
    {
        var a = await fx.Unit("10507");
        var b = await fx.Unit("10510");
        var mine = Dossier(a, "H23.10507-250303-0101", applicant: "Phạm Thị Huệ", identity: "030195001111");
        var theirs = Dossier(b, "H23.10510-250303-0101", applicant: "Phạm Thị Huệ", identity: "030195002222");
        await fx.PublishAsync(mine, theirs);

        Codes(await Search(DeskA, "?q=pham thi hue")).ShouldBe([mine.Code]);
        Codes(await Search(DeskB, "?q=Phạm Thị Huệ")).ShouldBe([theirs.Code]);
        Codes(await Search(DistrictLeader, "?q=PHAM THI HUE")).ShouldBe([mine.Code, theirs.Code], ignoreOrder: true);

        // The same change delivered again (at least once) and an older one later: still one document, newest state.
        var processing = mine with { Status = DossierStatuses.Processing, Version = mine.Version + 1 };
        await fx.PublishAsync(processing);
        await fx.PublishAsync(processing);
        var page = await Search(DeskA, "?q=030195001111");
        Codes(page).ShouldBe([mine.Code]);
        page.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe(DossierStatuses.Processing);
        page.GetProperty("items")[0].GetProperty("receivingUnitName").GetString().ShouldBe("Phường Cẩm Thượng");
    }

    [Fact]
    public async Task A_commune_officer_never_finds_a_siblings_dossier_even_by_exact_code_or_CCCD()
    {
        var a = await fx.Unit("10507");
        var b = await fx.Unit("10510");
        var sibling = Dossier(b, "H23.10510-250304-0007", applicant: "Vũ Văn Sơn", identity: "030080007777");
        // Received in Bình Hàn for Cẩm Thượng to resolve (location-independent reception): both wards see it.
        var shared = Dossier(b, "H23.10510-250304-0008", applicant: "Vũ Văn Sơn", identity: "030080008888", resolving: a);
        await fx.PublishAsync(sibling, shared);

        Codes(await Search(DeskA, "?q=" + Uri.EscapeDataString(sibling.Code))).ShouldBeEmpty();
        Codes(await Search(DeskA, "?q=030080007777")).ShouldBeEmpty();
        Codes(await Search(DeskA, "?q=vu van son")).ShouldBe([shared.Code]);
        var facets = (await Search(DeskA, "?q=vu van son")).GetProperty("facets").GetProperty("status").EnumerateArray().Sum(f => f.GetProperty("count").GetInt64());
        facets.ShouldBe(1);
        Codes(await Search(DeskB, "?q=vu van son")).ShouldBe([sibling.Code, shared.Code], ignoreOrder: true);
    }

    [Fact]
    public async Task Filters_facets_sort_by_due_date_and_keyset_pages_through_the_API()
    {
        var a = await fx.Unit("10507");
        var start = new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var dossiers = Enumerable.Range(1, 7).Select(i => Dossier(a, $"KT.10507-250401-{i:0000}", "Đăng ký kết hôn", applicant: "Hoàng Minh Khôi",
            identity: $"03009900{i:0000}", channel: i % 2 == 0 ? DossierChannels.Online : DossierChannels.Direct, overdue: i == 3,
            dueAt: start.AddDays(10 - i))).ToArray();
        await fx.PublishAsync(dossiers);

        var first = await Search(DeskA, "?q=hoang minh khoi&sort=due&pageSize=3");
        first.GetProperty("total").GetInt64().ShouldBe(7);
        Codes(first).ShouldBe(["KT.10507-250401-0007", "KT.10507-250401-0006", "KT.10507-250401-0005"]);
        var channel = first.GetProperty("facets").GetProperty("channel").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt64());
        channel.ShouldBe(new Dictionary<string, long> { ["DIRECT"] = 4, ["ONLINE"] = 3 });

        var seen = Codes(first);
        var cursor = first.GetProperty("nextCursor").GetString();
        while (cursor is not null)
        {
            var next = await Search(DeskA, $"?q=hoang minh khoi&sort=due&pageSize=3&cursor={cursor}");
            seen.AddRange(Codes(next));
            cursor = next.GetProperty("nextCursor").GetString();
        }

        seen.ShouldBe(dossiers.Select(d => d.Code).Reverse().ToList());
        Codes(await Search(DeskA, "?q=hoang minh khoi&channel=ONLINE&overdue=false")).ShouldBe(["KT.10507-250401-0002", "KT.10507-250401-0004", "KT.10507-250401-0006"], ignoreOrder: true);
        Codes(await Search(DeskA, "?q=hoang minh khoi&overdue=true")).ShouldBe(["KT.10507-250401-0003"]);
        Codes(await Search(DeskA, "?q=ket hon&dueFrom=2025-04-08&dueTo=2025-04-09")).ShouldBe(["KT.10507-250401-0002", "KT.10507-250401-0003"], ignoreOrder: true);
    }

    [Fact]
    public async Task Bad_requests_are_Vietnamese_problems_with_stable_codes_and_permissions_are_checked()
    {
        var desk = await fx.SignInAsync(DeskA);
        var invalid = await desk.GetAsync(Api + "?status=DONE&sort=random&receivedFrom=2025-05-02&receivedTo=2025-05-01");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("errors").GetProperty("Status")[0].GetString()!.ShouldContain("Trạng thái hồ sơ không hợp lệ");
        problem.GetProperty("errors").TryGetProperty("ReceivedTo", out _).ShouldBeTrue();

        var cursor = await desk.GetAsync(Api + "?cursor=bm90LWEtY3Vyc29y");
        cursor.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cursor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.InvalidCursor");

        (await fx.CreateClient().GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await desk.GetAsync(Api + "/index")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsync(Api + "/reindex", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.GetAsync("/Counters/Search/Admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // to AccessDenied
    }

    [Fact]
    public async Task A_full_reindex_resumes_after_a_crash_switches_without_downtime_and_shows_its_progress()
    {
        var a = await fx.Unit("10507");
        var b = await fx.Unit("10510");
        var generated = Enumerable.Range(1, DossierReindexJob.PageSize * 2 + 37)
            .Select(i => Dossier(i % 2 == 0 ? a : b, $"RX-{i:00000}", i % 3 == 0 ? "Chứng thực bản sao từ bản chính" : "Đăng ký khai sinh",
                applicant: "Đỗ Thị Reindex", identity: $"0301{i:00000000}"))
            .ToList();
        lock (fx.Stored)
        {
            fx.Stored.AddRange(generated);
        }

        var engine = fx.Services.GetRequiredService<ISearchEngine>();
        var before = await engine.GetStatusAsync(DossierSearchIndex.Definition);

        // A first run that stops after one page (the process died): the next run resumes after it.
        await fx.AsSystemAsync(async sp =>
        {
            await using var build = await engine.StartOrResumeBuildAsync(DossierSearchIndex.Definition);
            var page = await sp.GetRequiredService<IDossierSource>().ListAsync(null, DossierReindexJob.PageSize, default);
            var docs = new List<SearchDocument>();
            foreach (var d in page)
            {
                docs.Add(await DossierSearchIndex.ToDocumentAsync(d, sp.GetRequiredService<OneStop.Platform.AdministrativeUnits.IAdministrativeUnitDirectory>(), default));
            }

            await build.AddAsync(docs, page[^1].Id.ToString());
            return 0;
        });
        var admin = await fx.SignInAsync("admin");
        var status = await admin.GetFromJsonAsync<JsonElement>(Api + "/index");
        status.GetProperty("build").GetProperty("processed").GetInt64().ShouldBe(DossierReindexJob.PageSize);
        var adminPage = await admin.GetStringAsync("/Counters/Search/Admin");
        adminPage.ShouldContain("Đang lập phiên bản");
        // Searches still run on the live version meanwhile.
        Codes(await Search(DeskA, "?q=do thi reindex")).ShouldBeEmpty();

        var processed = await fx.AsSystemAsync(sp => sp.GetRequiredService<DossierReindexJob>().RunAsync(default));
        processed.ShouldBe(generated.Count);

        var after = await admin.GetFromJsonAsync<JsonElement>(Api + "/index");
        after.GetProperty("activeVersion").GetString().ShouldNotBe(before.ActiveVersion);
        after.GetProperty("build").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("documents").GetInt64().ShouldBeGreaterThanOrEqualTo(generated.Count);
        var mine = await Search(DeskA, "?q=do thi reindex&pageSize=1");
        mine.GetProperty("total").GetInt64().ShouldBe(generated.Count(d => d.ReceivingUnitId == a.Id));
        (await Search(DeskB, "?q=chung thuc ban sao do thi reindex")).GetProperty("total").GetInt64()
            .ShouldBe(generated.Count(d => d.ReceivingUnitId == b.Id && d.ProcedureName.StartsWith("Chứng thực", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_results_page_shows_facets_and_the_header_search_box_is_offered_to_officers()
    {
        var a = await fx.Unit("10507");
        await fx.PublishAsync(Dossier(a, "PG.10507-250305-0001", "Cấp giấy xác nhận tình trạng hôn nhân", applicant: "Ngô Bảo Châu", identity: "030070001111"));
        var desk = await fx.SignInAsync(DeskA);

        var home = await desk.GetStringAsync("/");
        home.ShouldContain("data-testid=\"shell-search\"");
        home.ShouldContain("action=\"/Counters/Search\"");

        var page = await desk.GetStringAsync("/Counters/Search?q=ngo bao chau");
        page.ShouldContain("PG.10507-250305-0001");
        page.ShouldContain("Cấp giấy xác nhận tình trạng hôn nhân");
        page.ShouldContain("data-testid=\"facets\"");
        page.ShouldContain("Đã tiếp nhận"); // status facet, in Vietnamese
        page.ShouldContain("Trực tiếp");

        var empty = await desk.GetStringAsync("/Counters/Search?q=khong co ho so nao nhu the nay");
        empty.ShouldContain("data-testid=\"empty\"");
        var english = await desk.GetStringAsync("/Counters/Search?q=ngo bao chau&culture=en-US&ui-culture=en-US");
        english.ShouldContain("Received");
        english.ShouldContain("At the desk");
    }
}
