using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// A citizen on a 390 × 844 phone signs in through the VNeID simulator's page (ADR 0046), sees their own dossier with
/// its status, procedure, dates and timeline on "Hồ sơ của tôi", downloads the receipt the desk issued, turns SMS
/// notifications off on "Nhận thông báo", and signs out; a citizen with no dossier gets the empty
/// state that says what to do. axe-core finds no serious or critical violation on the new pages (WCAG 2.1 AA).
/// </summary>
public sealed class CitizenFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Citizen = "030088004321";
    private const string Name = "Bùi Thị Hoa";

    [Fact]
    public async Task A_citizen_on_a_phone_signs_in_with_VNeID_and_follows_their_dossier()
    {
        // A dossier received at Phường Cẩm Thượng in the citizen's name, through the desk's API.
        var desk = await host.SignedInPageAsync("motcua.camthuong");
        var created = await BrowserHost.JsonAsync(await desk.APIRequest.PostAsync("/api/v1/counters/dossiers", new()
        {
            DataObject = new
            {
                procedureCode = "1.001193",
                applicant = new { kind = "CITIZEN", identity = Citizen, name = Name },
                components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
            },
        }), 201);
        var code = created.GetProperty("code").GetString()!;
        await desk.Context.CloseAsync();

        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        var findings = new List<string>();

        // 1. "Đăng nhập bằng VNeID" in the portal's header leads to the provider's page.
        await page.GotoAsync("/Portal", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await SignInAsync(page, findings, Citizen, Name);

        // 2. Hồ sơ của tôi: the dossier with its status, procedure, dates and timeline.
        (await page.GetByTestId("my-identity").InnerTextAsync()).ShouldContain(Name);
        var dossier = page.GetByTestId("my-dossier");
        (await dossier.CountAsync()).ShouldBe(1);
        var text = await dossier.InnerTextAsync();
        text.ShouldContain(code);
        text.ShouldContain("Thủ tục đăng ký khai sinh");
        text.ShouldContain("Phường Cẩm Thượng");
        (await page.GetByTestId("my-dossier-status").InnerTextAsync()).ShouldBe("Đã tiếp nhận");
        await page.GetByTestId("my-dossier-timeline").Locator("summary").ClickAsync();
        (await page.GetByTestId("my-dossier-timeline").Locator("li").CountAsync()).ShouldBeGreaterThan(0);
        (await page.GetByTestId("nav-my-dossiers").GetAttributeAsync("aria-current")).ShouldBe("page");
        (await StaffUiTests.OffScreenAsync(page, "main a, main li, main summary, header a, header button")).ShouldBeEmpty();
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "citizen-my-dossiers-phone");

        // 2b. The receipt the desk issued (Mẫu 01) downloads as a PDF with the dossier's code.
        var receipt = page.GetByTestId("my-dossier-form-receipt");
        (await receipt.InnerTextAsync()).ShouldContain("Mẫu 01");
        var download = await page.RunAndWaitForDownloadAsync(() => receipt.ClickAsync());
        download.SuggestedFilename.ShouldEndWith($"{code}.pdf");
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ShouldContain(code);
        }

        // 2c. "Nhận thông báo": the phone VNeID gave, SMS on by default; the citizen turns it off.
        await page.GetByTestId("my-notification-choices").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Portal/Notifications"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("choices-contact").InnerTextAsync()).ShouldContain("0912000222");
        (await page.GetByTestId("channel-sms").IsCheckedAsync()).ShouldBeTrue();
        (await page.GetByTestId("channel-zalo").IsCheckedAsync()).ShouldBeFalse();
        await AxeAsync(page, findings);
        await page.GetByTestId("channel-sms").UncheckAsync();
        await page.GetByTestId("choices-save").ClickAsync();
        await page.GetByTestId("choices-saved").WaitForAsync();
        (await page.GetByTestId("channel-sms").IsCheckedAsync()).ShouldBeFalse();
        (await page.GetByTestId("channel-email").IsCheckedAsync()).ShouldBeTrue();
        (await StaffUiTests.OffScreenAsync(page, "main a, main input, main button, header a, header button")).ShouldBeEmpty();
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "citizen-notification-choices-phone");

        // 2d. The pages of online submission (the e-form wizard) and complaints (PAKN) on the phone, checked by axe too.
        await page.GotoAsync("/Portal/Submission?code=1.001193", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.Locator("main form").CountAsync()).ShouldBeGreaterThan(0);
        (await StaffUiTests.OffScreenAsync(page, "main a, main input, main select, main button, header a, header button")).ShouldBeEmpty();
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "citizen-submission-phone");
        await page.GotoAsync("/Portal/MyComplaints", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.Locator("main form").CountAsync()).ShouldBeGreaterThan(0);
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "citizen-complaints-phone");

        // 3. The portal's other pages greet the citizen and link back; signing out ends the citizen's session.
        await page.GotoAsync("/Portal/Lookup", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("citizen-name").InnerTextAsync()).ShouldContain(Name);
        await page.GetByTestId("nav-my-dossiers").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Portal/MyDossiers"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByTestId("citizen-signout").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("signin=signedout"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("signin-message").InnerTextAsync()).ShouldBe("Bạn đã đăng xuất.");
        (await page.GetByTestId("vneid-signin").CountAsync()).ShouldBe(1);
        await page.GotoAsync("/Portal/MyDossiers", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        page.Url.ShouldContain("/sandbox/vneid/authorize", customMessage: "signed out, the page asks for VNeID again");

        // 4. Another citizen, with no dossier: the empty state says what to do.
        await page.GotoAsync("/Portal", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await SignInAsync(page, findings, "030095007777", "Đinh Văn Toàn");
        var empty = page.Locator("[data-empty-state]");
        (await empty.InnerTextAsync()).ShouldContain("Tìm thủ tục hành chính");
        (await page.GetByTestId("my-dossier").CountAsync()).ShouldBe(0);
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "citizen-my-dossiers-empty-phone");

        findings.ShouldBeEmpty();
        await context.CloseAsync();
    }

    /// <summary>From a portal page: the header's link, the simulator's page (checked by axe), the account typed, back on "Hồ sơ của tôi".</summary>
    private static async Task SignInAsync(IPage page, List<string> findings, string identity, string name)
    {
        await page.GetByTestId("vneid-signin").ClickAsync();
        await ReachAsync(page, "/sandbox/vneid/authorize");
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "citizen-vneid-page-phone");
        await page.GetByLabel("Số định danh cá nhân (12 chữ số)").FillAsync(identity);
        await page.GetByLabel("Họ và tên").FillAsync(name);
        await page.GetByLabel("Ngày sinh").FillAsync("1988-03-15");
        await page.GetByLabel("Số điện thoại").FillAsync("0912000222");
        await page.GetByTestId("vneid-allow").ClickAsync();
        // Same origin: a 302 back; another origin (this host at 127.0.0.1 and localhost): a page that navigates back.
        await ReachAsync(page, "/Portal/MyDossiers");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ của tôi" }).WaitForAsync();
    }

    /// <summary>Waits for an address; if it never comes, says where the browser stayed and what the page showed.</summary>
    private static async Task ReachAsync(IPage page, string path)
    {
        try
        {
            await page.WaitForURLAsync(url => url.Contains(path), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            await BrowserHost.ScreenshotAsync(page, "citizen-signin-stuck");
            var shown = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"Waiting for {path}, the browser stayed on {page.Url}: {(shown.Length > 600 ? shown[..600] : shown)}", e);
        }
    }

    /// <summary>axe-core with the WCAG 2.1 A/AA tags, as <see cref="PortalFlowTests"/> runs it; serious and critical ones are kept.</summary>
    private static async Task AxeAsync(IPage page, List<string> findings)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        findings.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{new Uri(page.Url).PathAndQuery}: {v.Id} ({v.Impact}) ×{v.Nodes.Length} — {v.Nodes.First().Target} {v.Nodes.First().Html}"));
    }
}
