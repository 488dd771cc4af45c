using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using OneStop.Evaluation.Tests;
using OneStop.Platform.Persistence;
using OneStop.PlanTasks.Contracts;
using UglyToad.PdfPig;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The host with its job server on, a generated year (2025) of ratings and complaints, and plan tasks due in 2025 for
/// the first communes of Thành phố Hải Dương.
/// </summary>
public sealed class CockpitHost : BrowserHost
{
    public CockpitHost()
    {
        With("Jobs:ServerEnabled", "true");
        With("Jobs:QueuePollIntervalSeconds", "1");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KpiDataGenerator.GenerateAsync(Database.ConnectionString!, 2025, KpiDataGenerator.Volumes.Realistic);
        // A year of dossiers too; the city of Hải Dương's desks take most of theirs at the counter, so its online-share
        // card (target 50%) is red and leads to dossiers.
        await KpiDataGenerator.GenerateDossiersAsync(Database.ConnectionString!, 2025, new KpiDataGenerator.Volumes(300, 60, 8));
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("""
                UPDATE counters."Dossiers" SET "Channel" = 'DIRECT'
                WHERE "UnitPath" LIKE '/30/288/%' AND "Channel" = 'ONLINE' AND abs(hashtext("Code")) % 4 <> 0
                """, connection).ExecuteNonQueryAsync();
        }
        await AsSystemAsync(async sp =>
        {
            var units = await sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Path.StartsWith("/30/288/") && u.Level == "commune")
                .OrderBy(u => u.Code).Take(3).Select(u => u.Id).ToListAsync();
            foreach (var unit in units)
            {
                await sp.GetRequiredService<IPlanTasksApi>().RaiseImprovementTaskAsync(
                    new ImprovementTaskRequest("e2e:" + unit, unit, "Niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa", "plan.tasks-done", new DateOnly(2025, 6, 30)));
            }

            return 0;
        });

    }

    /// <summary>Waits for the full recompute the leader queued from the cockpit (the real Hangfire job).</summary>
    public async Task WaitForFullRunAsync()
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("""SELECT count(*) FROM evaluation."KpiRuns" WHERE "Kind" = 'full' AND "FinishedAt" IS NOT NULL""", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(5), "the recompute job did not finish");
            await Task.Delay(500);
        }
    }
}

