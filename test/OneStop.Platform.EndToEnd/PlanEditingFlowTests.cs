using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OneStop.Platform.EndToEnd;

/// <summary>Issue 16 (4): the provincial office enters a 2026–2030 plan with one task, chosen agencies, and assigns it to a unit.</summary>
public sealed class PlanEditingFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_provincial_office_enters_a_2026_2030_plan_with_one_task_and_assigns_it()
    {
        var page = await host.NewPageAsync();
        // The machine is shared and often loaded: allow slow first responses rather than fail on timing.
        page.SetDefaultTimeout(90_000);
        await BrowserHost.SignInAsync(page, "lanhdao.tinh");

        // From the module's index to the plans, where the 2021–2025 plan is listed.
        await page.GotoAsync("/PlanTasks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Các kế hoạch" }).ClickAsync();
        await page.GetByTestId("plans-table").WaitForAsync();
        await ShouldPassAxeAsync(page);

        // A new plan, issued and in force from 15/01/2026.
        await page.GetByText("Thêm kế hoạch").ClickAsync();
        var form = page.GetByTestId("new-plan");
        await form.GetByLabel("Số kế hoạch").FillAsync("45/KH-UBND");
        await form.GetByLabel("Trích yếu").FillAsync("Kế hoạch thực hiện cơ chế một cửa, một cửa liên thông giai đoạn 2026 – 2030");
        await form.GetByLabel("Người ký").FillAsync("Phó Chủ tịch UBND thành phố");
        await form.GetByLabel("Ngày ban hành").FillAsync("2026-01-15");
        await form.GetByLabel("Trạng thái").SelectOptionAsync("issued");
        await form.GetByLabel("Từ năm").FillAsync("2026");
        await form.GetByLabel("Đến năm").FillAsync("2030");
        await form.GetByLabel("Có hiệu lực từ").FillAsync("2026-01-15");
        await form.GetByLabel("Hết hiệu lực sau ngày").FillAsync("2030-12-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }).ClickAsync();
        (await page.GetByTestId("flash").InnerTextAsync()).ShouldContain("Đã lưu kế hoạch");
        (await page.GetByTestId("plan-number").InnerTextAsync()).ShouldBe("45/KH-UBND");
        (await page.GetByTestId("plan-status").InnerTextAsync()).ShouldContain("Đang có hiệu lực");
        await ShouldPassAxeAsync(page);

        // One group, one task with a lead and a coordinating agency picked from the lists.
        await page.GetByLabel("Tên nhóm nhiệm vụ mới").FillAsync("Nhóm nhiệm vụ chuyển đổi số trong giải quyết TTHC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhóm nhiệm vụ" }).ClickAsync();
        (await page.GetByTestId("flash").InnerTextAsync()).ShouldContain("Đã lưu nhóm nhiệm vụ");
        await page.GetByTestId("add-task").ClickAsync();
        await page.GetByLabel("Tên nhiệm vụ").FillAsync("Số hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực");
        await page.GetByLabel("Cơ quan chủ trì").SelectOptionAsync(new SelectOptionValue { Value = "agency:VPUBND" });
        await page.GetByLabel("Cơ quan phối hợp").SelectOptionAsync(new SelectOptionValue { Value = "agency:STTTT" });
        await page.GetByLabel("Loại thời hạn").SelectOptionAsync("date");
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("Tháng", new() { Exact = true }).FillAsync("6");
        await page.GetByLabel("Năm (để trống: hằng năm)").FillAsync("2027");
        await page.GetByLabel("Sản phẩm dự kiến").FillAsync("Báo cáo kết quả số hóa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nhiệm vụ" }).ClickAsync();
        (await page.GetByTestId("flash").InnerTextAsync()).ShouldContain("Đã lưu nhiệm vụ");
        (await page.GetByTestId("task-lead").InnerTextAsync()).ShouldContain("Văn phòng");
        (await page.GetByTestId("task-deadline").InnerTextAsync()).ShouldBe("Ngày 30/6/2027");
        (await page.GetByTestId("task-assignments-empty").InnerTextAsync()).ShouldContain("chưa được giao");
        await ShouldPassAxeAsync(page);

        // Assigned to a unit from the task's page.
        var unit = page.Locator("#AssignUnitId option").Nth(1);
        var unitName = (await unit.InnerTextAsync()).Trim();
        await page.GetByLabel("Giao cho đơn vị").SelectOptionAsync(new SelectOptionValue { Label = unitName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        (await page.GetByTestId("flash").InnerTextAsync()).ShouldContain("Đã giao nhiệm vụ");
        (await page.GetByTestId("task-assignments").InnerTextAsync()).ShouldContain(unitName);
        (await page.GetByTestId("task-assignments").InnerTextAsync()).ShouldContain("30/06/2027");
        await BrowserHost.ScreenshotAsync(page, "plantasks-plan-2026-task-assigned");

        // The plan page lists the task under its group.
        await page.GetByRole(AriaRole.Link, new() { Name = "45/KH-UBND" }).ClickAsync();
        (await page.GetByTestId("plan-task").InnerTextAsync()).ShouldContain("Số hóa hồ sơ");
    }

    /// <summary>The new pages (with their edit forms open) have no serious or critical axe finding, as the crawl requires.</summary>
    private static async Task ShouldPassAxeAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Nodes.First().Target}").ShouldBeEmpty();
    }
}
