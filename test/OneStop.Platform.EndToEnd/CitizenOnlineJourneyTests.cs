using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// Issue 18's first acceptance point as one journey on a 390 × 844 phone: a citizen finds "dang ky khai sinh" without
/// diacritics, signs in through the VNeID simulator, fills the e-form, uploads a PDF, reuses a document of their data
/// store, pays the fee on the payment simulator and submits; the desk receives it (e-mail read back from the SMTP sink,
/// SMS from the simulator's log), asks for a supplement, the citizen supplements online, the result is signed, the
/// citizen downloads it (a POST, ADR 0050 addendum) and its QR's address verifies it, the citizen rates it (channel
/// ONLINE, the citizen as author), and the online-share and online-payment KPIs count the dossier. The citizen's steps
/// go through the pages; the desk's through the staff API with the officers' cookies. axe-core finds no serious or
/// critical violation on any portal state the journey passes (issue 18, fourth point), nothing sticks out at 390 px.
/// </summary>
public sealed class CitizenOnlineJourneyTests(CitizenJourneyHost host) : IClassFixture<CitizenJourneyHost>
{
    private const string Procedure = "1.001193";
    private const string Citizen = "030090013579";
    private const string Name = "Phạm Thị Thu";
    private const string Email = "thu.pham@example.vn";
    private const string Phone = "0912013579";
    private const string Ward = "10507"; // Phường Thành Đông, whose desk is Cẩm Thượng's (motcua.camthuong) since 2025-07-01

    private static readonly WaitForSelectorState Visible = WaitForSelectorState.Visible;

