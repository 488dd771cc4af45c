using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OneStop.Counters.Contracts;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The citizen's public pages on a 390 × 844 phone without signing in (ADR 0042): the catalogue searched without
/// diacritics, a procedure's page, the look-up with the dossier code and the identity's last four digits, and the
/// eleventh try after ten wrong ones refused. axe-core finds no serious or critical violation on any of them (WCAG 2.1 AA).
/// </summary>
public sealed class PortalFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Citizen = "030090002468";

    [Fact]
    public async Task A_citizen_on_a_phone_finds_a_procedure_without_diacritics_reads_it_and_looks_up_a_dossier_with_its_code_and_four_digits()
    {
        // A dossier received at Phường Cẩm Thượng, through the desk's API.
        var desk = await host.SignedInPageAsync("motcua.camthuong");
        var created = await BrowserHost.JsonAsync(await desk.APIRequest.PostAsync("/api/v1/counters/dossiers", new()
        {
            DataObject = new
            {
                procedureCode = "1.001193",
                applicant = new { kind = "CITIZEN", identity = Citizen, name = "Lê Văn Cường" },
                components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
            },
        }), 201);
        var code = created.GetProperty("code").GetString()!;
        await desk.Context.CloseAsync();

        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        var findings = new List<string>();

        // 1. Search without diacritics.
        await page.GotoAsync("/Portal", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await AxeAsync(page, findings);
        await page.GetByLabel("Tên hoặc mã thủ tục").FillAsync("dang ky khai sinh");
        await page.GetByTestId("search").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=dang"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var results = page.GetByTestId("procedures").Locator("li");
        (await results.CountAsync()).ShouldBeGreaterThan(0);
        (await page.GetByTestId("procedures").InnerTextAsync()).ShouldContain("đăng ký khai sinh", Case.Insensitive);
        (await page.Locator("a[href='/Portal/Procedure/1.001193']").InnerTextAsync()).ShouldBe("Thủ tục đăng ký khai sinh");
        (await StaffUiTests.OffScreenAsync(page, "main a, main input, main select, main button")).ShouldBeEmpty();
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "portal-search-phone");

        // 2. The procedure's page: components, times and fees per channel, where to submit.
        await page.Locator("a[href='/Portal/Procedure/1.001193']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Portal/Procedure/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("procedure-name").InnerTextAsync()).ShouldBe("Thủ tục đăng ký khai sinh");
        (await page.GetByTestId("components").Locator("li").CountAsync()).ShouldBeGreaterThan(0);
        (await page.GetByTestId("times").InnerTextAsync()).ShouldContain("Trực tiếp");
        (await page.GetByTestId("channels").InnerTextAsync()).ShouldContain("Bộ phận Một cửa");
        (await page.GetByTestId("location-independent").InnerTextAsync()).ShouldNotBeEmpty();
        (await StaffUiTests.OffScreenAsync(page, "main a, main li, main button")).ShouldBeEmpty();
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "portal-procedure-phone");

        // 3. The look-up: the code and the last four digits show the status and a masked name, never the identity.
        await page.GotoAsync("/Portal/Lookup", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await AxeAsync(page, findings);
        await page.GetByLabel("Mã hồ sơ").FillAsync(code);
        await page.GetByLabel("4 số cuối số định danh của người nộp").FillAsync(Citizen[^4..]);
        await page.GetByTestId("lookup").ClickAsync();
        await page.GetByTestId("lookup-result").WaitForAsync();
        (await page.GetByTestId("lookup-status").InnerTextAsync()).ShouldBe("Đã tiếp nhận");
        var shown = await page.GetByTestId("lookup-result").InnerTextAsync();
        shown.ShouldContain("L* V** Cường");
        shown.ShouldNotContain(Citizen);
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "portal-lookup-phone");

        // 4. Ten wrong tries are answered "not found"; the eleventh, even with the right digits, is refused for a while.
        for (var i = 0; i < PublicLookupLimits.FreeTries; i++)
        {
            await LookupAsync(page, code, (1000 + i).ToString());
            (await page.GetByTestId("lookup-problem").InnerTextAsync()).ShouldContain("Không tìm thấy hồ sơ", customMessage: $"wrong try {i + 1}");
        }

        await LookupAsync(page, code, Citizen[^4..]);
        (await page.GetByTestId("lookup-problem").InnerTextAsync()).ShouldContain("quá nhiều lần");
        (await page.GetByTestId("lookup-result").CountAsync()).ShouldBe(0);
        await AxeAsync(page, findings);
        await BrowserHost.ScreenshotAsync(page, "portal-lookup-throttled-phone");

        // 5. Public statistics (figures or the empty state) and the old look-up address.
        await page.GotoAsync("/Portal/Statistics", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await AxeAsync(page, findings);
        await page.GotoAsync($"/Counters/Public/Lookup?code={code}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        page.Url.ShouldContain("/Portal/Lookup?code=");
        (await page.GetByLabel("Mã hồ sơ").InputValueAsync()).ShouldBe(code);

        findings.ShouldBeEmpty();
        await context.CloseAsync();
    }

    private static async Task LookupAsync(IPage page, string code, string digits)
    {
        await page.GotoAsync("/Portal/Lookup", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Mã hồ sơ").FillAsync(code);
        await page.GetByLabel("4 số cuối số định danh của người nộp").FillAsync(digits);
        await page.GetByTestId("lookup").ClickAsync();
        await page.GetByTestId("lookup-problem").Or(page.GetByTestId("lookup-result")).WaitForAsync();
    }

    /// <summary>axe-core with the WCAG 2.1 A/AA tags, as <see cref="StaffUiTests"/> runs it; serious and critical ones are kept.</summary>
    private static async Task AxeAsync(IPage page, List<string> findings)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        findings.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{new Uri(page.Url).PathAndQuery}: {v.Id} ({v.Impact}) ×{v.Nodes.Length} — {v.Nodes.First().Target} {v.Nodes.First().Html}"));
    }
}