/// <summary>
/// Acceptance: the provincial leader opens the cockpit, drills into a district, follows a red card down to the
/// dossiers behind it, and downloads the evaluation report PDF (its first page rendered to PNG for a look at the Vietnamese).
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class EvaluationFlowTests(CockpitHost host) : IClassFixture<CockpitHost>
{
    [Fact]
    public async Task The_provincial_leader_drills_from_the_province_to_a_red_card_and_downloads_the_report()
    {
        var page = await host.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await BrowserHost.SignInAsync(page, "lanhdao.tinh");
        // Nothing computed yet: the leader queues the full recompute of 2025 from the cockpit (after a confirmation).
        await page.GotoAsync("/Evaluation?year=2025");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tính lại toàn bộ năm 2025" }).ClickAsync();
        await host.WaitForFullRunAsync();
        var opened = Stopwatch.StartNew();
        await page.GotoAsync("/Evaluation?year=2025");
        opened.Stop();
        (await page.GetByTestId("cockpit-unit").InnerTextAsync()).ShouldBe("Tỉnh Hải Dương");
        (await page.GetByTestId("kpi-card").CountAsync()).ShouldBeGreaterThan(10);
        (await page.GetByTestId("index-group").CountAsync()).ShouldBe(6);
        (await page.GetByTestId("ranking-chart").CountAsync()).ShouldBe(1);
        (await page.GetByTestId("child-row").CountAsync()).ShouldBe(12);
        await BrowserHost.ScreenshotAsync(page, "evaluation-cockpit-province");
        // Rendered under vi (the default): numbers in attributes stay invariant, or Chromium drops the chart points.
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("vi");
        (await AttributesWithDecimalCommaAsync(page)).ShouldBeEmpty();

        // Drill into a district.
        await page.Locator("[data-testid=child-row][data-unit='Thành phố Hải Dương'] a").ClickAsync();
        await page.WaitForURLAsync("**/Evaluation?unit=**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("cockpit-unit").InnerTextAsync()).ShouldBe("Thành phố Hải Dương");
        (await page.GetByTestId("breadcrumb").InnerTextAsync()).ShouldContain("Tỉnh Hải Dương");
        (await page.GetByTestId("child-row").CountAsync()).ShouldBeGreaterThan(5);
        var districtUrl = page.Url;

        // The red online-share card, down to the dossiers behind it (those filed at the counter first), and on to one.
        var red = page.Locator("[data-testid=kpi-card][data-code='plan.online-share']");
        (await red.GetAttributeAsync("data-rag")).ShouldBe("red");

        // Its definition card, opened from the keyboard (no hover): numerator and denominator in words with the counts
        // behind the figure, the period and unit, and the plan's clause (ADR 0029).
        var definition = red.GetByTestId("kpi-definition");
        await definition.GetByTestId("kpi-definition-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (await definition.GetAttributeAsync("open")).ShouldNotBeNull();
        (await definition.GetByTestId("kpi-definition-numerator").InnerTextAsync()).ShouldBe("Hồ sơ nộp trực tuyến");
        (await definition.GetByTestId("kpi-definition-denominator").InnerTextAsync()).ShouldBe("Hồ sơ tiếp nhận");
        (await definition.GetByTestId("kpi-definition-source").InnerTextAsync()).ShouldContain("mục II.3.c");
        (await definition.GetByTestId("kpi-definition-numerator-count").InnerTextAsync()).ShouldNotBe("—");
        (await definition.GetByTestId("kpi-definition-denominator-count").InnerTextAsync()).ShouldNotBe("—");
        (await definition.GetByTestId("kpi-definition-scope").InnerTextAsync()).ShouldContain("Thành phố Hải Dương");
        // A Decision 766 indicator's card names its group and indicator.
        var reuse = page.Locator("[data-testid=index-indicator][data-code='i766.5.4']");
        await page.Locator("[data-testid=index-group][data-code='i766.5'] > summary").ClickAsync();
        await reuse.GetByTestId("kpi-definition-toggle").ClickAsync();
        (await reuse.GetByTestId("kpi-definition-source").InnerTextAsync()).ShouldContain("Quyết định 766/QĐ-TTg");
        (await reuse.GetByTestId("kpi-definition-numerator").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await BrowserHost.ScreenshotAsync(page, "evaluation-definition-card");
        foreach (var region in new[] { "[data-testid=kpi-cards]", "[data-testid=index-groups]" })
        {
            var axe = await page.Locator(region).RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
            axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{region}: {v.Id} ({v.Impact}) {v.Nodes.First().Target}").ShouldBeEmpty();
        }

        await definition.GetByTestId("kpi-definition-toggle").PressAsync("Enter"); // closed again from the keyboard
        (await definition.GetAttributeAsync("open")).ShouldBeNull();
        await red.ClickAsync();
        await page.WaitForURLAsync("**/Evaluation/Kpi?**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("kpi-rag").InnerTextAsync()).ShouldBe("Không đạt");
        var rows = page.GetByTestId("kpi-row");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        (await rows.First.GetAttributeAsync("data-counted")).ShouldBe("false");
        await BrowserHost.ScreenshotAsync(page, "evaluation-red-card-rows");
        (await AttributesWithDecimalCommaAsync(page)).ShouldBeEmpty(); // the KPI page's trend chart
        var dossierCode = (await rows.First.Locator("a code").InnerTextAsync()).Trim();
        await rows.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/Counters/Dossiers/Detail?**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("dossier-code").InnerTextAsync()).ShouldBe(dossierCode);
        await BrowserHost.ScreenshotAsync(page, "evaluation-red-card-dossier");

        // Back on the district's cockpit, the quarterly report as PDF.
        await page.GotoAsync(districtUrl.Replace("quarter=0", "quarter=2"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-pdf").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var path = Path.Combine(BrowserHost.ScreenshotDirectory, "evaluation-report-e2e.pdf");
        await download.SaveAsAsync(path);
        using (var pdf = PdfDocument.Open(path))
        {
            var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            text.ShouldContain("BÁO CÁO ĐÁNH GIÁ");
            text.ShouldContain("Quý 2 năm 2025");
            text.ShouldContain("Thành phố Hải Dương");
            text.ShouldContain("Mức độ hài lòng");
        }

        if (File.Exists("/usr/bin/pdftoppm"))
        {
            using var render = Process.Start("/usr/bin/pdftoppm", ["-png", "-r", "90", "-f", "1", "-singlefile", path, Path.Combine(BrowserHost.ScreenshotDirectory, "evaluation-report-page1")])!;
            await render.WaitForExitAsync();
            render.ExitCode.ShouldBe(0);
            File.Exists(Path.Combine(BrowserHost.ScreenshotDirectory, "evaluation-report-page1.png")).ShouldBeTrue();

            // What makes the rendered page show Vietnamese rather than boxes: every font embedded, and each either
            // with a Unicode map (the CID fonts carrying the diacritics) or in the standard WinAnsi encoding.
            using var fonts = Process.Start(new ProcessStartInfo("/usr/bin/pdffonts", [path]) { RedirectStandardOutput = true })!;
            var lines = (await fonts.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            await fonts.WaitForExitAsync();
            lines.ShouldNotBeEmpty();
            foreach (var columns in lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                // name type… encoding emb sub uni object-id generation
                columns[^5].ShouldBe("yes", $"font not embedded: {string.Join(' ', columns)}");
                (columns[^3] == "yes" || columns.Contains("WinAnsi")).ShouldBeTrue($"font without a Unicode map: {string.Join(' ', columns)}");
            }
        }

        // On a phone (390 px): the district's cockpit and the dossier list keep every figure and the deadline on screen.
        var phone = await StaffUiTests.PhoneAsync(host, "lanhdao.tinh");
        await phone.GotoAsync(districtUrl);
        (await phone.GetByTestId("child-row").CountAsync()).ShouldBeGreaterThan(5);
        (await StaffUiTests.OffScreenAsync(phone, "[data-testid=child-row] td, [data-testid=kpi-card], [data-testid=ranking-chart]")).ShouldBeEmpty();
        await phone.Locator("[data-testid=kpi-card][data-code='plan.online-share'] [data-testid=kpi-definition-toggle]").ClickAsync();
        (await StaffUiTests.OffScreenAsync(phone, "[data-testid=kpi-definition] dd, [data-testid=kpi-definition] dt")).ShouldBeEmpty();
        await BrowserHost.ScreenshotAsync(phone, "evaluation-definition-card-phone");
        await BrowserHost.ScreenshotAsync(phone, "evaluation-cockpit-phone");
        await phone.GotoAsync("/Counters/Dossiers");
        (await phone.GetByTestId("due-at").CountAsync()).ShouldBeGreaterThan(0);
        (await StaffUiTests.OffScreenAsync(phone, "[data-testid=dossiers] td")).ShouldBeEmpty();
        await BrowserHost.ScreenshotAsync(phone, "dossiers-phone");
        await phone.Context.CloseAsync();

        Console.WriteLine($"Cockpit (province, year 2025) opened in {opened.ElapsedMilliseconds} ms including the browser's navigation.");
    }

    /// <summary>Numeric attributes of SVG and inline styles written with a decimal comma ("1,5"), as "tag attr=value".</summary>
    internal static async Task<string[]> AttributesWithDecimalCommaAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg, svg *, [style], [aria-valuenow]')].flatMap(e =>
                [...e.attributes].filter(a => a.name !== 'aria-label' && /\d,\d/.test(a.value)).map(a => `${e.tagName} ${a.name}=${a.value}`))
            """);
}
