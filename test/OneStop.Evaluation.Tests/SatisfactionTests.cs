using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;

namespace OneStop.Evaluation.Tests;

/// <summary>Ratings (kiosk without sign-in, online after return, paper), their hash chain, and complaints, over HTTP on PostgreSQL.</summary>
public sealed class SatisfactionTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Api = "/api/v1/evaluation";

    /// <summary>Delivers a Counters <see cref="DossierChanged"/> to Evaluation's handler, as the outbox relay would.</summary>
    private async Task<DossierSnapshot> DossierAsync(string code, string status, string unitCode = "10507")
    {
        return await fx.AsSystemAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<OneStop.Platform.AdministrativeUnits.IAdministrativeUnitDirectory>().FindByCodeAsync(unitCode))!;
            var now = DateTimeOffset.UtcNow;
            var dossier = new DossierSnapshot(Guid.NewGuid(), code, "1.001193", "Đăng ký khai sinh", "ho-tich", DossierChannels.Direct, status, ApplicantKinds.Citizen,
                "030090001234", "Nguyễn Văn An", null, unit.Id, unit.Path, unit.Id, unit.Path, unit.Id, now.AddDays(-3), now.AddDays(-3), now.AddDays(2),
                status == DossierStatuses.Returned ? now.AddHours(-2) : null, status == DossierStatuses.Returned ? now.AddHours(-1) : null,
                status == DossierStatuses.Returned ? ReturnMethods.Desk : null, false, [], null, 1);
            using var _ = sp.GetRequiredService<ICurrentScope>().Change(new UnitScope(Guid.Empty, unit.Path, ""), null, "event:test");
            await sp.GetRequiredService<RatedDossierProjection>().HandleAsync(new DossierChanged(dossier, DossierTransitions.Received, null, null, "test") { UnitPath = unit.Path }, CancellationToken.None);
            return dossier;
        });
    }

    private static int[] Scores => [2, 2, 1, 2, 2, 2, 2, 1, 2];

    [Fact]
    public async Task At_the_kiosk_an_applicant_rates_without_signing_in_once_per_dossier()
    {
        await DossierAsync("MC10507-250310-0001", DossierStatuses.Processing);
        var anonymous = fx.CreateClient(new() { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync("/Evaluation/Kiosk");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Đánh giá mức độ hài lòng");

        // The wrong identity tail finds nothing.
        var wrong = await OneStopFactory.PostFormAsync(anonymous, "/Evaluation/Kiosk", "/Evaluation/Kiosk?handler=Find", new() { ["Code"] = "MC10507-250310-0001", ["Tail"] = "9999" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"kiosk-error\"");

        var found = await OneStopFactory.PostFormAsync(anonymous, "/Evaluation/Kiosk", "/Evaluation/Kiosk?handler=Find", new() { ["Code"] = "MC10507-250310-0001", ["Tail"] = "1234" });
        var html = await found.Content.ReadAsStringAsync();
        html.ShouldContain("Đăng ký khai sinh");
        var form = new Dictionary<string, string> { ["Code"] = "MC10507-250310-0001", ["Tail"] = "1234", ["Overall"] = "SATISFIED", ["Comment"] = "Cán bộ nhiệt tình" };
        for (var i = 0; i < 9; i++)
        {
            form[$"Scores[{i}]"] = Scores[i].ToString();
        }

        var token = OneStopFactory.AntiforgeryToken(html);
        var rated = await anonymous.PostAsync("/Evaluation/Kiosk?handler=Rate", new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }));
        (await rated.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"kiosk-thanks\"");
        var again = await anonymous.PostAsync("/Evaluation/Kiosk?handler=Rate", new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }));
        (await again.Content.ReadAsStringAsync()).ShouldContain("đã được đánh giá");

        var desk = await fx.SignInAsync("motcua.camthuong");
        var list = await desk.GetFromJsonAsync<JsonElement>($"{Api}/ratings/");
        var rating = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("dossierCode").GetString() == "MC10507-250310-0001");
        rating.GetProperty("channel").GetString().ShouldBe("KIOSK");
        rating.GetProperty("points").GetInt32().ShouldBe(16);
        rating.GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");
        // The sibling ward's desk does not see it.
        (await (await fx.SignInAsync("motcua.binhhan")).GetFromJsonAsync<JsonElement>($"{Api}/ratings/")).GetProperty("items").EnumerateArray()
            .Any(r => r.GetProperty("dossierCode").GetString() == "MC10507-250310-0001").ShouldBeFalse();
    }

    [Fact]
    public async Task Online_ratings_come_after_the_result_is_returned_one_per_channel()
    {
        // Online ratings are the applicant's, sent by the portal (an API client); an officer's are paper (ADR 0031).
        await fx.AsSystemAsync(async sp =>
        {
            await OneStop.Platform.Identity.ApiClientRegistrar.RegisterAsync(sp, "cong-dvc-danhgia", "danhgia-secret-2025", "Cổng Dịch vụ công (đánh giá)", "30",
                [EvaluationPermissions.Ratings]);
            return 0;
        });
        var portal = await fx.ApiClientAsync("cong-dvc-danhgia", "danhgia-secret-2025");
        await DossierAsync("MC10507-250311-0002", DossierStatuses.Processing);
        var desk = await fx.SignInAsync("motcua.camthuong");
        var early = await portal.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250311-0002", channel = "ONLINE", scores = Scores, overall = "VERY_SATISFIED" });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(EvaluationErrorCodes.NotYetRateable);

        await DossierAsync("MC10507-250311-0003", DossierStatuses.Returned);
        var ok = await portal.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250311-0003", channel = "ONLINE", scores = Scores, overall = "VERY_SATISFIED" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        var twice = await portal.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250311-0003", channel = "ONLINE", scores = Scores, overall = "SATISFIED" });
        (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(EvaluationErrorCodes.AlreadyRated);
        var paper = await desk.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250311-0003", channel = "PAPER", scores = Scores, overall = "SATISFIED" });
        paper.StatusCode.ShouldBe(HttpStatusCode.Created);
        // The officer's "online" form is a second paper rating of the dossier: refused like any second rating on a channel.
        var claimed = await desk.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250311-0003", channel = "ONLINE", scores = Scores, overall = "SATISFIED" });
        (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(EvaluationErrorCodes.AlreadyRated);

        var invalid = await desk.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250311-0003", channel = "PAPER", scores = new[] { 3, 2 }, overall = "SO-SO" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("Scores")[0].GetString()!.ShouldContain("9 tiêu chí");

        // A sibling ward's desk cannot rate a dossier it cannot see.
        var sibling = await (await fx.SignInAsync("motcua.binhhan")).PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250311-0003", channel = "KIOSK", scores = Scores, overall = "SATISFIED" });
        sibling.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // the kiosk channel is the kiosk page's
    }

    [Fact]
    public async Task An_English_reader_gets_English_messages_with_the_same_codes()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        desk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var invalid = await desk.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10507-250313-0005", channel = "PAPER", scores = new[] { 3, 2 }, overall = "SO-SO" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("title").GetString().ShouldBe("The data is not valid.");
        problem.GetProperty("errors").GetProperty("Scores")[0].GetString().ShouldBe("Score all 9 criteria, each 2, 1 or 0 points.");

        // A rating out of reach: a precise text under the general code.
        var id = Guid.NewGuid();
        var missing = await desk.GetAsync($"{Api}/ratings/{id}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = await missing.Content.ReadFromJsonAsync<JsonElement>();
        notFound.GetProperty("code").GetString().ShouldBe(EvaluationErrorCodes.DossierNotFound);
        notFound.GetProperty("title").GetString().ShouldBe("No rating was found within your scope.");

        // Vietnamese stays the default.
        var vietnamese = await (await fx.SignInAsync("motcua.camthuong")).GetAsync($"{Api}/ratings/{id}");
        (await vietnamese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Không tìm thấy phiếu đánh giá trong phạm vi của bạn.");
    }

    [Fact]
    public async Task The_rating_chain_detects_an_edited_rating()
    {
        await DossierAsync("MC10510-250312-0004", DossierStatuses.Returned, "10510");
        var desk = await fx.SignInAsync("motcua.binhhan");
        (await desk.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10510-250312-0004", channel = "PAPER", scores = Scores, overall = "DISSATISFIED" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = await fx.SignInAsync("admin");
        (await admin.GetFromJsonAsync<JsonElement>($"{Api}/ratings/verify")).GetProperty("valid").GetBoolean().ShouldBeTrue();

        await using (var connection = new NpgsqlConnection(fx.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("""UPDATE evaluation."Ratings" SET "Overall" = 'VERY_SATISFIED' WHERE "DossierCode" = 'MC10510-250312-0004'""", connection);
            (await tamper.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var broken = await admin.GetFromJsonAsync<JsonElement>($"{Api}/ratings/verify");
        broken.GetProperty("valid").GetBoolean().ShouldBeFalse();
        broken.GetProperty("reason").GetString()!.ShouldContain("bị thay đổi");
        await using (var connection = new NpgsqlConnection(fx.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var restore = new NpgsqlCommand("""UPDATE evaluation."Ratings" SET "Overall" = 'DISSATISFIED' WHERE "DossierCode" = 'MC10510-250312-0004'""", connection);
            await restore.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Complaints_are_received_answered_with_handling_time_and_outcome_and_stay_in_the_unit()
    {
        // Thursday before Tết Bính Ngọ: 10 working days skip 16–20/2/2026 and the weekends.
        fx.Clock.SetVietnamTime(2026, 2, 12, 9);
        try
        {
            await ComplaintFlowAsync();
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    private async Task ComplaintFlowAsync()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var created = await desk.PostAsJsonAsync($"{Api}/complaints/", new
        {
            channel = "DESK", subject = "Chờ quá lâu tại quầy", content = "Tôi phải chờ hơn một giờ để nộp hồ sơ khai sinh.", applicantName = "Trần Thị Bình", contact = "0912345678",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var complaint = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = complaint.GetProperty("id").GetGuid();
        complaint.GetProperty("code").GetString()!.ShouldStartWith("PAKN-");
        complaint.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 5, 2, 0, 0, TimeSpan.Zero)); // 09:00 Thursday 5/3 in Vietnam

        (await (await fx.SignInAsync("motcua.binhhan")).PostAsJsonAsync($"{Api}/complaints/{id}/resolve", new { outcome = "ACCEPTED", answer = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var resolved = await desk.PostAsJsonAsync($"{Api}/complaints/{id}/resolve", new { outcome = "ACCEPTED", answer = "Đã bố trí thêm quầy tiếp nhận giờ cao điểm.", applicantSatisfied = true });
        resolved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("onTime").GetBoolean().ShouldBeTrue();
        body.GetProperty("handlingHours").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        (await desk.PostAsJsonAsync($"{Api}/complaints/{id}/resolve", new { outcome = "ACCEPTED", answer = "lần hai" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await (await fx.SignInAsync("lanhdao.tphd")).GetFromJsonAsync<JsonElement>($"{Api}/complaints/?status=resolved")).GetProperty("items").EnumerateArray()
            .Any(c => c.GetProperty("id").GetGuid() == id).ShouldBeTrue();
        (await (await fx.SignInAsync("motcua.binhhan")).GetFromJsonAsync<JsonElement>($"{Api}/complaints/")).GetProperty("items").EnumerateArray()
            .Any(c => c.GetProperty("id").GetGuid() == id).ShouldBeFalse();
        (await desk.GetStringAsync("/Evaluation/Complaints")).ShouldContain("Chờ quá lâu tại quầy");
    }
}
