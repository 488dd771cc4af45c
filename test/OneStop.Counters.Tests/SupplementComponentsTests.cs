using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// Thành phần hồ sơ cần bổ sung: a supplement request (Mẫu 02) names the procedure's components asked for — ticked on
/// the dossier page or sent as document-type codes to the API, checked against the dossier's procedure (an unknown code
/// is a 400 with a stable code and changes nothing) —, keeps them with the request, publishes them with the event (for
/// the national portal) and shows their names to the citizen on "Hồ sơ của tôi" beside the reason.
/// </summary>
public sealed class SupplementComponentsTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private async Task<(Guid Id, string Code)> NewDossierAsync(HttpClient desk, string identity, string name)
    {
        var created = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity, name, phone = "0918000222" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("code").GetString()!);
    }

    private Task<T> Counters<T>(Func<CountersDbContext, Task<T>> read) => fx.AsSystemAsync(sp => read(sp.GetRequiredService<CountersDbContext>()));

    private Task<List<List<string>>> AskedAsync(Guid id) => Counters(db => db.Set<Domain.Dossiers.DossierClockStop>().AsNoTracking()
        .Where(s => s.DossierId == id && s.Cause == DossierTransitions.SupplementRequested).OrderBy(s => s.From).Select(s => s.ComponentsAsked).ToListAsync());

    [Fact]
    public async Task The_api_takes_the_procedures_component_codes_refuses_an_unknown_one_and_the_citizen_sees_their_names()
    {
        const string identity = "030090006701";
        var desk = await fx.SignInAsync("motcua.camthuong");
        var (id, code) = await NewDossierAsync(desk, identity, "Vũ Thị Lan");

        // A code that is not one of Đăng ký khai sinh's components: 400, a stable code, a Vietnamese message, nothing applied.
        var refused = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/request-supplement",
            new { reason = "Bổ sung giấy chứng sinh", componentsAsked = new[] { "YT-GCS", "XX-KHONG-CO" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.SupplementComponentUnknown);
        problem.GetProperty("title").GetString()!.ShouldContain("XX-KHONG-CO");
        (await AskedAsync(id)).ShouldBeEmpty();
        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}")).GetProperty("status").GetString().ShouldNotBe(DossierStatuses.SupplementRequested);

        // Too many or too long codes are a validation error before the procedure is read.
        var malformed = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/request-supplement",
            new { reason = "Bổ sung", componentsAsked = new[] { new string('X', 65) } });
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The procedure's codes (the optional one too), in any order and repeated: kept once each in the procedure's order.
        var asked = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/request-supplement",
            new { reason = "Bổ sung bản sao có chứng thực", componentsAsked = new[] { "VB-UQ", "YT-GCS", "VB-UQ" } });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        (await AskedAsync(id)).ShouldHaveSingleItem().ShouldBe(["YT-GCS", "VB-UQ"]);

        // The event carries them (the national portal's supplement request is built from it).
        var payloads = await Counters(db => db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(nameof(DossierChanged)) && m.Payload.Contains(code))
            .Select(m => m.Payload).ToListAsync());
        static JsonElement Property(JsonElement e, string name) => e.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
        var requested = payloads.Select(p => JsonDocument.Parse(p).RootElement)
            .Single(p => Property(p, "Transition").GetString() == DossierTransitions.SupplementRequested);
        Property(requested, "ComponentsAsked").EnumerateArray().Select(c => c.GetString()).ShouldBe(["YT-GCS", "VB-UQ"]);

        // The citizen reads the reason and the components by name.
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Vũ Thị Lan");
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync("/Portal/MyDossiers"));
        page.ShouldContain("Bổ sung bản sao có chứng thực");
        page.ShouldContain("data-testid=\"my-dossier-supplement-components\"");
        page.ShouldContain("Giấy chứng sinh (hoặc văn bản của người làm chứng / giấy cam đoan về việc sinh)");
        page.ShouldContain("Văn bản ủy quyền có chứng thực (nếu đăng ký thay)");
        page.ShouldNotContain("Tờ khai đăng ký khai sinh theo mẫu</li>");
    }

    [Fact]
    public async Task The_dossier_page_offers_the_procedures_components_as_checkboxes_and_keeps_those_ticked()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var (id, _) = await NewDossierAsync(desk, "030090006702", "Ngô Văn Bình");
        var page = $"/Counters/Dossiers/Detail?id={id}";
        var html = WebUtility.HtmlDecode(await desk.GetStringAsync(page));
        html.ShouldContain("data-testid=\"supplement-components\"");
        html.ShouldContain("value=\"YT-GCS\"");
        html.ShouldContain("Giấy chứng sinh (hoặc văn bản của người làm chứng / giấy cam đoan về việc sinh)");

        var posted = await desk.PostAsync(page, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OneStopFactory.AntiforgeryToken(html)),
            new("act", "request-supplement"),
            new("Reason", "Bổ sung tờ khai và giấy chứng sinh"),
            new("ComponentsAsked", "HT-TK-KS"),
            new("ComponentsAsked", "YT-GCS"),
        ]));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AskedAsync(id)).ShouldHaveSingleItem().ShouldBe(["HT-TK-KS", "YT-GCS"]);
    }
}
