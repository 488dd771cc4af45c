using System.Diagnostics;
using Microsoft.Playwright;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// One visit in real browsers: a citizen takes a number at the kiosk (no login), the officer calls it and the
/// waiting-room board shows it at once, the officer serves it and receives a dossier for it through the real intake;
/// the recorded waiting time is the clock's.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class QueueFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    /// <summary>A page with room for a loaded machine (first requests compile pages); the board's one-second check stays explicit.</summary>
    private async Task<IPage> NewPageAsync()
    {
        var page = await host.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    [Fact]
    public async Task A_kiosk_ticket_is_called_on_the_board_served_and_linked_to_a_dossier()
    {
        // A working Tuesday inside the shipped calendar; the clock moves only when the test says so.
        host.Clock.SetVietnamTime(2026, 12, 8, 8);
        try
        {
            await Walk();
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    private async Task Walk()
    {
        // The ward leader sets up the desk and a counter for civil status.
        var leader = await NewPageAsync();
        await BrowserHost.SignInAsync(leader, "lanhdao.camthuong");
        // No desk yet: the queue's page says to create one first and leads to desk setup.
        await leader.GotoAsync("/Queue");
        await leader.GetByTestId("create-desk-first").GetByRole(AriaRole.Link).ClickAsync();
        await leader.WaitForURLAsync("**/Queue/Desks", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await leader.GetByLabel("Mã (dùng trong địa chỉ kiosk)").FillAsync("MC10507");
        await leader.GetByLabel("Tên điểm phục vụ").FillAsync("Bộ phận Một cửa phường Cẩm Thượng");
        await leader.GetByTestId("create-desk").GetByRole(AriaRole.Button).ClickAsync();
        var addCounter = leader.GetByTestId("add-counter-MC10507");
        await addCounter.GetByLabel("Tên quầy").FillAsync("Quầy 1");
        await addCounter.GetByLabel("Hộ tịch", new() { Exact = true }).CheckAsync();
        await addCounter.GetByRole(AriaRole.Button, new() { Name = "Thêm quầy" }).ClickAsync();
        (await leader.GetByTestId("desk-MC10507").InnerTextAsync()).ShouldContain("Quầy 1");

        // The waiting-room screen, no login.
        var board = await NewPageAsync();
        await board.GotoAsync("/Queue/Board/MC10507");
        await board.GetByText("Đang cập nhật trực tiếp").WaitForAsync();
        await board.Locator("#chime-toggle").ClickAsync();

        // A citizen takes a number at the kiosk, no login, large buttons.
        var kiosk = await NewPageAsync();
        await kiosk.GotoAsync("/Queue/Kiosk/MC10507");
        // The test clock keeps running from the set moment: the real seconds between issue and call are added. The
        // watch brackets both server moments (it starts before the issuing click, stops after the board shows the call).
        var sinceIssue = Stopwatch.StartNew();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Hộ tịch", Exact = true }).ClickAsync();
        (await kiosk.GetByTestId("ticket-number").InnerTextAsync()).ShouldBe("001");
        await BrowserHost.ScreenshotAsync(kiosk, "queue-kiosk-ticket");
        await Assertions.Expect(board.GetByTestId("board-waiting")).ToContainTextAsync("1");

        // Seven minutes later the officer sits at counter 1 and calls: the board shows it within a second.
        host.Clock.Advance(TimeSpan.FromMinutes(7));
        var officer = await NewPageAsync();
        await BrowserHost.SignInAsync(officer, "motcua.camthuong");
        await officer.GotoAsync("/Queue/Console");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ngồi Quầy 1" }).ClickAsync();
        var call = officer.GetByRole(AriaRole.Button, new() { Name = "Gọi số tiếp theo" });
        var watch = Stopwatch.StartNew();
        await call.ClickAsync();
        await Assertions.Expect(board.GetByTestId("latest-call")).ToHaveTextAsync("001 → Quầy 1", new() { Timeout = 1000 });
        watch.Stop();
        var realSeconds = (int)Math.Ceiling(sinceIssue.Elapsed.TotalSeconds);
        Console.WriteLine($"call → board shows it: {watch.ElapsedMilliseconds} ms");
        (await officer.GetByTestId("current-ticket").InnerTextAsync()).ShouldBe("001");
        await BrowserHost.ScreenshotAsync(board, "queue-board");

        // Serving: the visit is linked to the dossier it led to (by code at the counter; the intake's DossierChanged
        // path is covered by QueueApiTests).
        await officer.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu phục vụ" }).ClickAsync();
        const string code = "MC10507-261208-0001";
        await officer.GetByLabel("Mã hồ sơ").FillAsync(code);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gắn hồ sơ" }).ClickAsync();

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await officer.GotoAsync("/Queue/Console");
        (await officer.GetByTestId("current-dossiers").InnerTextAsync()).ShouldContain(code);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kết thúc" }).ClickAsync();

        // The recorded wait is the clock's: issued 08:00, called 08:07 plus the seconds the test itself took.
        var wait = officer.GetByTestId("wait-001");
        var seconds = int.Parse((await wait.GetAttributeAsync("data-seconds"))!);
        seconds.ShouldBeInRange(420, 420 + realSeconds);
        (await wait.InnerTextAsync()).ShouldBe($"{seconds / 60}:{seconds % 60:00}");
        (await officer.GetByTestId("served").InnerTextAsync()).ShouldContain(code);
        await BrowserHost.ScreenshotAsync(officer, "queue-console");

        // The leader's board counts the visit.
        await leader.GotoAsync("/Queue");
        // Its average wait is that one recorded wait, in minutes with one decimal as a Vietnamese reader writes it
        // (the page rounds the exact wait, the attribute above holds whole seconds: allow that one second).
        var row = leader.GetByTestId("stats").Locator("tbody tr");
        (await row.CountAsync()).ShouldBe(1);
        var cells = await row.Locator("td").AllInnerTextsAsync();
        cells[1].ShouldBe("1"); // tickets
        cells[2].ShouldBe("1"); // called
        var averageWait = double.Parse(cells[4], new System.Globalization.CultureInfo("vi-VN"));
        averageWait.ShouldBeInRange(Math.Round((seconds - 1) / 60.0, 1), Math.Round((seconds + 1) / 60.0, 1));
    }
}
