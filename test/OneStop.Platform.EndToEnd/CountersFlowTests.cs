using Microsoft.Playwright;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// Runs after the other browser classes, never beside them: two hosts with two Chromium instances at once starve this
/// two-core machine and page loads hit Playwright's 30 s timeout.
/// </summary>
[CollectionDefinition(nameof(SequentialBrowserCollection), DisableParallelization = true)]
public sealed class SequentialBrowserCollection;

/// <summary>A desk officer tries a due date over Tết and finds a procedure in the catalogue, in a real browser.</summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class CountersFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Desk_officer_computes_a_due_date_over_Tet_and_reads_how()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "motcua.camthuong");
        await page.GotoAsync("/Counters/Calendar/DueDate");
        await page.GetByLabel("Thời điểm tiếp nhận").FillAsync("2025-01-24T16:30");
        await page.GetByLabel("Thời hạn", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tính hạn" }).ClickAsync();

        (await page.GetByTestId("due-date-result").InnerTextAsync()).ShouldContain("16:30 Thứ Ba 04/02/2025");
        var explanation = await page.GetByTestId("due-date-explanation").InnerTextAsync();
        explanation.ShouldContain("Tết Nguyên đán Ất Tỵ (mùng 1)");
        await BrowserHost.ScreenshotAsync(page, "counters-due-date");
    }

    [Fact]
    public async Task Desk_officer_finds_birth_registration_without_typing_diacritics()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "motcua.camthuong");
        await page.GotoAsync("/Counters/Catalogue");
        await page.GetByPlaceholder("Mã hoặc tên thủ tục").FillAsync("dang ky khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục đăng ký khai sinh", Exact = true }).ClickAsync();

        (await page.GetByTestId("components").InnerTextAsync()).ShouldContain("Giấy chứng sinh");
        (await page.GetByTestId("legal-times").InnerTextAsync()).ShouldContain("1 ngày làm việc");
        await BrowserHost.ScreenshotAsync(page, "counters-procedure");
    }
}
