using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>
/// The electronic result on "Hồ sơ của tôi" (issue 18 item 4, ADR 0050), over the test server: a dossier resolved at
/// Cẩm Thượng whose applicant chose the electronic result, its result digitised and signed by the ward; the citizen
/// downloads the signed PDF with the page's button, a POST (read back with PdfPig: the QR's verification address), the
/// public verification accepts it, the dossier counts as returned electronically under the citizen's name, and the
/// result is in the citizen's data store once, however often downloaded. The old GET address takes nothing; another
/// citizen gets 404.
/// </summary>
public sealed class CitizenResultTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Page = "/Portal/MyDossiers";

    private async Task RelayAllAsync()
    {
        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        for (var i = 0; i < 20 && await relay.RelayOnceAsync() > 0; i++)
        {
        }
    }

    /// <summary>The page's download button: a POST with the page's antiforgery token (ADR 0050 addendum).</summary>
    private static Task<HttpResponseMessage> TakeResultAsync(HttpClient citizen, string code) =>
        OneStopFactory.PostFormAsync(citizen, Page, $"{Page}?handler=Result", new() { ["code"] = code });

    [Fact]
    public async Task The_citizen_downloads_the_signed_result_whose_qr_verifies_and_it_is_returned_electronically_and_stored_once()
    {
        const string identity = "030090008801";
        var desk = await fx.SignInAsync("motcua.camthuong");
        var created = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity, name = "Lương Thị Mai" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
            returnMethod = ReturnMethods.Electronic,
        });
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
        var id = dossier.GetProperty("id").GetGuid();
        var code = dossier.GetProperty("code").GetString()!;
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        (await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Đã cấp giấy khai sinh" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RelayAllAsync();

        // The ward digitises the result from its scan queue and its leader signs it.
        var item = (await desk.GetFromJsonAsync<JsonElement>($"{Api}/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(q => q.GetProperty("dossierId").GetGuid() == id && q.GetProperty("kind").GetString() == DocumentKinds.Result);
        var result = await UploadAsync(desk, Pdf("Giấy khai sinh (bản chính) — Lương Thị Mai"), "giay-khai-sinh.pdf", new() { ["queueItemId"] = item.GetProperty("id").GetString()! });
        var resultId = result.GetProperty("id").GetGuid();
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Lương Thị Mai");
        (await citizen.GetStringAsync(Page)).ShouldNotContain("data-testid=\"my-dossier-result\""); // not signed yet: nothing to hand out
        using (var sign = await leader.PostAsync($"{Api}/documents/{resultId}/sign", null))
        {
            sign.StatusCode.ShouldBe(HttpStatusCode.OK, await sign.Content.ReadAsStringAsync());
        }

        var verificationCode = (await leader.GetFromJsonAsync<JsonElement>($"{Api}/documents/{resultId}")).GetProperty("verificationCode").GetString()!;
        var page = await citizen.GetStringAsync(Page);
        page.ShouldContain("data-testid=\"my-dossier-result\"");
        page.ShouldContain($"/Digitization/Verify/{verificationCode}");

        // Another citizen with the exact address: 404.
        var other = await CitizenSignIn.SignInAsync(fx, "030090008802", "Trịnh Văn Quang");
        (await TakeResultAsync(other, code)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The old GET address (a prefetch, a link preview) hands out nothing and returns nothing: back to the page.
        var fetched = await citizen.GetAsync($"{Page}?handler=Result&code={code}");
        fetched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fetched.Headers.Location!.ToString().ShouldBe($"{Page}#dossier-{code}");
        (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}")).GetProperty("status").GetString().ShouldBe(DossierStatuses.Resolved);

        // The citizen's download is the signed PDF, its QR's address printed on it, and the public check accepts it.
        var download = await TakeResultAsync(citizen, code);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        download.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes.Take(300).ToArray()));
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        bytes.ShouldBe(await leader.GetByteArrayAsync($"{Api}/documents/{resultId}/content"));
        using (var pdf = PdfDocument.Open(bytes))
        {
            string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).ShouldContain($"/Digitization/Verify/{verificationCode}");
        }

        var anonymous = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var verified = await (await anonymous.PostAsync($"{Api}/verify/{verificationCode}", Form(bytes, "ket-qua.pdf", []))).Content.ReadFromJsonAsync<JsonElement>();
        verified.GetProperty("valid").GetBoolean().ShouldBeTrue(verified.ToString());
        verified.GetProperty("matchesRegisteredFile").GetBoolean().ShouldBeTrue();
        (await anonymous.GetAsync($"/Digitization/Verify/{verificationCode}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The applicant chose the electronic result: taking it returns the dossier (ELECTRONIC), in the citizen's name.
        var after = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}");
        (after.GetProperty("status").GetString(), after.GetProperty("returnMethod").GetString()).ShouldBe((DossierStatuses.Returned, ReturnMethods.Electronic));
        var last = after.GetProperty("history").EnumerateArray().Last();
        (last.GetProperty("transition").GetString(), last.GetProperty("actor").GetString()).ShouldBe((DossierTransitions.Returned, "VNeID ••••8801"));

        // Downloaded again: the same file, no second return, and one result in the citizen's data store.
        (await (await TakeResultAsync(citizen, code)).Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}")).GetProperty("history").EnumerateArray()
            .Count(h => h.GetProperty("transition").GetString() == DossierTransitions.Returned).ShouldBe(1);
        var stored = await fx.AsSystemAsync(sp => sp.GetRequiredService<DigitizationDbContext>().Documents.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.ApplicantIdentity == identity && d.Kind == DocumentKinds.Result && !d.IsDeleted).Select(d => d.Id).ToListAsync());
        stored.ShouldBe([resultId]);
        var dataStore = await desk.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{identity}/documents");
        dataStore.EnumerateArray().Count(d => d.GetProperty("id").GetGuid() == resultId).ShouldBe(1);
    }
}
