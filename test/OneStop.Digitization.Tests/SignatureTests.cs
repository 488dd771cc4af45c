using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>
/// Signed results validate with an independent tool (poppler's pdfsig) and with our own verifier; a tampered copy
/// fails on the public verification page, which needs no login.
/// </summary>
public sealed class SignatureTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static (int ExitCode, string Output) Pdfsig(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"onestop-sig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdfsig", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Changes one letter inside the signed bytes (the document's creator in the Info dictionary), keeping every offset.</summary>
    private static byte[] Tamper(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var at = Encoding.Latin1.GetString(copy).IndexOf("Nguy", StringComparison.Ordinal);
        if (at < 0)
        {
            at = Encoding.Latin1.GetString(copy).IndexOf("/Creator", StringComparison.Ordinal) + 10;
        }

        copy[at] ^= 0x01;
        return copy;
    }

    private async Task<(HttpClient Client, JsonElement Signed, byte[] File)> SignedAsync(byte[] content, string fileName, string kind = "RESULT")
    {
        var officer = await fx.SignInAsync("motcua.camthuong");
        var document = await UploadAsync(officer, content, fileName, FreeUpload(type: "KQ.1.001193", kind: kind));
        var id = document.GetProperty("id").GetGuid();
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        using var response = await leader.PostAsync($"{Api}/documents/{id}/sign", null);
        var signed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, signed.ToString());
        return (leader, signed, await leader.GetByteArrayAsync($"{Api}/documents/{id}/content"));
    }

    [Fact]
    public async Task A_signed_result_validates_with_pdfsig_and_a_tampered_copy_fails_on_the_verification_page()
    {
        var (client, signed, file) = await SignedAsync(Pdf("Giấy khai sinh — kết quả"), "ket-qua.pdf");
        signed.GetProperty("signed").GetBoolean().ShouldBeTrue();
        signed.GetProperty("signerSubject").GetString()!.ShouldContain("Cẩm Thượng");
        var code = signed.GetProperty("verificationCode").GetString()!;

        var (exit, output) = Pdfsig(file);
        exit.ShouldBe(0, output);
        output.ShouldContain("Signature Validation: Signature is Valid.");
        output.ShouldContain("Hash Algorithm: SHA-256");
        output.ShouldContain("Cẩm Thượng");

        // The QR's address is printed on the page and covered by the signature.
        using (var pdf = PdfDocument.Open(file))
        {
            var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            text.ShouldContain($"/Digitization/Verify/{code}");
            text.ShouldContain(signed.GetProperty("digitizedCode").GetString()!);
            text.ShouldContain("Người ký: Đỗ Văn Phường"); // the signing leader by full name, not the login
            text.ShouldNotContain("lanhdao.camthuong");
        }

        // The document page names who digitised and who signed; logins only in title attributes.
        var documentPage = await client.GetStringAsync($"/Digitization/Document/{signed.GetProperty("id").GetGuid()}");
        documentPage.ShouldContain("<span title=\"motcua.camthuong\" data-testid=\"digitized-by\">Phạm Thị Nhận</span>");
        documentPage.ShouldContain("<span title=\"lanhdao.camthuong\" data-testid=\"signed-by\">Đỗ Văn Phường</span>");

        var tampered = Tamper(file);
        Pdfsig(tampered).Output.ShouldContain("Digest Mismatch");

        // Our own check through the stored copy and the public API.
        (await client.GetFromJsonAsync<JsonElement>($"{Api}/documents/{signed.GetProperty("id").GetGuid()}/signature")).GetProperty("valid").GetBoolean().ShouldBeTrue();
        var anonymous = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var good = await (await anonymous.PostAsync($"{Api}/verify/{code}", Form(file, "ket-qua.pdf", []))).Content.ReadFromJsonAsync<JsonElement>();
        good.GetProperty("valid").GetBoolean().ShouldBeTrue(good.ToString());
        good.GetProperty("matchesRegisteredFile").GetBoolean().ShouldBeTrue();
        var bad = await (await anonymous.PostAsync($"{Api}/verify/{code}", Form(tampered, "ket-qua.pdf", []))).Content.ReadFromJsonAsync<JsonElement>();
        bad.GetProperty("valid").GetBoolean().ShouldBeFalse();
        bad.GetProperty("intact").GetBoolean().ShouldBeFalse();

        // The page the QR opens: no login, shows issuer, date and validity; a tampered upload is reported as changed.
        using var page = await anonymous.GetAsync($"/Digitization/Verify/{code}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Cẩm Thượng");
        html.ShouldContain("data-testid=\"registered\"");
        var token = OneStopFactory.AntiforgeryToken(html);
        var form = Form(tampered, "ban-sao.pdf", new() { ["__RequestVerificationToken"] = token });
        using var posted = await anonymous.PostAsync($"/Digitization/Verify/{code}", form);
        var result = await posted.Content.ReadAsStringAsync();
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, result);
        result.ShouldContain("data-testid=\"verdict-invalid\"");
        result.ShouldNotContain("data-testid=\"verdict-valid\"");

        using var postedGood = await anonymous.PostAsync($"/Digitization/Verify/{code}", Form(file, "ban-goc.pdf", new() { ["__RequestVerificationToken"] = token }));
        (await postedGood.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"verdict-valid\"");

        // Signing twice is refused; an unknown code is a 404 page.
        (await client.PostAsync($"{Api}/documents/{signed.GetProperty("id").GetGuid()}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await anonymous.GetAsync("/Digitization/Verify/KHONGCOMA")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_scanned_image_becomes_a_signed_pdf_copy()
    {
        var (_, signed, file) = await SignedAsync(Png(), "anh-quet.png", kind: "COMPONENT");
        signed.GetProperty("contentType").GetString().ShouldBe("image/png");
        Encoding.ASCII.GetString(file, 0, 5).ShouldBe("%PDF-");
        Pdfsig(file).Output.ShouldContain("Signature is Valid.");
    }

    [Fact]
    public async Task A_sibling_ward_cannot_sign_and_a_desk_officer_of_another_ward_cannot_see_the_signature()
    {
        var officer = await fx.SignInAsync("motcua.camthuong");
        var document = await UploadAsync(officer, Pdf("Không ký chéo"), "x.pdf", FreeUpload());
        var id = document.GetProperty("id").GetGuid();
        var sibling = await fx.SignInAsync("motcua.binhhan");
        (await sibling.PostAsync($"{Api}/documents/{id}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sibling.GetAsync($"{Api}/documents/{id}/signature")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
