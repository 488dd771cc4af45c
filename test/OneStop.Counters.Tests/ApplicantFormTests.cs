using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;

namespace OneStop.Counters.Tests;

/// <summary>
/// "Hồ sơ của tôi" hands the applicant the forms the desk issued (issue 18 item 4), read back from the PDF: only to the
/// citizen signed in through VNeID whose identity is the dossier's applicant, through ICountersPublicApi; anyone else,
/// and any form that is the office's own or not issued yet, gets 404.
/// </summary>
public sealed class ApplicantFormTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static string FormUrl(string code, string form) => $"/Portal/MyDossiers?handler=Form&code={Uri.EscapeDataString(code)}&form={form}";

    [Fact]
    public async Task The_citizen_downloads_their_receipt_with_its_code_and_nobody_else_gets_it()
    {
        const string identity = "030090008881";
        var desk = await fx.SignInAsync("motcua.camthuong");
        var created = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity, name = "Đinh Thị Thu", phone = "0918881000" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
        var code = dossier.GetProperty("code").GetString()!;

        // The page lists the receipt (Mẫu 01) under the dossier, and only the forms issued so far.
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Đinh Thị Thu");
        var page = await citizen.GetStringAsync("/Portal/MyDossiers");
        page.ShouldContain($"/Portal/MyDossiers?handler=Form&amp;code={code}&amp;form=receipt");
        page.ShouldContain("Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        page.ShouldNotContain("form=refusal");
        page.ShouldNotContain("form=control-sheet");

        var receipt = await citizen.GetAsync(FormUrl(code, "receipt"));
        var bytes = await receipt.Content.ReadAsByteArrayAsync();
        receipt.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes.Take(300).ToArray()));
        receipt.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        receipt.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"Mẫu 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả - {code}.pdf");
        using (var pdf = PdfDocument.Open(bytes))
        {
            var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            words.ShouldContain(code);
            words.ShouldContain("TIẾP");
        }

        // The office's own control sheet, and a refusal this dossier never had, do not exist for the applicant.
        (await citizen.GetAsync(FormUrl(code, "control-sheet"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.GetAsync(FormUrl(code, "refusal"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.GetAsync(FormUrl(code, "nonsense"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.GetAsync(FormUrl("MC10507-000000-0000", "receipt"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Another citizen with the exact address gets 404, as for a dossier that does not exist; so does an organisation
        // represented by the applicant (its dossiers are the enterprise code's, not the person's).
        var other = await CitizenSignIn.SignInAsync(fx, "030090008882", "Lý Văn Bình");
        (await other.GetAsync(FormUrl(code, "receipt"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetStringAsync("/Portal/MyDossiers")).ShouldNotContain(code);
        var organisation = await CitizenSignIn.SignInAsync(fx, identity, "Đinh Thị Thu", enterpriseCode: "0800888001");
        (await organisation.GetAsync(FormUrl(code, "receipt"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A staff cookie (even the receiving desk's) and no cookie at all are sent to VNeID.
        var asStaff = await desk.GetAsync(FormUrl(code, "receipt"));
        asStaff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asStaff.Headers.Location!.ToString().ShouldContain("/citizen/signin");
        var anonymous = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync(FormUrl(code, "receipt"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
