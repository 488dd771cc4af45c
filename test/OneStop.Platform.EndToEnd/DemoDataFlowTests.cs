using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Platform.Domain;
using OneStop.Platform.Host.Demo;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// Acceptance of issue 22: on the embedded default a newcomer signs in as the provincial leader and finds a working
/// province — KPI figures for the last complete month, dossiers in the register, and search that ignores diacritics.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed partial class DemoDataFlowTests(DemoDataBrowserHost host) : IClassFixture<DemoDataBrowserHost>
{
    [Fact]
    public async Task The_provincial_leader_finds_a_working_province_on_the_first_start()
    {
        // Generated in the background once the host is ready, as after `dotnet run`.
        var status = host.Services.GetRequiredService<DemoDataStatus>();
        await status.Completion.WaitAsync(TimeSpan.FromMinutes(6));
        status.DossiersGenerated.ShouldNotBeNull();
        status.DossiersGenerated.Value.ShouldBe(status.Requested);
        status.Requested.ShouldBe(DemoDataSeeder.DefaultCount); // the default path, as a newcomer gets it
        Console.WriteLine($"Demo data: {status.DossiersGenerated} dossiers in {status.Elapsed.TotalSeconds:F1} s");

        var today = VietnamTime.Today(host.Services.GetRequiredService<TimeProvider>());
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var page = await host.SignedInPageAsync("lanhdao.tinh");
        page.SetDefaultTimeout(60_000);

        // The cockpit of the year and the figures of the last complete month, from the snapshots computed at start.
        await page.GotoAsync($"/Evaluation?year={lastMonth.Year}");
        (await page.GetByTestId("cockpit-unit").InnerTextAsync()).ShouldBe("Thành phố Hải Phòng");
        (await page.GetByTestId("kpi-card").CountAsync()).ShouldBeGreaterThan(5);
        await BrowserHost.ScreenshotAsync(page, "demo-data-cockpit");
        foreach (var code in new[] { "plan.on-time", "plan.online-share" })
        {
            await page.GotoAsync($"/Evaluation/Kpi?code={code}&period={lastMonth:yyyy-MM}");
            (await page.GetByTestId("kpi-title").InnerTextAsync()).ShouldContain(lastMonth.ToString("yyyy-MM"));
            var value = await page.GetByTestId("kpi-value").InnerTextAsync();
            NonZero().IsMatch(value).ShouldBeTrue($"{code} for {lastMonth:yyyy-MM} shows \"{value}\"");
        }

        await BrowserHost.ScreenshotAsync(page, "demo-data-kpi-month");

        // The register lists dossiers.
        await page.GotoAsync("/Counters/Dossiers");
        (await page.Locator("[data-testid=dossiers] tbody tr").CountAsync()).ShouldBeGreaterThan(0);

        // A common name typed without diacritics finds the dossiers of Nguyễn Văn ….
        await page.GotoAsync("/Counters/Search?q=nguyen+van");
        var rows = page.Locator("[data-testid=results] tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        (await page.GetByTestId("results").InnerTextAsync()).ShouldContain("Nguyễn Văn");
        await BrowserHost.ScreenshotAsync(page, "demo-data-search");
    }

    [GeneratedRegex("[1-9]")]
    private static partial Regex NonZero();
}
