using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Evaluation.Infrastructure;
using OneStop.Evaluation.Infrastructure.Migrations;
using OneStop.Platform.Domain;
using OneStop.Platform.Identity;
using OneStop.Platform.Kpis;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// A rating's channel is where the applicant gave it (ADR 0031): the kiosk page's are kiosk ratings, the portal's (a
/// system with a client token) online, and whatever an officer types in is paper — even when the form says online.
/// Ratings an officer recorded as online before are moved to paper by the migration's SQL, and the chain still holds.
/// </summary>
public sealed class RatingChannelTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Api = "/api/v1/evaluation";
    private const string PortalClient = "cong-dvc-danhgia";
    private const string PortalSecret = "danhgia-secret-2025";
    private static int[] Scores => [2, 2, 1, 2, 2, 2, 2, 1, 2];

    /// <summary>Delivers a Counters <see cref="DossierChanged"/> to Evaluation's handler, as the outbox relay would.</summary>
    private Task<DossierSnapshot> DossierAsync(string code, string status, string unitCode) =>
        fx.AsSystemAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<OneStop.Platform.AdministrativeUnits.IAdministrativeUnitDirectory>().FindByCodeAsync(unitCode))!;
            var now = fx.Clock.GetUtcNow();
            var returned = status == DossierStatuses.Returned;
            var dossier = new DossierSnapshot(Guid.NewGuid(), code, "1.001193", "Đăng ký khai sinh", "ho-tich", DossierChannels.Direct, status, ApplicantKinds.Citizen,
                "030090001234", "Nguyễn Văn An", null, unit.Id, unit.Path, unit.Id, unit.Path, unit.Id, now.AddDays(-3), now.AddDays(-3), now.AddDays(2),
                returned ? now.AddHours(-2) : null, returned ? now.AddHours(-1) : null, returned ? ReturnMethods.Desk : null, false, [], null, 1);
            using var _ = sp.GetRequiredService<ICurrentScope>().Change(new UnitScope(Guid.Empty, unit.Path, ""), null, "event:test");
            await sp.GetRequiredService<RatedDossierProjection>().HandleAsync(new DossierChanged(dossier, DossierTransitions.Received, null, null, "test") { UnitPath = unit.Path }, CancellationToken.None);
            return dossier;
        });

    /// <summary>The national portal, registered as an API client of the province allowed to send ratings.</summary>
    private async Task<HttpClient> PortalAsync()
    {
        await fx.AsSystemAsync(async sp =>
        {
            await ApiClientRegistrar.RegisterAsync(sp, PortalClient, PortalSecret, "Cổng Dịch vụ công (đánh giá)", "30", [EvaluationPermissions.Ratings]);
            return 0;
        });
        return await fx.ApiClientAsync(PortalClient, PortalSecret);
    }

    private static async Task<JsonElement> CreatedAsync(Task<HttpResponseMessage> post)
    {
        var response = await post;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_officers_online_rating_is_paper_and_only_what_the_applicant_gave_online_is_online()
    {
        // Bình Hàn ward (10510), four returned dossiers rated once each.
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            await DossierAsync($"MC10510-260401-000{n}", DossierStatuses.Returned, "10510");
        }

        var portal = await PortalAsync();
        var desk = await fx.SignInAsync("motcua.binhhan");
        var online = await CreatedAsync(portal.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10510-260401-0001", channel = "ONLINE", scores = Scores, overall = "VERY_SATISFIED" }));
        online.GetProperty("channel").GetString().ShouldBe("ONLINE");
        online.GetProperty("claimedChannel").ValueKind.ShouldBe(JsonValueKind.Null);

        // The officer's form says "online": it is a paper rating, the claim kept beside it.
        var claimed = await CreatedAsync(desk.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10510-260401-0002", channel = "ONLINE", scores = Scores, overall = "DISSATISFIED" }));
        claimed.GetProperty("channel").GetString().ShouldBe("PAPER");
        claimed.GetProperty("claimedChannel").GetString().ShouldBe("ONLINE");
        var paper = await CreatedAsync(desk.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10510-260401-0003", channel = "PAPER", scores = Scores, overall = "SATISFIED" }));
        paper.GetProperty("channel").GetString().ShouldBe("PAPER");
        await fx.AsSystemAsync(sp => sp.GetRequiredService<RateHandler>().RateAsync(
            new RateRequest("MC10510-260401-0004", RatingChannels.Kiosk, Scores, OverallRatings.Satisfied, null), RatingSource.Kiosk, CancellationToken.None));

        // The applicant can still rate online a dossier an officer "rated online" for them.
        (await CreatedAsync(portal.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10510-260401-0002", channel = "ONLINE", scores = Scores, overall = "SATISFIED" })))
            .GetProperty("channel").GetString().ShouldBe("ONLINE");
        // Online still means after the result is returned — for the portal; an officer's paper form needs only reception.
        await DossierAsync("MC10510-260401-0005", DossierStatuses.Processing, "10510");
        var early = await portal.PostAsJsonAsync($"{Api}/ratings/", new { dossierCode = "MC10510-260401-0005", channel = "ONLINE", scores = Scores, overall = "SATISFIED" });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(EvaluationErrorCodes.NotYetRateable);

        // By hand, Circular 01/2018 and the plan: satisfied = very satisfied or satisfied, over every rating of the unit —
        // 0001 online VS, 0002 paper DIS + online S, 0003 paper S, 0004 kiosk S: 4 of 5; points 16 each: 80 of 90.
        // Given online (what an "online satisfaction" figure may count): 0001 and 0002's portal rating, 2 of 2 satisfied.
        var year = KpiPeriod.ForYear(VietnamTime.Today(fx.Clock).Year);
        var rows = await fx.AsSystemAsync(sp => sp.GetServices<IKpiCalculator>().OfType<SatisfactionCalculator>().Single().ComputeAsync(year));
        var unitPath = claimed.GetProperty("unitPath").GetString()!;
        var satisfaction = rows.Single(r => r.KpiCode == KpiCodes.Satisfaction && r.UnitPath == unitPath);
        (satisfaction.Numerator, satisfaction.Denominator).ShouldBe((4m, 5m));
        var criteria = rows.Single(r => r.KpiCode == KpiCodes.SatisfactionCriteria && r.UnitPath == unitPath);
        (criteria.Numerator, criteria.Denominator).ShouldBe((80m, 90m));
        var byChannel = await fx.AsSystemAsync(async sp => (await sp.GetRequiredService<EvaluationDbContext>().Ratings.IgnoreQueryFilters()
                .Where(r => r.UnitPath == unitPath).Select(r => new { r.Channel, r.Overall }).ToListAsync())
            .GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => (Count: g.Count(), Satisfied: g.Count(r => r.Overall != OverallRatings.Dissatisfied))));
        byChannel[RatingChannels.Online].ShouldBe((2, 2));
        byChannel[RatingChannels.Paper].ShouldBe((2, 1));
        byChannel[RatingChannels.Kiosk].ShouldBe((1, 1));

        var admin = await fx.SignInAsync("admin");
        (await admin.GetFromJsonAsync<JsonElement>($"{Api}/ratings/verify")).GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_staff_page_for_paper_forms_lists_returned_dossiers_and_records_a_paper_rating_counted_as_paper()
    {
        // Cẩm Thượng ward (10507): a returned dossier waiting for its paper form; one of a sibling ward is not offered.
        await DossierAsync("MC10507-260403-0001", DossierStatuses.Returned, "10507");
        await DossierAsync("MC10510-260403-0001", DossierStatuses.Returned, "10510");
        var desk = await fx.SignInAsync("motcua.camthuong");
        var page = await desk.GetStringAsync("/Evaluation/PaperRatings");
        page.ShouldContain("Nhập phiếu đánh giá giấy");
        page.ShouldContain("MC10507-260403-0001");
        page.ShouldNotContain("MC10510-260403-0001");

        // The sibling's dossier cannot be opened by its code either.
        (await desk.GetStringAsync("/Evaluation/PaperRatings?code=MC10510-260403-0001")).ShouldContain("Không tìm thấy hồ sơ MC10510-260403-0001");

        // An incomplete form is refused with a message and nothing saved.
        var incomplete = await OneStopFactory.PostFormAsync(desk, "/Evaluation/PaperRatings?code=MC10507-260403-0001", "/Evaluation/PaperRatings",
            new() { ["Code"] = "MC10507-260403-0001", ["Overall"] = "SATISFIED", ["Scores[0]"] = "2" });
        incomplete.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await incomplete.Content.ReadAsStringAsync()).ShouldContain("Xin chấm đủ 9 tiêu chí");

        var fields = new Dictionary<string, string> { ["Code"] = "MC10507-260403-0001", ["Overall"] = "DISSATISFIED", ["Comment"] = "Chờ lâu" };
        for (var i = 0; i < Scores.Length; i++)
        {
            fields[$"Scores[{i}]"] = Scores[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var saved = await OneStopFactory.PostFormAsync(desk, "/Evaluation/PaperRatings?code=MC10507-260403-0001", "/Evaluation/PaperRatings", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await desk.GetStringAsync("/Evaluation/PaperRatings");
        after.ShouldContain("Đã lưu phiếu đánh giá giấy của hồ sơ MC10507-260403-0001");
        after.ShouldContain("data-testid=\"paper-line\"");
        (await desk.GetAsync("/Evaluation/PaperRatings?p=9")).StatusCode.ShouldBe(HttpStatusCode.OK); // past the last page: the last page

        var rating = await fx.AsSystemAsync(async sp => await sp.GetRequiredService<EvaluationDbContext>().Ratings.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.DossierCode == "MC10507-260403-0001"));
        (rating.Channel, rating.Overall, rating.Points, rating.Comment).ShouldBe((RatingChannels.Paper, OverallRatings.Dissatisfied, 16, "Chờ lâu"));

        // Entered once: the same form again is refused with the reason.
        var again = await OneStopFactory.PostFormAsync(desk, "/Evaluation/PaperRatings?code=MC10507-260403-0001", "/Evaluation/PaperRatings", fields);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("paper-error");
    }

    [Fact]
    public async Task The_migration_moves_ratings_officers_recorded_as_online_to_paper_and_reseals_the_chain()
    {
        // Data as it was before: Cẩm Thượng's officer recorded two "online" ratings (one for a dossier that also has a
        // paper form), and the portal one real online rating. The handler is driven as the old endpoint did: the
        // channel the form said, under the officer's identity (the audit trail keeps the user id).
        foreach (var n in new[] { 1, 2, 3 })
        {
            await DossierAsync($"MC10507-260402-000{n}", DossierStatuses.Returned, "10507");
        }

        var officer = Guid.NewGuid();
        await fx.AsSystemAsync(async sp =>
        {
            var handler = sp.GetRequiredService<RateHandler>();
            using (sp.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, officer, "motcua.camthuong"))
            {
                await handler.RateAsync(new RateRequest("MC10507-260402-0001", RatingChannels.Online, Scores, OverallRatings.Satisfied, null), RatingSource.Portal, CancellationToken.None);
                await handler.RateAsync(new RateRequest("MC10507-260402-0002", RatingChannels.Online, Scores, OverallRatings.Satisfied, null), RatingSource.Portal, CancellationToken.None);
                await handler.RateAsync(new RateRequest("MC10507-260402-0002", RatingChannels.Paper, Scores, OverallRatings.Dissatisfied, null), RatingSource.Staff, CancellationToken.None);
            }

            return await handler.RateAsync(new RateRequest("MC10507-260402-0003", RatingChannels.Online, Scores, OverallRatings.VerySatisfied, "Nhanh"), RatingSource.Portal, CancellationToken.None);
        });
        // A kiosk rating after them, so the reseal has something to carry on to.
        await fx.AsSystemAsync(sp => sp.GetRequiredService<RateHandler>().RateAsync(
            new RateRequest("MC10507-260402-0003", RatingChannels.Kiosk, Scores, OverallRatings.Satisfied, null), RatingSource.Kiosk, CancellationToken.None));

        await MigrateAsync();
        var ratings = await RatingsAsync();
        ratings.Single(r => r.DossierCode == "MC10507-260402-0001").ShouldSatisfyAllConditions(
            r => r.Channel.ShouldBe(RatingChannels.Paper), r => r.ClaimedChannel.ShouldBe(RatingChannels.Online), r => r.IsDeleted.ShouldBeFalse());
        var second = ratings.Where(r => r.DossierCode == "MC10507-260402-0002").ToList();
        second.Single(r => r.Channel == RatingChannels.Online).IsDeleted.ShouldBeTrue(); // a paper form already stood for it
        second.Single(r => r.Channel == RatingChannels.Paper).IsDeleted.ShouldBeFalse();
        ratings.Single(r => r.DossierCode == "MC10507-260402-0003" && r.Channel != RatingChannels.Kiosk).ShouldSatisfyAllConditions(
            r => r.Channel.ShouldBe(RatingChannels.Online), r => r.ClaimedChannel.ShouldBeNull()); // the portal's stays online
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<RateHandler>().VerifyAsync(CancellationToken.None))).Valid.ShouldBeTrue();

        // Run again: nothing left to move, nothing changes.
        var hashes = (await RatingsAsync()).Select(r => r.Hash).ToList();
        await MigrateAsync();
        (await RatingsAsync()).Select(r => r.Hash).ShouldBe(hashes);

        // A broken chain stops it rather than being sealed over.
        await DossierAsync("MC10507-260402-0004", DossierStatuses.Returned, "10507");
        await fx.AsSystemAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, officer, "motcua.camthuong");
            return await sp.GetRequiredService<RateHandler>().RateAsync(
                new RateRequest("MC10507-260402-0004", RatingChannels.Online, Scores, OverallRatings.Satisfied, null), RatingSource.Portal, CancellationToken.None);
        });
        await ExecuteAsync("""UPDATE evaluation."Ratings" SET "Overall" = 'VERY_SATISFIED' WHERE "DossierCode" = 'MC10507-260402-0001'""");
        try
        {
            var failure = await Should.ThrowAsync<PostgresException>(MigrateAsync);
            failure.MessageText.ShouldContain("rating chain is broken");
            (await RatingsAsync()).Single(r => r.DossierCode == "MC10507-260402-0004").Channel.ShouldBe(RatingChannels.Online); // nothing half-applied
        }
        finally
        {
            await ExecuteAsync("""UPDATE evaluation."Ratings" SET "Overall" = 'SATISFIED' WHERE "DossierCode" = 'MC10507-260402-0001'""");
        }

        await MigrateAsync();
        (await RatingsAsync()).Single(r => r.DossierCode == "MC10507-260402-0004").Channel.ShouldBe(RatingChannels.Paper);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<RateHandler>().VerifyAsync(CancellationToken.None))).Valid.ShouldBeTrue();
    }

    /// <summary>
    /// The migration ran before audit records were sealed after the write (ADR 0047), when every record was in the
    /// chain: the trail is sealed first, as it was then.
    /// </summary>
    private async Task MigrateAsync()
    {
        await fx.SealAuditAsync<EvaluationDbContext>();
        await ExecuteAsync(RatingChannelWhereGiven.MoveStaffOnlineRatingsToPaper);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fx.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<List<Rating>> RatingsAsync() => fx.AsSystemAsync(sp =>
        sp.GetRequiredService<EvaluationDbContext>().Ratings.IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.Seq).ToListAsync());
}
