using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using OneStop.Evaluation.Tests;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// December 2026 with the plan 2021–2025 over: a host with its job server on, some 2026 ratings and dossiers, and no
/// 2026 targets (the shipped defaults removed), so every 2026 cockpit tile starts grey.
/// </summary>
public sealed class TargetsHost : BrowserHost
{
    public const int Year = 2026;

    public TargetsHost()
    {
        With("Jobs:ServerEnabled", "true");
        With("Jobs:QueuePollIntervalSeconds", "1");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KpiDataGenerator.GenerateAsync(Database.ConnectionString!, Year, new KpiDataGenerator.Volumes(300, 60, 8));
        await KpiDataGenerator.GenerateDossiersAsync(Database.ConnectionString!, Year, new KpiDataGenerator.Volumes(300, 60, 8));
        await SqlAsync($"""DELETE FROM evaluation."Targets" WHERE "Year" = {Year}""");
    }

    public async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the full recomputes queued after <paramref name="since"/> have all finished (the real Hangfire jobs).</summary>
    public async Task WaitForFullRunsAsync(DateTimeOffset since, int atLeast = 1)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE "FinishedAt" IS NOT NULL), count(*) FILTER (WHERE "FinishedAt" IS NULL)
                FROM evaluation."KpiRuns" WHERE "Kind" = 'full' AND "StartedAt" >= @since
                """, connection);
            command.Parameters.AddWithValue("since", since.UtcDateTime);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                if (reader.GetInt64(0) >= atLeast && reader.GetInt64(1) == 0)
                {
                    return;
                }
            }

            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(6), "the recompute job did not finish");
            await Task.Delay(500);
        }
    }
}

/// <summary>
/// Acceptance (issue 16, targets): the provincial leader enters the 2026 targets (copied from 2025, one changed, one out
/// of range refused in Vietnamese with nothing saved); the 2026 cockpit colours its tiles against them; a commune the
/// administrator marks especially difficult leaves the desks-digitising denominator at the next computation.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class TargetsFlowTests(TargetsHost host) : IClassFixture<TargetsHost>
{
    [Fact]
    public async Task The_provincial_leader_enters_2026_targets_the_cockpit_colours_against_them_and_an_especially_difficult_commune_leaves_the_denominator()
    {
        var page = await host.SignedInPageAsync("lanhdao.tinh");
        page.SetDefaultTimeout(90_000);

        // 2026 computed without targets: every tile grey.
        var started = DateTimeOffset.UtcNow;
        await page.GotoAsync($"/Evaluation?year={TargetsHost.Year}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Tính lại toàn bộ năm {TargetsHost.Year}" }).ClickAsync();
        await host.WaitForFullRunsAsync(started);
        await page.GotoAsync($"/Evaluation?year={TargetsHost.Year}");
        var cards = page.GetByTestId("kpi-card");
        (await cards.CountAsync()).ShouldBeGreaterThan(10);
        (await Rags(page)).ShouldAllBe(r => r == "none");
        (await page.Locator("[data-testid=kpi-card][data-code='plan.satisfaction']").GetAttributeAsync("data-rag")).ShouldBe("none");
        await BrowserHost.ScreenshotAsync(page, "targets-cockpit-grey");

        // To the targets page from the cockpit: none for 2026 yet; copy 2025's.
        await page.GetByTestId("targets-link").ClickAsync();
        await page.WaitForURLAsync("**/Evaluation/Targets?year=2026", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("targets-empty").CountAsync()).ShouldBe(1);
        started = DateTimeOffset.UtcNow;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sao chép chỉ tiêu năm 2025 sang năm 2026" }).ClickAsync();
        await page.GetByTestId("targets-copied").WaitForAsync();
        var rows = await page.GetByTestId("target-row").CountAsync();
        rows.ShouldBeGreaterThan(20);

        // A ratio target of 120 %: refused in Vietnamese, nothing saved.
        await page.Locator("#Input_Code").SelectOptionAsync(new SelectOptionValue { Value = "plan.online-share" });
        await page.Locator("#Input_Value").FillAsync("120");
        await page.Locator("#Input_LegalBasis").FillAsync("Kế hoạch số 45/KH-UBND ngày 15/01/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        (await page.GetByTestId("target-errors").InnerTextAsync()).ShouldContain("Chỉ tiêu của chỉ số tỷ lệ phải từ 0 đến 100 %.");
        await page.GotoAsync("/Evaluation/Targets?year=2026");
        (await page.GetByTestId("target-row").CountAsync()).ShouldBe(rows);

        // Edit the satisfaction target (all levels) to the 2026 plan's 90 %.
        await page.Locator("[data-testid=target-row][data-code='plan.satisfaction']").GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await page.Locator("#Input_Value").FillAsync("90");
        await page.Locator("#Input_LegalBasis").FillAsync("Kế hoạch số 45/KH-UBND ngày 15/01/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await page.GetByTestId("target-saved").WaitForAsync();
        var satisfaction = page.Locator("[data-testid=target-row][data-code='plan.satisfaction']");
        (await satisfaction.GetByTestId("target-value").InnerTextAsync()).ShouldBe("90 %");
        (await satisfaction.InnerTextAsync()).ShouldContain("Kế hoạch số 45/KH-UBND");
        (await page.GetByTestId("target-row").CountAsync()).ShouldBe(rows);
        await BrowserHost.ScreenshotAsync(page, "targets-2026");

        // The copy carried "except especially difficult communes", which queued a recompute of 2026; once done, the
        // cockpit colours its tiles against the 2026 targets.
        await host.WaitForFullRunsAsync(started);
        await page.GotoAsync($"/Evaluation?year={TargetsHost.Year}");
        (await page.Locator("[data-testid=kpi-card][data-code='plan.satisfaction']").GetAttributeAsync("data-rag")).ShouldBeOneOf("green", "amber", "red");
        (await Rags(page)).Count(r => r != "none").ShouldBeGreaterThanOrEqualTo(3);
        (await page.Locator("[data-testid=kpi-card][data-code='plan.satisfaction']").InnerTextAsync()).ShouldContain("90");
        await BrowserHost.ScreenshotAsync(page, "targets-cockpit-coloured");

        // The province's desks-digitising denominator: one desk per commune and district.
        var desks = $"/Evaluation/Kpi?code=plan.desks-digitising&period={TargetsHost.Year}";
        await page.GotoAsync(desks);
        var before = decimal.Parse((await page.GetByTestId("kpi-denominator").GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);
        before.ShouldBeGreaterThan(0);

        // The administrator marks a commune especially difficult from 1 January 2026.
        var commune = await host.AsSystemAsync(async sp => await sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.AsNoTracking()
            .Where(u => u.Level == UnitLevels.Commune && u.ValidTo == null).OrderBy(u => u.Code).Skip(2).Select(u => u.Name).FirstAsync());
        var admin = await host.SignedInPageAsync("admin");
        admin.SetDefaultTimeout(90_000);
        await admin.GotoAsync("/Units");
        (await admin.GetByTestId("designations-empty").CountAsync()).ShouldBe(1);
        await admin.Locator("#Mark_UnitId").SelectOptionAsync(new SelectOptionValue { Label = commune });
        await admin.Locator("#Mark_ValidFrom").FillAsync("2026-01-01");
        await admin.Locator("#Mark_LegalBasis").FillAsync("Quyết định số 861/QĐ-TTg ngày 04/6/2021");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu xã đặc biệt khó khăn" }).ClickAsync();
        await admin.GetByTestId("units-message").WaitForAsync();
        var marked = admin.Locator($"[data-testid=designation][data-unit='{commune}']");
        (await marked.GetAttributeAsync("data-in-force")).ShouldBe("true");
        (await marked.InnerTextAsync()).ShouldContain("861/QĐ-TTg");
        await BrowserHost.ScreenshotAsync(admin, "units-especially-difficult");
        await admin.Context.CloseAsync();

        // At the next computation (here the leader's "recompute") the commune's desk is out of the denominator.
        started = DateTimeOffset.UtcNow;
        await page.GotoAsync($"/Evaluation?year={TargetsHost.Year}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Tính lại toàn bộ năm {TargetsHost.Year}" }).ClickAsync();
        await host.WaitForFullRunsAsync(started);
        await page.GotoAsync(desks);
        var after = decimal.Parse((await page.GetByTestId("kpi-denominator").GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);
        after.ShouldBe(before - 1);
        await BrowserHost.ScreenshotAsync(page, "targets-desks-denominator");
    }

    private static async Task<IReadOnlyList<string>> Rags(IPage page) =>
        (await page.GetByTestId("kpi-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.getAttribute('data-rag') ?? 'none')")).ToList();
}
