using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Platform.Messaging;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// Issue 5's acceptance: at the intake of a second dossier for the same citizen, the desk officer is offered the
/// document digitised with the first one (kho dữ liệu điện tử), keeps the offer, and the reuse is recorded — on the
/// dossier (per component) and in the Digitization figures.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class DigitizationFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Desk = "motcua.camthuong";
    private const string Procedure = "1.001193"; // đăng ký khai sinh: tờ khai, giấy chứng sinh, CCCD của người đi đăng ký
    // A citizen the simulated national population database knows (fictitious), so "Tra cứu" verifies and prefills.
    private const string Citizen = "030203009876";
    private const string CitizenName = "Phạm Minh Đức";

    private async Task RelayAsync() => await host.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync();

    /// <summary>A page signed in as <paramref name="user"/>; its request context calls the API with the same cookie.</summary>
    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await host.NewPageAsync();
        page.SetDefaultTimeout(90_000); // shared, loaded machine: allow slow first responses
        await BrowserHost.SignInAsync(page, user);
        return page;
    }

    private static Task<JsonElement> Ok(IAPIResponse response, int expected = 200) => BrowserHost.JsonAsync(response, expected);

    private static async Task<JsonElement> GetAsync(IPage page, string url) => await Ok(await page.APIRequest.GetAsync(url));

    private static async Task<int> ReusingAsync(IPage leader) =>
        (await GetAsync(leader, "/api/v1/digitization/kpi")).EnumerateArray()
            .Where(r => r.GetProperty("unitPath").GetString() == "/30/288/10507/").Sum(r => r.GetProperty("receivedReusing").GetInt32());

    [Fact]
    public async Task Intake_of_a_second_dossier_offers_the_first_dossiers_digitised_document_and_records_the_reuse()
    {
        var page = await SignedInAsync(Desk);
        var leader = await SignedInAsync("lanhdao.camthuong");
        var reusingBefore = await ReusingAsync(leader);

        // First dossier through the real intake API; its reception reaches Digitization's scan queue through the outbox.
        var first = await Ok(await page.APIRequest.PostAsync("/api/v1/counters/dossiers", new() { DataObject = new
        {
            procedureCode = Procedure,
            applicant = new { kind = "CITIZEN", identity = Citizen, name = CitizenName, dateOfBirth = "2003-01-28" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        } }), 201);
        var firstId = first.GetProperty("id").GetGuid();
        var firstCode = first.GetProperty("code").GetString()!;
        JsonElement? cccdItem = null;
        for (var attempt = 0; attempt < 60 && cccdItem is null; attempt++)
        {
            await RelayAsync();
            cccdItem = (await GetAsync(page, "/api/v1/digitization/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
                .Where(q => q.GetProperty("dossierId").GetGuid() == firstId && q.GetProperty("documentTypeCode").GetString() == "CD-CCCD")
                .Select(q => (JsonElement?)q).FirstOrDefault();
            if (cccdItem is null)
            {
                await Task.Delay(1000);
            }
        }

        cccdItem.ShouldNotBeNull("the first dossier's reception never reached the scan queue");

        // The desk scans the citizen's ID card for the first dossier.
        var form = page.APIRequest.CreateFormData();
        form.Set("queueItemId", cccdItem.Value.GetProperty("id").GetString()!);
        form.Set("file", new FilePayload
        {
            Name = "cccd.pdf", MimeType = "application/pdf",
            Buffer = new OneStop.Platform.Documents.PdfWriter("Căn cước công dân", "test").NewPage().Text($"CCCD {Citizen} — {CitizenName}").ToArray(),
        });
        var scanned = await Ok(await page.APIRequest.PostAsync("/api/v1/digitization/documents", new() { Multipart = form }), 201);
        var scannedId = scanned.GetProperty("id").GetGuid();
        var digitizedCode = scanned.GetProperty("digitizedCode").GetString()!;

        // Second dossier, at the desk in the browser: verify the citizen, the ID card is offered from the data store.
        await page.GotoAsync($"/Counters/Dossiers/Intake?procedure={Procedure}");
        await page.GetByLabel("Số định danh / mã số doanh nghiệp").FillAsync(Citizen);
        await page.GetByLabel("Họ và tên / tên tổ chức").FillAsync(CitizenName);
        await page.GetByLabel("Ngày sinh").FillAsync("2003-01-28");
        await page.GetByTestId("verify-citizen").ClickAsync();
        // The procedure stays chosen after the look-up (the verify button posts back to the same procedure).
        await page.GetByTestId("verified").WaitForAsync();
        (await page.GetByTestId("chosen-procedure").InnerTextAsync()).ShouldNotBeEmpty();

        var offer = page.GetByTestId("reuse-offer");
        (await offer.CountAsync()).ShouldBe(1); // only the ID card was digitised
        var offerText = await offer.InnerTextAsync();
        offerText.ShouldContain(digitizedCode);
        offerText.ShouldContain(firstCode);
        (await page.Locator($"#r-{scannedId}").IsCheckedAsync()).ShouldBeTrue(); // offered, and kept by default
        await BrowserHost.ScreenshotAsync(page, "digitization-reuse-offer");

        await page.GetByTestId("submit-intake").ClickAsync();
        await page.GetByTestId("created").WaitForAsync();
        var reusedBadges = page.GetByTestId("reused");
        (await reusedBadges.CountAsync()).ShouldBe(1);
        (await reusedBadges.InnerTextAsync()).ShouldBe("Tái sử dụng thành phần đã số hóa");
        await BrowserHost.ScreenshotAsync(page, "digitization-reuse-recorded");

        // Recorded on the dossier: the component names the reused document; the other components were submitted.
        var secondId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(page.Url, "[?&]id=([0-9a-fA-F-]{36})").Groups[1].Value);
        var second = await GetAsync(page, $"/api/v1/counters/dossiers/{secondId}");
        var components = second.GetProperty("components").EnumerateArray().ToList();
        var cccd = components.Single(c => c.GetProperty("documentTypeCode").GetString() == "CD-CCCD");
        cccd.GetProperty("source").GetString().ShouldBe("REUSED_COMPONENT");
        cccd.GetProperty("reusedDocumentId").GetGuid().ShouldBe(scannedId);
        components.Where(c => c.GetProperty("documentTypeCode").GetString() != "CD-CCCD").ShouldAllBe(c => c.GetProperty("source").GetString() == "SUBMITTED");

        // And in Digitization: once the reception event arrives, the unit counts one more dossier reusing a component,
        // and the reused ID card is not queued for scanning again.
        var reusingAfter = reusingBefore;
        for (var attempt = 0; attempt < 60 && reusingAfter == reusingBefore; attempt++)
        {
            await RelayAsync();
            reusingAfter = await ReusingAsync(leader);
            if (reusingAfter == reusingBefore)
            {
                await Task.Delay(1000);
            }
        }

        reusingAfter.ShouldBe(reusingBefore + 1);
        (await GetAsync(page, "/api/v1/digitization/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(q => q.GetProperty("dossierId").GetGuid() == secondId).Select(q => q.GetProperty("documentTypeCode").GetString())
            .ShouldNotContain("CD-CCCD");
    }
}
