using Npgsql;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.EndToEnd;

/// <summary>The host on Kestrel at a free loopback port, and one headless Chromium for the class.</summary>
public class BrowserHost : OneStopFactory
{
    /// <summary>Debian's Chromium; CHROMIUM_PATH overrides.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserHost() { }

    /// <summary>On <paramref name="provider"/>: SQLite for the embedded default.</summary>
    protected BrowserHost(TestProvider provider) : base(provider) { }

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots land here (kept as CI artefacts and for looking at the rendered Vietnamese).</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Kestrel's heartbeat and timeouts stall on a clock that stands still.</summary>
    protected override bool ClockRuns => true;

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "localhost").Replace("127.0.0.1", "localhost");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: keep Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
            _playwright = null;
        }

        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US", ViewportSize = new() { Width = 1280, Height = 800 } });
        return await context.NewPageAsync();
    }

    /// <summary>The JSON body of an API response made with a page's cookies, after checking its status (the body is the message).</summary>
    public static async Task<System.Text.Json.JsonElement> JsonAsync(IAPIResponse response, int expected = 200)
    {
        var body = await response.TextAsync();
        response.Status.ShouldBe(expected, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A new page signed in as <paramref name="userName"/> that confirms every "are you sure?" dialog.</summary>
    public async Task<IPage> SignedInPageAsync(string userName)
    {
        var page = await NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await SignInAsync(page, userName);
        return page;
    }

    public static async Task SignInAsync(IPage page, string userName, string password = OneStop.Platform.Identity.PlatformSeeder.DemoPassword)
    {
        // The DOM, not the load event, as below: under load the load event of the sign-in page came late (2026-12-07).
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        try
        {
            // The page's DOM, not its load event: CI twice waited 90 s for a load event that never came after the page had
            // arrived (2026-12-06, -07), with Playwright's log showing "NetworkIdle event fired".
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException e)
        {
            // Seen once in CI under load (2026-12-04): the page stayed on the login form. Say what the form showed.
            await ScreenshotAsync(page, "sign-in-stuck-" + userName);
            var shown = await page.Locator(".alert, .validation-summary-errors, .text-danger").AllInnerTextsAsync();
            throw new TimeoutException($"Sign-in as {userName} stayed on {page.Url}; the page shows: {string.Join(" | ", shown.Where(t => t.Length > 0))}", e);
        }
    }

    /// <summary>A district-level procedure (3–10 working days, no required components), read straight from the catalogue table.</summary>
    public async Task<(string Code, string Name)> DistrictProcedureAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p."Code", p."Name" FROM counters."Procedures" p
            WHERE p."AtDistrict" AND NOT p."AtCommune" AND NOT p."AtProvince"
              AND NOT EXISTS (SELECT 1 FROM counters."ProcedureComponents" c WHERE c."ProcedureId" = p."Id" AND c."Required")
              AND EXISTS (SELECT 1 FROM counters."ProcedureLegalTimes" t WHERE t."ProcedureId" = p."Id" AND t."Channel" = 'DIRECT'
                          AND t."Unit" = 'WORKING_DAY' AND t."Value" BETWEEN 3 AND 10)
            ORDER BY p."Code" LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the catalogue has a district-level procedure");
        return (reader.GetString(0), reader.GetString(1));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}
