using Microsoft.Playwright;

namespace OneStop.Platform.EndToEnd;

/// <summary>Acceptance (b): a district reports progress with evidence, the provincial office accepts, the overview shows it.</summary>
public sealed class PlanTasksFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task District_reports_with_evidence_province_accepts_and_the_overview_shows_completed()
    {
        const string district = "Thành phố Hải Dương";
        var row = $"tr[data-task='2021.a.2'][data-unit='{district}']";

        // The district leader opens its task and reports it done, with a minutes file as evidence.
        var page = await host.NewPageAsync();
        // The machine is shared and often loaded: allow slow first responses rather than fail on timing.
        page.SetDefaultTimeout(90_000);
        await BrowserHost.SignInAsync(page, "lanhdao.tphd");
        await page.GotoAsync("/PlanTasks?task=2021.a.2");
        (await page.Locator(row).GetByTestId("assignment-status").InnerTextAsync()).ShouldBe("Chưa thực hiện");
        await page.Locator(row).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByLabel("Trạng thái").SelectOptionAsync("completed");
        await page.GetByLabel("Tỷ lệ hoàn thành (%)").FillAsync("100");
        await page.GetByLabel("Nội dung báo cáo").FillAsync("Đã ban hành Kế hoạch số 15/KH-UBND triển khai Đề án trên địa bàn thành phố.");
        await page.GetByLabel("Tài liệu minh chứng").SetInputFilesAsync(new FilePayload
        {
            // Evidence is a PDF (or a scan as JPG/PNG): the upload guard reads the type from the content.
            Name = "ke-hoach-15.pdf", MimeType = "application/pdf",
            Buffer = new OneStop.Platform.Documents.PdfWriter("Kế hoạch số 15/KH-UBND", "UBND thành phố Hải Dương").NewPage().Text("Kế hoạch số 15/KH-UBND ngày 20/7/2021").ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        (await page.GetByTestId("flash").InnerTextAsync()).ShouldContain("Đã gửi báo cáo tiến độ");
        (await page.GetByTestId("report-review").InnerTextAsync()).ShouldBe("Chờ xem xét");
        (await page.GetByTestId("evidence-link").InnerTextAsync()).ShouldBe("ke-hoach-15.pdf");
        await BrowserHost.ScreenshotAsync(page, "plantasks-report-sent");

        // The provincial office reviews it: sees the evidence, accepts with a comment.
        var office = await host.NewPageAsync();
        office.SetDefaultTimeout(90_000);
        await BrowserHost.SignInAsync(office, "lanhdao.tinh");
        await office.GotoAsync("/PlanTasks");
        (await office.GetByTestId("pending-reviews").InnerTextAsync()).ShouldContain("1 báo cáo");
        // The review queue leads straight to the reported task.
        await office.GetByText("Danh sách báo cáo chờ xem xét").ClickAsync();
        (await office.GetByTestId("review-queue").Locator("tbody tr").InnerTextAsync()).ShouldContain(district);
        await office.GetByTestId("review-queue").GetByRole(AriaRole.Link, new() { Name = "2021.a.2" }).ClickAsync();
        var download = await office.RunAndWaitForDownloadAsync(() => office.GetByTestId("evidence-link").ClickAsync());
        download.SuggestedFilename.ShouldBe("ke-hoach-15.pdf");
        await office.GetByLabel("Ý kiến xem xét").FillAsync("Đạt yêu cầu.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận báo cáo" }).ClickAsync();
        (await office.GetByTestId("flash").InnerTextAsync()).ShouldContain("Đã chấp nhận báo cáo");
        (await office.GetByTestId("assignment-status").InnerTextAsync()).ShouldBe("Hoàn thành");

        // The provincial overview now shows the district's task as completed, other districts unchanged.
        await office.GotoAsync("/PlanTasks?task=2021.a.2");
        (await office.Locator(row).GetByTestId("assignment-status").InnerTextAsync()).ShouldBe("Hoàn thành");
        (await office.Locator("tr[data-task='2021.a.2'][data-unit='Thành phố Chí Linh']").GetByTestId("assignment-status").InnerTextAsync()).ShouldBe("Chưa thực hiện");
        await BrowserHost.ScreenshotAsync(office, "plantasks-overview-accepted");

        // The accepted report is folded into the periodic TTHC-control report of the current quarter (page and PDF).
        await office.GotoAsync($"/PlanTasks/ControlReport?unit={await UnitIdAsync(office, district)}");
        (await office.GetByTestId("narrative").First.InnerTextAsync()).ShouldContain("15/KH-UBND");
        var report = await office.RunAndWaitForDownloadAsync(() => office.GetByTestId("report-pdf").ClickAsync());
        var path = Path.Combine(BrowserHost.ScreenshotDirectory, "control-report-e2e.pdf");
        await report.SaveAsAsync(path);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("Kế hoạch số 15/KH-UBND triển khai Đề án");
        text.ShouldContain("ke-hoach-15.pdf");
        await BrowserHost.ScreenshotAsync(office, "plantasks-control-report");
    }

    /// <summary>The unit's id as the report page offers it in its unit list.</summary>
    private static async Task<string> UnitIdAsync(IPage page, string unitName)
    {
        await page.GotoAsync("/PlanTasks/ControlReport");
        return await page.Locator("#unit option", new() { HasText = unitName }).GetAttributeAsync("value") ?? "";
    }
}