    [Fact]
    public async Task A_citizen_on_a_phone_submits_pays_supplements_takes_the_signed_result_and_rates_it_online()
    {
        var today = VietnamTime.Today(host.Clock);
        var (unitId, unitName, unitPath) = await host.AsSystemAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<IAdministrativeUnitDirectory>().FindByCodeAsync(Ward, today))!;
            return (unit.Id, unit.Name, unit.Path);
        });

        // The province publishes Đăng ký khai sinh with an e-form and a 10,000 đ online fee (as OnlineSubmissionTests).
        var admin = await host.SignedInPageAsync("admin");
        await BrowserHost.JsonAsync(await admin.APIRequest.PostAsync($"/api/v1/counters/catalogue/procedures/{Procedure}/versions", new()
        {
            DataObject = new
            {
                effectiveFrom = today.ToString("yyyy-MM-dd"), reason = "Quyết định số 99/QĐ-UBND ngày 01/12/2026", name = "Thủ tục đăng ký khai sinh", field = "Hộ tịch",
                levels = new[] { "commune" }, executingAgency = "UBND cấp xã", onlinePartial = false, fullyOnline = true, postalAllowed = true,
                legalTimes = new[] { new { channel = "DIRECT", value = 1m, unit = "WORKING_DAY" }, new { channel = "ONLINE", value = 1m, unit = "WORKING_DAY" } },
                fees = new[] { new { channel = "ONLINE", kind = "FEE", amountVnd = 10_000m, exemption = (string?)null } },
                components = new[]
                {
                    new { documentTypeCode = "HT-TK-KS", name = (string?)null, required = true, submissionForm = "ORIGINAL" },
                    new { documentTypeCode = "CD-CCCD", name = (string?)null, required = false, submissionForm = "COPY" },
                },
                resultTypes = new[] { "Giấy khai sinh (bản chính)" },
                formSchema = """
                    {"type":"object","properties":{
                      "noiSinh":{"type":"string","title":"Nơi sinh","maxLength":200},
                      "soConThu":{"type":"integer","title":"Là con thứ mấy","minimum":1,"maximum":20}},
                     "required":["noiSinh"]}
                    """,
            },
        }), 201);
        await admin.Context.CloseAsync();

        // The ward digitised the citizen's ID card earlier: it is in their data store, to be reused with consent.
        var desk = await host.SignedInPageAsync("motcua.camthuong");
        var leader = await host.SignedInPageAsync("lanhdao.camthuong");
        var card = desk.APIRequest.CreateFormData();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["kind"] = "COMPONENT", ["name"] = "Căn cước " + Name, ["documentTypeCode"] = "CD-CCCD", ["applicantIdentity"] = Citizen, ["applicantName"] = Name,
        })
        {
            card.Set(key, value);
        }

        card.Set("file", new FilePayload { Name = "cccd.pdf", MimeType = "application/pdf", Buffer = Pdf("Căn cước công dân " + Name) });
        var stored = await BrowserHost.JsonAsync(await desk.APIRequest.PostAsync("/api/v1/digitization/documents", new() { Multipart = card }), 201);
        var storedId = stored.GetProperty("id").GetGuid();

        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var findings = new List<string>();

        // 1. The catalogue, searched without diacritics; the procedure's page.
        await page.GotoAsync("/Portal", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Tên hoặc mã thủ tục").FillAsync("dang ky khai sinh");
        await page.GetByTestId("search").ClickAsync();
        await ReachAsync(page, "q=dang");
        await CheckAsync(page, findings, "journey-1-search-results");
        await page.Locator($"a[href='/Portal/Procedure/{Procedure}']").ClickAsync();
        await ReachAsync(page, $"/Portal/Procedure/{Procedure}");
        (await page.GetByTestId("procedure-name").InnerTextAsync()).ShouldBe("Thủ tục đăng ký khai sinh");
        await CheckAsync(page, findings, "journey-2-procedure");

        // 2. "Nộp trực tuyến" asks for VNeID; the simulator's page; back on the wizard, name and number from VNeID.
        await page.GetByTestId("procedure-submit-online").ClickAsync();
        await ReachAsync(page, "/sandbox/vneid/authorize");
        await BrowserHost.ScreenshotAsync(page, "journey-3-vneid");
        await page.GetByLabel("Số định danh cá nhân (12 chữ số)").FillAsync(Citizen);
        await page.GetByLabel("Họ và tên").FillAsync(Name);
        await page.GetByLabel("Ngày sinh").FillAsync("1990-05-20");
        await page.GetByLabel("Số điện thoại").FillAsync(Phone);
        await page.GetByLabel("Thư điện tử").FillAsync(Email);
        await page.GetByTestId("vneid-allow").ClickAsync();
        await ReachAsync(page, "/Portal/Submission");
        (await page.GetByTestId("submission-applicant").InnerTextAsync()).ShouldContain(Name);
        await CheckAsync(page, findings, "journey-4-wizard-new");

        // 3. The e-form without its required field: the page says which, in Vietnamese (the validation-error state).
        await FillWizardAsync(page, unitId, birthPlace: "");
        await page.GetByTestId("submission-save").ClickAsync();
        await page.GetByTestId("submission-errors").WaitForAsync(new() { State = Visible });
        (await page.GetByTestId("error-noiSinh").InnerTextAsync()).ShouldContain("Nơi sinh");
        await CheckAsync(page, findings, "journey-5-wizard-errors");

        // 4. Filled in, the declaration uploaded as a PDF, consent to reuse the data store: saved as a draft.
        await FillWizardAsync(page, unitId, birthPlace: "Bệnh viện Đa khoa tỉnh Hải Dương");
        await page.Locator("#file-HT-TK-KS").SetInputFilesAsync(new FilePayload { Name = "to-khai-khai-sinh.pdf", MimeType = "application/pdf", Buffer = Pdf("Tờ khai đăng ký khai sinh") });
        await page.GetByLabel("Là con thứ mấy").FillAsync("2");
        if (!await page.Locator("#reuseConsent").IsCheckedAsync())
        {
            await page.Locator("#reuseConsent").CheckAsync();
        }

        await page.GetByTestId("submission-save").ClickAsync();
        await page.GetByTestId("submission-saved").WaitForAsync(new() { State = Visible });
        (await page.GetByTestId("have-HT-TK-KS").InnerTextAsync()).ShouldContain("to-khai-khai-sinh.pdf");

        // 5. The ID card of the data store, offered now that the citizen consented, is reused.
        await page.Locator("#reuse-CD-CCCD").SelectOptionAsync(storedId.ToString());
        await page.GetByTestId("submission-save").ClickAsync();
        await page.GetByTestId("have-CD-CCCD").WaitForAsync(new() { State = Visible });
        (await page.GetByTestId("submission-submit").IsDisabledAsync()).ShouldBeTrue("not paid yet");
        await CheckAsync(page, findings, "journey-6-wizard-saved");

        // 6. The fee on the payment platform's simulator, back to the wizard paid, then submitted.
        await page.GetByTestId("submission-pay").ClickAsync();
        await ReachAsync(page, "/sandbox/payment/pay/");
        (await page.Locator("body").InnerTextAsync()).ShouldContain("10.000");
        await BrowserHost.ScreenshotAsync(page, "journey-7-payment-platform");
        await page.GetByTestId("payment-pay").ClickAsync();
        await ReachAsync(page, "status=paid");
        (await page.GetByTestId("submission-paid").InnerTextAsync()).ShouldContain("10.000");
        await CheckAsync(page, findings, "journey-8-wizard-paid");
        await page.GetByTestId("submission-submit").ClickAsync();
        await page.GetByTestId("submission-done").WaitForAsync(new() { State = Visible });
        var code = (await page.GetByTestId("submission-dossier-code").InnerTextAsync()).Trim();
        code.ShouldNotBeEmpty();
        await CheckAsync(page, findings, "journey-9-wizard-submitted");

        // 7. The desk finds it among the new online dossiers, paid online at the ward, and receives it.
        var list = await BrowserHost.JsonAsync(await desk.APIRequest.GetAsync("/api/v1/counters/dossiers?channel=ONLINE&status=NEW&pageSize=100"));
        var id = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var filed = await BrowserHost.JsonAsync(await desk.APIRequest.GetAsync($"/api/v1/counters/dossiers/{id}"));
        (filed.GetProperty("channel").GetString(), filed.GetProperty("paymentMethod").GetString(), filed.GetProperty("feeVnd").GetDecimal()).ShouldBe(("ONLINE", "ONLINE", 10_000m));
        filed.GetProperty("formData").GetProperty("noiSinh").GetString().ShouldBe("Bệnh viện Đa khoa tỉnh Hải Dương");
        var components = filed.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("documentTypeCode").GetString()!, c => c);
        components["HT-TK-KS"].GetProperty("source").GetString().ShouldBe("SUBMITTED");
        components["CD-CCCD"].GetProperty("reusedDocumentId").GetGuid().ShouldBe(storedId);
        await BrowserHost.JsonAsync(await desk.APIRequest.PostAsync($"/api/v1/counters/dossiers/{id}/receive", new() { DataObject = new { } }));

        // 8. The citizen is told: an e-mail (read from the SMTP server) and an SMS (the gateway simulator's log).
        await host.RelayAndDeliverAsync();
        host.Mail.Where(m => m.To.Mailboxes.Any(a => a.Address == Email)).Select(m => m.Subject + " " + m.TextBody)
            .ShouldContain(t => t.Contains(code, StringComparison.Ordinal), $"an e-mail to {Email} about {code}");
        (await SmsToAsync(page)).ShouldContain(t => t.Contains(code, StringComparison.Ordinal), $"an SMS to {Phone} about {code}");

        // 9. The desk asks for a supplement; "Hồ sơ của tôi" shows what, with the form to send it.
        const string reason = "Bổ sung bản sao giấy chứng sinh có chứng thực";
        await BrowserHost.JsonAsync(await desk.APIRequest.PostAsync($"/api/v1/counters/dossiers/{id}/request-supplement", new() { DataObject = new { reason } }));
        await host.RelayAndDeliverAsync();
        await page.GotoAsync("/Portal/MyDossiers", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var dossier = page.Locator($"[data-testid=my-dossier]:has-text('{code}')");
        (await dossier.GetByTestId("my-dossier-supplement-reason").InnerTextAsync()).ShouldBe(reason);
        await CheckAsync(page, findings, "journey-10-my-dossiers-supplement");

        // 10. The citizen supplements online.
        await dossier.GetByLabel("Giấy tờ bổ sung").SetInputFilesAsync(new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = Pdf("Giấy chứng sinh — bản sao có chứng thực") });
        await dossier.GetByTestId("my-dossier-supplement-send").ClickAsync();
        await page.GetByTestId("my-dossier-done").WaitForAsync(new() { State = Visible });
        (await page.GetByTestId("my-dossier-done").InnerTextAsync()).ShouldContain(code);
        var supplemented = await BrowserHost.JsonAsync(await desk.APIRequest.GetAsync($"/api/v1/counters/dossiers/{id}"));
        supplemented.GetProperty("history").EnumerateArray().Last().GetProperty("transition").GetString().ShouldBe(DossierTransitions.Supplemented);

        // 11. Resolved by the ward's leader; the result digitised from the scan queue and signed.
        await BrowserHost.JsonAsync(await leader.APIRequest.PostAsync($"/api/v1/counters/dossiers/{id}/resolve", new() { DataObject = new { resultSummary = "Đã cấp giấy khai sinh" } }));
        await host.RelayAndDeliverAsync();
        var queue = await BrowserHost.JsonAsync(await desk.APIRequest.GetAsync("/api/v1/digitization/scan-queue?pageSize=200"));
        var item = queue.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("dossierId").GetGuid() == id && q.GetProperty("kind").GetString() == "RESULT");
        var scan = desk.APIRequest.CreateFormData();
        scan.Set("queueItemId", item.GetProperty("id").GetString()!);
        scan.Set("file", new FilePayload { Name = "giay-khai-sinh.pdf", MimeType = "application/pdf", Buffer = Pdf("Giấy khai sinh (bản chính) — " + Name) });
        var result = await BrowserHost.JsonAsync(await desk.APIRequest.PostAsync("/api/v1/digitization/documents", new() { Multipart = scan }), 201);
        var resultId = result.GetProperty("id").GetGuid();
        await BrowserHost.JsonAsync(await leader.APIRequest.PostAsync($"/api/v1/digitization/documents/{resultId}/sign"));

        // 12. The citizen takes the signed result with the page's button; its QR's address says the signature is valid.
        await page.GotoAsync("/Portal/MyDossiers", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await dossier.GetByTestId("my-dossier-result").CountAsync()).ShouldBe(1);
        await CheckAsync(page, findings, "journey-11-my-dossiers-result");
        var download = await page.RunAndWaitForDownloadAsync(() => dossier.GetByTestId("my-dossier-result-download").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        string printed;
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            printed = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        }

        var verifyPath = Regex.Match(printed, @"/Digitization/Verify/[A-Za-z0-9_-]+").Value;
        verifyPath.ShouldNotBeEmpty("the signed result prints the address its QR encodes");
        (await dossier.GetByTestId("my-dossier-result-verify").GetAttributeAsync("href")).ShouldBe(verifyPath);
        var verify = await context.NewPageAsync();
        await verify.GotoAsync(verifyPath, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await verify.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "ket-qua.pdf", MimeType = "application/pdf", Buffer = bytes });
        await verify.GetByTestId("verify-form").Locator("button[type=submit]").ClickAsync();
        await verify.GetByTestId("verdict-valid").WaitForAsync(new() { State = Visible });
        await BrowserHost.ScreenshotAsync(verify, "journey-12-result-verified");
        await verify.CloseAsync();

        // Taking it returned the dossier electronically, in the citizen's name.
        var returned = await BrowserHost.JsonAsync(await desk.APIRequest.GetAsync($"/api/v1/counters/dossiers/{id}"));
        (returned.GetProperty("status").GetString(), returned.GetProperty("returnMethod").GetString()).ShouldBe((DossierStatuses.Returned, ReturnMethods.Electronic));
        returned.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString().ShouldBe("VNeID ••••" + Citizen[^4..]);
        await host.RelayAndDeliverAsync();

        // 13. The rating form; the citizen rates; the rating is ONLINE with the citizen as author.
        await page.GotoAsync("/Portal/MyDossiers", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await dossier.GetByTestId("my-dossier-status").InnerTextAsync()).ShouldBe("Đã trả kết quả");
        await dossier.GetByTestId("my-dossier-rate").Locator("summary").ClickAsync();
        await CheckAsync(page, findings, "journey-13-rating-form");
        var rate = dossier.GetByTestId("my-dossier-rate");
        for (var criterion = 0; criterion < 9; criterion++)
        {
            await rate.Locator($"input[name='scores[{criterion}]'][value='2']").CheckAsync();
        }

        await rate.GetByLabel("Rất hài lòng").CheckAsync();
        await rate.GetByLabel("Góp ý thêm").FillAsync("Nộp trực tuyến nhanh, không phải đi lại");
        await rate.GetByTestId("my-dossier-rate-send").ClickAsync();
        await page.GetByTestId("my-dossier-rated").WaitForAsync(new() { State = Visible });
        (await page.GetByTestId("my-dossier-rated").InnerTextAsync()).ShouldContain("Rất hài lòng");
        await CheckAsync(page, findings, "journey-14-rated");
        using (var scope = host.Services.CreateScope())
        {
            var rating = (await scope.ServiceProvider.GetRequiredService<ICitizenFeedbackApi>().RatingsAsync([code]))[code];
            (rating.Channel, rating.Author, rating.Points).ShouldBe(("ONLINE", "VNeID ••••" + Citizen[^4..], 18));
        }

        // 14. Phản ánh, kiến nghị: the citizen's complaints page.
        await page.GotoAsync("/Portal/MyComplaints", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await CheckAsync(page, findings, "journey-15-my-complaints");

        // 15. The online-share and online-payment indicators of the ward count the dossier.
        var counted = await host.AsSystemAsync(async sp =>
        {
            var calculators = sp.GetServices<IKpiCalculator>().Where(c => c.KpiCodes.Contains("plan.online-share") || c.KpiCodes.Contains("i766.4.1")).ToList();
            var period = KpiPeriod.ForDay(today);
            var rows = new List<KpiRow>();
            var details = new Dictionary<string, List<KpiDetailRow>>();
            foreach (var calculator in calculators)
            {
                rows.AddRange(await calculator.ComputeAsync(period));
                foreach (var kpi in new[] { "plan.online-share", "i766.4.1" }.Where(calculator.KpiCodes.Contains))
                {
                    details[kpi] = [.. await calculator.DetailsAsync(kpi, period, unitPath, 500)];
                }
            }

            return (rows, details);
        });
        foreach (var kpi in new[] { "plan.online-share", "i766.4.1" })
        {
            counted.rows.ShouldContain(r => r.KpiCode == kpi && r.UnitPath == unitPath && r.Numerator >= 1, kpi);
            counted.details[kpi].ShouldContain(d => d.Code == code && d.Counted, $"{kpi} counts {code}");
        }

        findings.ShouldBeEmpty();
        await desk.Context.CloseAsync();
        await leader.Context.CloseAsync();
        await context.CloseAsync();
    }

    /// <summary>The wizard's fields a citizen types (the e-form's place of birth may be left empty to see the error).</summary>
    private static async Task FillWizardAsync(IPage page, Guid unitId, string birthPlace)
    {
        await page.GetByLabel("Nơi sinh").FillAsync(birthPlace);
        await page.Locator("#applicantAddress").FillAsync("Số 5 phố Nguyễn Du, Phường Thành Đông");
        await page.GetByTestId("submission-unit").SelectOptionAsync(unitId.ToString());
    }

    private async Task<List<string>> SmsToAsync(IPage page)
    {
        var messages = await BrowserHost.JsonAsync(await page.APIRequest.GetAsync($"{host.BaseUrl}/sandbox/sms/messages?to={Phone}"));
        return [.. messages.EnumerateArray().Select(m => m.GetProperty("text").GetString()!)];
    }

    private static byte[] Pdf(string text) => new OneStop.Platform.Documents.PdfWriter(text, "test").NewPage().Text(text).ToArray();

    /// <summary>One state of the journey: nothing off-screen or wider than the phone, axe-core's findings kept, a screenshot.</summary>
    private static async Task CheckAsync(IPage page, List<string> findings, string name)
    {
        await BrowserHost.ScreenshotAsync(page, name);
        foreach (var off in await StaffUiTests.OffScreenAsync(page, "main a, main li, main input, main select, main textarea, main button, main summary, main label, header a, header button"))
        {
            findings.Add($"{name}: off-screen at 390 px: {off}");
        }

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        findings.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name} {new Uri(page.Url).PathAndQuery}: {v.Id} ({v.Impact}) ×{v.Nodes.Length} — {v.Nodes.First().Target} {v.Nodes.First().Html}"));
    }

    /// <summary>Waits for an address; if it never comes, says where the browser stayed and what the page showed.</summary>
    private static async Task ReachAsync(IPage page, string part)
    {
        try
        {
            await page.WaitForURLAsync(url => url.Contains(part, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            await BrowserHost.ScreenshotAsync(page, "journey-stuck");
            var shown = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"Waiting for {part}, the browser stayed on {page.Url}: {(shown.Length > 600 ? shown[..600] : shown)}", e);
        }
    }
}
