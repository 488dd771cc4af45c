using Microsoft.Playwright;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The Content-Security-Policy in a real browser: pages, the API reference and the jobs dashboard render without a
/// violation; a person changes the password from the user menu.
/// </summary>
public sealed class SignInFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Pages_the_API_reference_and_the_jobs_dashboard_run_without_a_policy_violation()
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await BrowserHost.SignInAsync(page, "admin");

        await page.GotoAsync("/Units");
        await page.GetByLabel("Cấp").SelectOptionAsync("district"); // site.js submits the form
        await page.WaitForURLAsync("**/Units?level=district", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GotoAsync("/scalar/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.InnerTextAsync("body")).ShouldContain("units", Case.Insensitive);
        await BrowserHost.ScreenshotAsync(page, "scalar-under-csp");

        await page.GotoAsync("/jobs");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.InnerTextAsync("body")).ShouldContain("Hangfire", Case.Insensitive);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_person_changes_the_password_from_the_user_menu()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "motcua.binhhan");
        await page.GetByTestId("user-name").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(OneStop.Platform.Identity.PlatformSeeder.DemoPassword);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("binh han mua xuan 2027");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("binh han mua xuan 2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await page.GetByTestId("password-changed").WaitForAsync();
        await BrowserHost.ScreenshotAsync(page, "password-changed");
    }
}
