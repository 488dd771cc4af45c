using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// A signed-in citizen's own rating and complaints on the portal (issue 18 item 4, ADR 0050), over the test server:
/// the rating of a returned dossier is stored once with channel ONLINE and the citizen (masked VNeID) as author — not
/// an officer — and the satisfaction KPI counts it as online; complaints about a dossier go to its unit, general ones
/// to the province, under the verified name and contact, and the citizen reads the answers. Another citizen gets 404
/// for the dossier and sees none of it.
/// </summary>
public sealed class CitizenFeedbackTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Page = "/Portal/MyDossiers";
    private const string Complaints = "/Portal/MyComplaints";
    private static readonly int[] Scores = [2, 2, 1, 2, 2, 2, 2, 1, 2];

    /// <summary>A dossier of Cẩm Thượng ward filed for <paramref name="identity"/>, returned at the desk; its events relayed to Evaluation.</summary>
    private async Task<string> ReturnedDossierAsync(string identity, string name)
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var created = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity, name },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
        var id = dossier.GetProperty("id").GetGuid();
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        (await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Đã cấp giấy khai sinh" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/return", new { method = "DESK" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RelayAllAsync();
        return dossier.GetProperty("code").GetString()!;
    }

    private async Task RelayAllAsync()
    {
        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        for (var i = 0; i < 20 && await relay.RelayOnceAsync() > 0; i++)
        {
        }
    }

    private static Dictionary<string, string> RatingForm(string code)
    {
        var fields = new Dictionary<string, string> { ["code"] = code, ["overall"] = OverallRatings.Satisfied, ["comment"] = "Cán bộ hướng dẫn tận tình" };
        for (var i = 0; i < Scores.Length; i++)
        {
            fields[$"scores[{i}]"] = Scores[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private Task<List<Rating>> RatingsAsync(string code) => fx.AsSystemAsync(sp =>
        sp.GetRequiredService<EvaluationDbContext>().Ratings.IgnoreQueryFilters().AsNoTracking().Where(r => r.DossierCode == code).ToListAsync());

    [Fact]
    public async Task The_citizen_rates_a_returned_dossier_once_as_online_with_themselves_as_author_and_the_kpi_counts_it()
    {
        const string identity = "030090007701";
        var code = await ReturnedDossierAsync(identity, "Vũ Thị Lan");
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Vũ Thị Lan");
        var page = await citizen.GetStringAsync(Page);
        page.ShouldContain("data-testid=\"my-dossier-rate\"");
        page.ShouldContain("Thái độ của cán bộ, công chức");

        // Incomplete (eight criteria): refused with the message, nothing stored.
        var incomplete = RatingForm(code);
        incomplete.Remove("scores[8]");
        var refused = await OneStopFactory.PostFormAsync(citizen, Page, Page + "?handler=Rate", incomplete);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"my-dossier-error\"");
        (await RatingsAsync(code)).ShouldBeEmpty();

        // Another citizen with the exact code: 404, nothing stored.
        var other = await CitizenSignIn.SignInAsync(fx, "030090007702", "Ngô Văn Tú");
        (await OneStopFactory.PostFormAsync(other, Page, Page + "?handler=Rate", RatingForm(code))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RatingsAsync(code)).ShouldBeEmpty();

        var rated = await OneStopFactory.PostFormAsync(citizen, Page, Page + "?handler=Rate", RatingForm(code));
        rated.StatusCode.ShouldBe(HttpStatusCode.Redirect, await rated.Content.ReadAsStringAsync());
        var rating = (await RatingsAsync(code)).ShouldHaveSingleItem();
        (rating.Channel, rating.ClaimedChannel, rating.Overall, rating.Points, rating.Scores).ShouldBe((RatingChannels.Online, null, OverallRatings.Satisfied, 16, "221222212"));
        rating.CreatedBy.ShouldBe("VNeID ••••7701");
        (await citizen.GetStringAsync(Page)).ShouldContain("Bạn đã đánh giá: Hài lòng (16/18 điểm).");
        (await fx.Services.CreateScope().ServiceProvider.GetRequiredService<ICitizenFeedbackApi>().RatingsAsync([code]))[code].Author.ShouldBe("VNeID ••••7701");

        // Once per dossier: a second rating is refused, the first stands.
        (await OneStopFactory.PostFormAsync(citizen, Page, Page + "?handler=Rate", RatingForm(code))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await RatingsAsync(code)).Count.ShouldBe(1);

        // The satisfaction KPI of the ward counts it, as an online rating.
        var year = KpiPeriod.ForYear(VietnamTime.Today(fx.Clock).Year);
        var calculator = (Func<IServiceProvider, SatisfactionCalculator>)(sp => sp.GetServices<IKpiCalculator>().OfType<SatisfactionCalculator>().Single());
        var rows = await fx.AsSystemAsync(sp => calculator(sp).ComputeAsync(year));
        var satisfaction = rows.Single(r => r.KpiCode == KpiCodes.Satisfaction && r.UnitPath == rating.UnitPath);
        (satisfaction.Numerator, satisfaction.Denominator).ShouldBe((1m, 1m));
        var details = await fx.AsSystemAsync(sp => calculator(sp).DetailsAsync(KpiCodes.Satisfaction, year, rating.UnitPath, 10));
        details.Single(d => d.Code == code).Title.ShouldEndWith("· " + RatingChannels.Online);
    }

    [Fact]
    public async Task The_citizen_complains_about_their_dossier_and_in_general_and_reads_the_answer_and_nobody_else_sees_them()
    {
        const string identity = "030090007711";
        var code = await ReturnedDossierAsync(identity, "Bùi Văn Nam");
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Bùi Văn Nam");
        (await citizen.GetStringAsync(Complaints)).ShouldContain("data-testid=\"my-complaints-empty\"");

        // About the dossier: its ward receives it, from the verified name and phone (the form's fields for them are ignored).
        var about = await OneStopFactory.PostFormAsync(citizen, Complaints + "?code=" + code, Complaints, new()
        {
            ["Code"] = code, ["Subject"] = "Trả kết quả chậm", ["Text"] = "Tôi phải đến hai lần mới nhận được kết quả.", ["applicantName"] = "Người khác",
        });
        about.StatusCode.ShouldBe(HttpStatusCode.Redirect, await about.Content.ReadAsStringAsync());
        var general = await OneStopFactory.PostFormAsync(citizen, Complaints, Complaints, new() { ["Subject"] = "Cổng dịch vụ công", ["Text"] = "Nên có hướng dẫn bằng video." });
        general.StatusCode.ShouldBe(HttpStatusCode.Redirect, await general.Content.ReadAsStringAsync());

        var stored = await fx.AsSystemAsync(sp => sp.GetRequiredService<EvaluationDbContext>().Complaints.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CreatedBy == "VNeID ••••7711").OrderBy(c => c.ReceivedAt).ToListAsync());
        stored.Count.ShouldBe(2);
        stored.ShouldAllBe(c => c.Channel == "ONLINE" && c.ApplicantName == "Bùi Văn Nam" && c.Contact == "0912000111");
        stored[0].DossierCode.ShouldBe(code);
        stored[1].DossierCode.ShouldBeNull();
        stored[1].UnitPath.Length.ShouldBeLessThan(stored[0].UnitPath.Length); // the province, above the ward

        // Bad input: no subject — the Vietnamese message, nothing stored.
        var empty = await OneStopFactory.PostFormAsync(citizen, Complaints, Complaints, new() { ["Subject"] = "", ["Text"] = "x" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"my-complaint-error\"");

        // The ward's desk answers the one about the dossier; the citizen reads the answer.
        var desk = await fx.SignInAsync("motcua.camthuong");
        var listed = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/complaints/?code={stored[0].Code}");
        var id = listed.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        (await desk.PostAsJsonAsync($"/api/v1/evaluation/complaints/{id}/resolve", new { outcome = "ACCEPTED", answer = "Đã nhắc nhở bộ phận trả kết quả." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var mine = await citizen.GetStringAsync(Complaints);
        mine.ShouldContain("Trả kết quả chậm");
        mine.ShouldContain("Đã nhắc nhở bộ phận trả kết quả.");
        mine.ShouldContain("Nên có hướng dẫn bằng video.");

        // Another citizen: none of it on their page, and the dossier is not theirs to complain about (404, nothing stored).
        var other = await CitizenSignIn.SignInAsync(fx, "030090007712", "Đặng Thị Hà");
        var theirs = await other.GetStringAsync(Complaints);
        theirs.ShouldNotContain("Trả kết quả chậm");
        theirs.ShouldContain("data-testid=\"my-complaints-empty\"");
        (await OneStopFactory.PostFormAsync(other, Complaints, Complaints, new() { ["Code"] = code, ["Subject"] = "x", ["Text"] = "y" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<EvaluationDbContext>().Complaints.IgnoreQueryFilters().CountAsync(c => c.DossierCode == code))).ShouldBe(1);
    }
}
