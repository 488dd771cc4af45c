using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.Platform.Web;

namespace OneStop.Counters.Tests;

/// <summary>
/// Location-independent reception follows the decisions recorded (issue 16 item 3): a desk receives another unit's
/// procedure only while a decision in force lists it for the desk's unit; bad decisions are refused whole; the public
/// list and the signed PDF need no login.
/// </summary>
public abstract class LocationIndependentDecisionTests<TFactory> where TFactory : OneStopFactory
{
    private const string Admin = "admin";
    private const string DeskB = "motcua.binhhan";     // Phường Bình Hàn (10510), a sibling of Cẩm Thượng (10507)
    private const string Api = "/api/v1/counters/catalogue/location-independent-decisions";
    private readonly TFactory fx;

    protected LocationIndependentDecisionTests(TFactory fx)
    {
        this.fx = fx;
        fx.Clock.SetVietnamTime(2025, 3, 10, 9); // a working Monday before the 2025 reorganisation: the 2021 wards exist
    }

    private Task<T> Counters<T>(Func<CountersDbContext, Task<T>> query) =>
        fx.AsSystemAsync(sp => query(sp.GetRequiredService<CountersDbContext>()));

    private Task<Guid> UnitId(string code) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits
            .Where(u => u.Code == code).OrderBy(u => u.ValidFrom).Select(u => u.Id).FirstAsync());

    /// <summary>
    /// A commune procedure outside civil status (so the sample decision does not list it), receivable without components;
    /// each test takes its own (<paramref name="nth"/>), as the tests of a class share one database.
    /// </summary>
    private Task<string> OrdinaryCommuneProcedure(int nth) => Counters(db => db.Procedures
        .Where(p => p.AtCommune && !p.Field.Contains("Hộ tịch") && p.LegalTimes.Any(t => t.Channel == "DIRECT") && !p.Components.Any(c => c.Required))
        .OrderBy(p => p.Code).Select(p => p.Code).Skip(nth).FirstAsync());

    private static async Task<JsonElement> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static object Decision(string number, string[] codes, Guid[]? units = null, string effectiveFrom = "2025-03-10", string? effectiveTo = null) => new
    {
        number, signedOn = "2025-03-01", signer = "Chủ tịch Trần Văn Ba", title = "Công bố danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính",
        effectiveFrom, effectiveTo, wholeProvince = units is null, unitIds = units ?? [], procedureCodes = codes,
    };

    private static object Intake(string code, Guid resolvingUnitId) => new
    {
        procedureCode = code, applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" }, resolvingUnitId,
    };

    [Fact]
    public async Task A_desk_receives_another_units_procedure_only_while_a_decision_lists_it_for_its_unit()
    {
        var code = await OrdinaryCommuneProcedure(0);
        var wardA = await UnitId("10507");
        var wardB = await UnitId("10510");
        var desk = await fx.SignInAsync(DeskB);
        var admin = await fx.SignInAsync(Admin);

        (await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, wardA)), HttpStatusCode.BadRequest))
            .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.NotLocationIndependent);

        // A decision for another ward does not open Bình Hàn's desk; one that names Bình Hàn does, from its effective date.
        var elsewhere = await Body(await admin.PostAsJsonAsync(Api, Decision("101/QĐ-UBND", [code], [wardA])), HttpStatusCode.Created);
        (await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, wardA))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var later = await Body(await admin.PostAsJsonAsync(Api, Decision("102/QĐ-UBND", [code], [wardB], effectiveFrom: "2025-03-11")), HttpStatusCode.Created);
        (await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, wardA))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A day later (sessions last 8 hours: sign in again, as the desk does every morning).
        fx.Clock.SetVietnamTime(2025, 3, 11, 9);
        (desk, admin) = (await fx.SignInAsync(DeskB), await fx.SignInAsync(Admin));
        var received = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, wardA)), HttpStatusCode.Created);
        received.GetProperty("resolvingUnitId").GetGuid().ShouldBe(wardA);

        // Ended (replaced) from 12/3: the desk is closed to it again; the record and its history stay.
        var ended = await Body(await admin.PutAsJsonAsync($"{Api}/{later.GetProperty("id").GetGuid()}",
            Decision("102/QĐ-UBND", [code], [wardB], effectiveFrom: "2025-03-11", effectiveTo: "2025-03-12")), HttpStatusCode.OK);
        ended.GetProperty("inForce").GetBoolean().ShouldBeTrue(); // on 11/3, today
        fx.Clock.SetVietnamTime(2025, 3, 12, 9);
        (desk, admin) = (await fx.SignInAsync(DeskB), await fx.SignInAsync(Admin));
        (await admin.GetFromJsonAsync<JsonElement>($"{Api}/{later.GetProperty("id").GetGuid()}")).GetProperty("inForce").GetBoolean().ShouldBeFalse();
        (await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, wardA)), HttpStatusCode.BadRequest))
            .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.NotLocationIndependent);

        var listed = await admin.GetFromJsonAsync<JsonElement>($"{Api}?on=2025-03-11&inForce=true");
        listed.EnumerateArray().Select(d => d.GetProperty("number").GetString()).ShouldContain("102/QĐ-UBND");
        (await admin.DeleteAsync($"{Api}/{elsewhere.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"{Api}/{elsewhere.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_decision_is_refused_whole_with_a_clear_message_in_the_readers_language()
    {
        var admin = await fx.SignInAsync(Admin);
        var before = await Counters(db => db.LocationIndependentDecisions.CountAsync());

        var empty = await Body(await admin.PostAsJsonAsync(Api, Decision("201/QĐ-UBND", [])), HttpStatusCode.BadRequest);
        empty.GetProperty("code").GetString().ShouldBe(PlatformErrorCodes.ValidationFailed);
        empty.GetProperty("errors").GetProperty("ProcedureCodes")[0].GetString().ShouldBe("Quyết định phải có ít nhất một thủ tục hành chính trong danh mục.");

        var unknown = await Body(await admin.PostAsJsonAsync(Api, Decision("202/QĐ-UBND", ["1.001193", "9.999999"])), HttpStatusCode.BadRequest);
        unknown.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.DecisionInvalid);
        unknown.GetProperty("title").GetString().ShouldBe("Có 1 mã thủ tục không có trong danh mục: 9.999999.");

        var backwards = await Body(await admin.PostAsJsonAsync(Api, Decision("203/QĐ-UBND", ["1.001193"], effectiveFrom: "2025-02-01")), HttpStatusCode.BadRequest);
        backwards.GetProperty("errors").GetProperty("EffectiveFrom")[0].GetString().ShouldBe("Ngày có hiệu lực không được trước ngày ký.");

        using var english = new HttpRequestMessage(HttpMethod.Post, Api) { Content = JsonContent.Create(Decision("204/QĐ-UBND", [], [])) };
        english.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var problem = await Body(await admin.SendAsync(english), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("ProcedureCodes")[0].GetString().ShouldBe("The decision must list at least one procedure.");
        problem.GetProperty("errors").GetProperty("UnitIds")[0].GetString().ShouldBe("Choose the units where it applies, or the whole province.");

        (await Counters(db => db.LocationIndependentDecisions.CountAsync())).ShouldBe(before);
        (await (await fx.SignInAsync(DeskB)).PostAsJsonAsync(Api, Decision("205/QĐ-UBND", ["1.001193"]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_public_list_and_the_signed_pdf_need_no_login_and_a_file_that_is_not_a_pdf_is_refused()
    {
        var code = await OrdinaryCommuneProcedure(1);
        var admin = await fx.SignInAsync(Admin);
        var created = await Body(await admin.PostAsJsonAsync(Api, Decision("301/QĐ-UBND", [code], effectiveFrom: "2025-03-10")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        using (var fake = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("not a pdf at all")), "file", "qd.pdf" } })
        {
            (await Body(await admin.PutAsync($"{Api}/{id}/signed-pdf", fake), HttpStatusCode.BadRequest))
                .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.DecisionInvalid);
        }

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        using (var real = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "301-QD-UBND.pdf" } })
        {
            (await Body(await admin.PutAsync($"{Api}/{id}/signed-pdf", real), HttpStatusCode.OK)).GetProperty("signedPdfName").GetString().ShouldBe("301-QD-UBND.pdf");
        }

        var anonymous = fx.CreateClient();
        (await anonymous.GetByteArrayAsync($"/api/v1/counters/public/location-independent-decisions/{id}/signed-pdf")).ShouldBe(pdf);
        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/counters/public/location-independent-decisions?on=2025-03-10");
        list.EnumerateArray().Single(d => d.GetProperty("number").GetString() == "301/QĐ-UBND").GetProperty("procedures")[0].GetProperty("code").GetString().ShouldBe(code);
        var page = await anonymous.GetStringAsync($"/Counters/Public/LocationIndependent?on=2025-03-10&q={code}");
        page.ShouldContain("301/QĐ-UBND");
        page.ShouldContain($"data-code=\"{code}\"");
        (await anonymous.GetAsync($"{Api}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}

public sealed class PostgreSqlLocationIndependentDecisionTests(OneStopFactory factory)
    : LocationIndependentDecisionTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteLocationIndependentDecisionTests(SqliteOneStopFactory factory)
    : LocationIndependentDecisionTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
