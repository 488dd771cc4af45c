using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Integration.Features.PortalSubmissions;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;
using OneStop.Platform.Web;

namespace OneStop.Integration.Tests;

/// <summary>
/// Online dossiers addressed by a unit code, after the 2025 reorganisation (issue 15, item 6): the code is read on the
/// submission's day; what no unit can take waits in the province's review queue until an officer routes it; a
/// re-pull of the portal's feed offers dropped submissions again and duplicates nothing.
/// </summary>
public sealed class OnlineSubmissionReviewTests(OnlineSubmissionReviewTests.Fixture fx) : IClassFixture<OnlineSubmissionReviewTests.Fixture>
{
    /// <summary>Today's world: the shipped change sets applied at start, so the Thành Đông people exist.</summary>
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:PortalSubmissions:Enabled", "false")
            .With("Integration:Sandbox:portal:LatencyMilliseconds", "1").With("Seed:Reorganisations", "true")
            // A re-pull reads the feed through the connector; on a loaded test machine 5 s per attempt can run out.
            .With("Integration:Resilience:AttemptTimeoutSeconds", "30").With("Integration:Resilience:TotalTimeoutSeconds", "90");
    }

    private static readonly DateTimeOffset August2025 = new(2025, 8, 15, 9, 30, 0, TimeSpan.FromHours(7));
    private static readonly string[] BirthComponents = ["HT-TK-KS", "YT-GCS", "CD-CCCD"];

    [Fact]
    public async Task A_submission_for_10507_dated_August_2025_becomes_a_dossier_of_Thanh_Dong()
    {
        var submission = Portal.Submit("10507", "1.001193", "030090001234", "Nguyễn Văn An", BirthComponents, submittedAt: August2025);
        await PullAndRelayAsync();

        var desk = await fx.SignInAsync("motcua.thanhdong");
        var dossier = await DossierOfAsync(desk, submission.Reference);
        dossier.GetProperty("receivingUnitName").GetString().ShouldBe("Phường Thành Đông");
        dossier.GetProperty("channel").GetString().ShouldBe("ONLINE");
        (await ReviewQueueAsync()).ShouldNotContain(i => i.GetProperty("portalReference").GetString() == submission.Reference);
    }

    [Fact]
    public async Task An_unknown_code_waits_in_the_review_queue_and_becomes_one_dossier_after_routing_even_when_routed_twice()
    {
        var submission = Portal.Submit("99999", "1.001193", "030090001235", "Trần Thị Bình", BirthComponents, submittedAt: August2025);
        await PullAndRelayAsync();

        var item = (await ReviewQueueAsync()).Single(i => i.GetProperty("portalReference").GetString() == submission.Reference);
        item.GetProperty("reason").GetString().ShouldBe("Không có đơn vị hành chính mã 99999 vào ngày 15/08/2025: cần chọn nơi nhận.");
        item.GetProperty("applicantName").GetString().ShouldBe("Trần Thị Bình");
        var id = item.GetProperty("id").GetGuid();

        var officer = await fx.SignInAsync("lanhdao.tinh");
        var units = await officer.GetFromJsonAsync<JsonElement>("/api/v1/counters/online-submissions/units");
        var thanhDong = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "Phường Thành Đông").GetProperty("id").GetGuid();
        units.EnumerateArray().ShouldNotContain(u => u.GetProperty("name").GetString() == "Phường Cẩm Thượng"); // retired

        var first = await officer.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { unitId = thanhDong });
        var routed = await first.Content.ReadFromJsonAsync<JsonElement>();
        first.StatusCode.ShouldBe(HttpStatusCode.OK, routed.ToString());
        routed.GetProperty("status").GetString().ShouldBe("ROUTED");
        var dossierId = routed.GetProperty("dossierId").GetGuid();
        var again = await officer.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { unitId = thanhDong });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossierId").GetGuid().ShouldBe(dossierId);

        // Elsewhere now would file it twice: refused.
        var other = units.EnumerateArray().First(u => u.GetProperty("level").GetString() == UnitLevels.Commune && u.GetProperty("id").GetGuid() != thanhDong);
        var elsewhere = await officer.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { unitId = other.GetProperty("id").GetGuid() });
        await ShouldBeProblemAsync(elsewhere, HttpStatusCode.Conflict, CountersErrorCodes.OnlineSubmissionAlreadyFiled);

        var desk = await fx.SignInAsync("motcua.thanhdong");
        (await DossierOfAsync(desk, submission.Reference)).GetProperty("id").GetGuid().ShouldBe(dossierId);
        (await ReviewQueueAsync()).ShouldNotContain(i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_code_of_a_unit_split_in_2025_waits_for_review_naming_its_successors()
    {
        var directory = fx.Services.GetRequiredService<IAdministrativeUnitDirectory>();
        AdministrativeUnitInfo? split = null;
        List<string> successors = [];
        foreach (var unit in (await directory.AllAsync()).Where(u => u.ValidTo == new DateOnly(2025, 7, 1) && u.Level == UnitLevels.Commune))
        {
            var next = await directory.SuccessorsAsync(unit.Id);
            if (next.Count > 1 && await directory.FindByCodeAsync(unit.Code, new DateOnly(2025, 8, 15)) is null)
            {
                split = unit;
                foreach (var s in next)
                {
                    successors.Add((await directory.FindAsync(s.SuccessorId))!.Name);
                }

                break;
            }
        }

        split.ShouldNotBeNull("the 2025 change set splits communes");
        var submission = Portal.Submit(split.Code, "1.001193", "030090001236", "Lê Văn Cường", BirthComponents, submittedAt: August2025);
        await PullAndRelayAsync();

        var reason = (await ReviewQueueAsync()).Single(i => i.GetProperty("portalReference").GetString() == submission.Reference).GetProperty("reason").GetString()!;
        reason.ShouldStartWith($"Mã đơn vị {split.Code} ({split.Name}) đã thôi hiệu lực từ 01/07/2025 và được chia cho ");
        reason.ShouldEndWith(": cần chọn nơi nhận.");
        foreach (var name in successors)
        {
            reason.ShouldContain(name);
        }
    }

    [Fact]
    public async Task Bad_input_is_a_problem_with_a_stable_code_never_a_server_error()
    {
        var submission = Portal.Submit("99998", "1.001193", "030090001237", "Phạm Văn Dũng", BirthComponents, submittedAt: August2025);
        await PullAndRelayAsync();
        var id = (await ReviewQueueAsync()).Single(i => i.GetProperty("portalReference").GetString() == submission.Reference).GetProperty("id").GetGuid();
        var officer = await fx.SignInAsync("lanhdao.tinh");
        var directory = fx.Services.GetRequiredService<IAdministrativeUnitDirectory>();
        var camThuong = (await directory.FindByCodeAsync("10507", new DateOnly(2025, 6, 1)))!.Id;
        var thanhDong = (await directory.FindByCodeAsync("10507"))!.Id;

        await ShouldBeProblemAsync(await officer.PostAsJsonAsync($"/api/v1/counters/online-submissions/{Guid.NewGuid()}/route", new { unitId = thanhDong }),
            HttpStatusCode.NotFound, CountersErrorCodes.OnlineSubmissionNotFound);
        await ShouldBeProblemAsync(await officer.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { unitId = camThuong }),
            HttpStatusCode.BadRequest, CountersErrorCodes.RoutingTargetInvalid);
        await ShouldBeProblemAsync(await officer.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { unitId = Guid.NewGuid() }),
            HttpStatusCode.BadRequest, CountersErrorCodes.RoutingTargetInvalid);
        await ShouldBeProblemAsync(await officer.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { }),
            HttpStatusCode.BadRequest, PlatformErrorCodes.ValidationFailed);
        await ShouldBeProblemAsync(await officer.PostAsync($"/api/v1/counters/online-submissions/{id}/route",
            new StringContent("{\"unitId\": \"not-a-unit\"", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, PlatformErrorCodes.ValidationFailed);
        await ShouldBeProblemAsync(await officer.GetAsync("/api/v1/counters/online-submissions?status=LOST"), HttpStatusCode.BadRequest, PlatformErrorCodes.ValidationFailed);
        await ShouldBeProblemAsync(await officer.GetAsync("/api/v1/counters/online-submissions?cursor=not-a-cursor!"), HttpStatusCode.BadRequest, PlatformErrorCodes.InvalidCursor);
        var admin = await fx.SignInAsync("admin");
        await ShouldBeProblemAsync(await admin.PostAsJsonAsync("/api/v1/counters/online-submissions/repull", new { afterSequence = -1 }),
            HttpStatusCode.BadRequest, PlatformErrorCodes.ValidationFailed);
        // A ward's desk has no business with the province's queue.
        var desk = await fx.SignInAsync("motcua.thanhdong");
        (await desk.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { unitId = thanhDong })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync("/api/v1/counters/online-submissions/repull", new { afterSequence = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A commune's administrator holds the permission but not the province's scope: the queue is not theirs.
        var communeAdmin = await fx.SignInAsync("quantri.camthuong");
        var theirs = await communeAdmin.GetAsync("/api/v1/counters/online-submissions");
        if (theirs.StatusCode == HttpStatusCode.OK)
        {
            (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength().ShouldBe(0);
            await ShouldBeProblemAsync(await communeAdmin.PostAsJsonAsync($"/api/v1/counters/online-submissions/{id}/route", new { unitId = thanhDong }),
                HttpStatusCode.NotFound, CountersErrorCodes.OnlineSubmissionNotFound);
            (await communeAdmin.PostAsJsonAsync("/api/v1/counters/online-submissions/repull", new { afterSequence = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        else
        {
            theirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_re_pull_offers_dropped_submissions_again_and_duplicates_nothing()
    {
        // Filed before; and one the old handler dropped: taken from the portal, its event never reached Counters.
        var filed = Portal.Submit("10507", "1.001193", "030090001238", "Hoàng Thị Én", BirthComponents, submittedAt: August2025);
        await PullAndRelayAsync();
        var queued = Portal.Submit("99997", "1.001193", "030090001239", "Đỗ Văn Giang", BirthComponents, submittedAt: August2025);
        await PullAndRelayAsync();
        var dropped = Portal.Submit("10507", "1.001193", "030090001240", "Bùi Thị Hoa", BirthComponents, submittedAt: August2025);
        (await Puller.PullAsync(CancellationToken.None)).ShouldBe(1);
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<IntegrationDbContext>();
            foreach (var message in await db.Set<OutboxMessage>().Where(m => m.State == DeliveryStates.Pending).ToListAsync())
            {
                message.State = DeliveryStates.Delivered;
                message.DeliveredAt = DateTimeOffset.UtcNow;
            }

            return await db.SaveChangesAsync();
        });
        var desk = await fx.SignInAsync("motcua.thanhdong");
        (await DossiersOfAsync(desk, dropped.Reference)).ShouldBeEmpty();

        var admin = await fx.SignInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/counters/online-submissions/repull", new { afterSequence = 0 });
        var repull = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, repull.ToString());
        repull.GetProperty("offered").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        await RelayAllAsync();
        // Twice, for good measure.
        (await admin.PostAsJsonAsync("/api/v1/counters/online-submissions/repull", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RelayAllAsync();

        (await DossiersOfAsync(desk, filed.Reference)).Count.ShouldBe(1);
        (await DossiersOfAsync(desk, dropped.Reference)).Count.ShouldBe(1);
        (await ReviewQueueAsync()).Count(i => i.GetProperty("portalReference").GetString() == queued.Reference).ShouldBe(1);
    }

    [Fact]
    public async Task The_page_shows_the_reason_and_unit_names_and_routes_from_a_list()
    {
        var submission = Portal.Submit("99996", "1.001193", "030090001241", "Vũ Thị Lan", BirthComponents, submittedAt: August2025);
        await PullAndRelayAsync();
        var officer = await fx.SignInAsync("lanhdao.tinh");
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync("/Counters/Online"));
        html.ShouldContain("Hồ sơ trực tuyến chờ xác định nơi nhận");
        html.ShouldContain("Vũ Thị Lan");
        html.ShouldContain("Không có đơn vị hành chính mã 99996 vào ngày 15/08/2025");
        html.ShouldContain(">Phường Thành Đông</option>");
        html.ShouldNotContain(">Phường Cẩm Thượng</option>");
        html.ShouldNotContain("online-repull"); // a provincial leader routes; re-pulling is for administrators

        var id = (await ReviewQueueAsync()).Single(i => i.GetProperty("portalReference").GetString() == submission.Reference).GetProperty("id").GetString()!;
        var thanhDong = (await fx.Services.GetRequiredService<IAdministrativeUnitDirectory>().FindByCodeAsync("10507"))!.Id;
        var none = await OneStopFactory.PostFormAsync(officer, "/Counters/Online", $"/Counters/Online?handler=Route&id={id}", new() { ["unitId"] = "" });
        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()).ShouldContain("Chọn đơn vị nhận hồ sơ.");
        var routed = await OneStopFactory.PostFormAsync(officer, "/Counters/Online", $"/Counters/Online?handler=Route&id={id}", new() { ["unitId"] = thanhDong.ToString() });
        routed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await AlertOfAsync(routed));
        (await DossiersOfAsync(await fx.SignInAsync("motcua.thanhdong"), submission.Reference)).Count.ShouldBe(1);

        var admin = await fx.SignInAsync("admin");
        (await admin.GetStringAsync("/Counters/Online")).ShouldContain("online-repull");
        var repulled = await OneStopFactory.PostFormAsync(admin, "/Counters/Online", "/Counters/Online?handler=Repull", new() { ["afterSequence"] = "0" });
        repulled.StatusCode.ShouldBe(HttpStatusCode.Redirect, await AlertOfAsync(repulled));
        await RelayAllAsync();
        (await DossiersOfAsync(await fx.SignInAsync("motcua.thanhdong"), submission.Reference)).Count.ShouldBe(1);
        (await (await fx.SignInAsync("motcua.thanhdong")).GetAsync("/Counters/Online")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private PortalSimulator Portal => fx.Services.GetRequiredService<PortalSimulator>();
    private PortalSubmissionPuller Puller => fx.Services.GetRequiredService<PortalSubmissionPuller>();

    private async Task PullAndRelayAsync()
    {
        await Puller.PullAsync(CancellationToken.None);
        await RelayAllAsync();
    }

    private async Task RelayAllAsync()
    {
        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        for (var i = 0; i < 20 && await relay.RelayOnceAsync() > 0; i++)
        {
        }
    }

    private async Task<List<JsonElement>> ReviewQueueAsync()
    {
        var officer = await fx.SignInAsync("lanhdao.tinh");
        var page = await officer.GetFromJsonAsync<JsonElement>("/api/v1/counters/online-submissions?pageSize=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<List<JsonElement>> DossiersOfAsync(HttpClient desk, string reference)
    {
        var found = new List<JsonElement>();
        var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers?channel=ONLINE&pageSize=200");
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{item.GetProperty("id").GetGuid()}");
            if (dossier.GetProperty("note").GetString()?.Contains(reference, StringComparison.Ordinal) == true)
            {
                found.Add(dossier);
            }
        }

        return found;
    }

    private static async Task<JsonElement> DossierOfAsync(HttpClient desk, string reference) => (await DossiersOfAsync(desk, reference)).ShouldHaveSingleItem();

    /// <summary>The page's error alert, to say why a form post did not redirect.</summary>
    private static async Task<string> AlertOfAsync(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), "data-testid=\"online-error\">([^<]*)<").Groups[1].Value;

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe(code);
    }
}
