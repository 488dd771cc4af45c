using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.ControlReport;
using UglyToad.PdfPig;

namespace OneStop.PlanTasks.Tests;

/// <summary>
/// The plan's part of the periodic TTHC-control report: tasks with the status of their latest accepted report at the
/// end of the period, the accepted narratives of the period, as PDF (read back) and Excel (opened), within scope.
/// </summary>
public sealed class ControlReportTests(ControlReportTests.Fixture fx) : IClassFixture<ControlReportTests.Fixture>
{
    private const string Api = "/api/v1/plantasks";
    private const string District = "Thành phố Hải Dương";

    /// <summary>
    /// In Q3 2025 the city reports 2021.a.2 completed (with a PDF) and 2022.a.1 at 40 %, both accepted, and 2022.a.2,
    /// returned; in Q4 it reports 2022.a.1 completed, accepted. Built once for the class.
    /// </summary>
    public sealed class Fixture : OneStopFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Clock.SetVietnamTime(2025, 8, 15, 9);
            var district = await SignInAsync("lanhdao.tphd");
            var province = await SignInAsync("lanhdao.tinh");
            var pdf = new OneStop.Platform.Documents.PdfWriter("Kế hoạch 15", "test").NewPage().Text("Kế hoạch số 15/KH-UBND").ToArray();
            await ReportAsync(district, province, "2021.a.2", "completed", 100, "Đã ban hành Kế hoạch số 15/KH-UBND triển khai Đề án trên địa bàn thành phố.", ("ke-hoach-15.pdf", pdf), accept: true);
            await ReportAsync(district, province, "2022.a.1", "in-progress", 40, "Đã số hóa 40% kết quả giải quyết TTHC còn hiệu lực.", null, accept: true);
            await ReportAsync(district, province, "2022.a.2", "in-progress", 10, "Báo cáo sơ sài bị trả lại.", null, accept: false);
            Clock.SetVietnamTime(2025, 10, 6, 9);
            // Sign in again: the sign-in cookies of August have expired by the host's clock.
            district = await SignInAsync("lanhdao.tphd");
            province = await SignInAsync("lanhdao.tinh");
            await ReportAsync(district, province, "2022.a.1", "completed", 100, "Hoàn thành số hóa toàn bộ kết quả còn hiệu lực.", null, accept: true);
        }

        private static async Task ReportAsync(HttpClient district, HttpClient province, string task, string status, int percent, string narrative, (string Name, byte[] Bytes)? file, bool accept)
        {
            var page = await district.GetFromJsonAsync<JsonElement>($"{Api}/assignments/?task={task}&pageSize=200");
            var id = page.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("unitPath").GetString() == "/30/288/").GetProperty("id").GetGuid();
            using var form = new MultipartFormDataContent
            {
                { new StringContent("periodic"), "kind" }, { new StringContent(status), "status" },
                { new StringContent(percent.ToString()), "percent" }, { new StringContent(narrative), "narrative" },
            };
            if (file is { } f)
            {
                form.Add(new ByteArrayContent(f.Bytes), "files", f.Name);
            }

            var sent = await district.PostAsync($"{Api}/assignments/{id}/reports", form);
            sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
            var report = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var reviewed = await province.PostAsJsonAsync($"{Api}/reports/{report}/{(accept ? "accept" : "return")}", new { comment = accept ? "Đạt yêu cầu." : "Thiếu số liệu." });
            reviewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private Task<Guid> UnitId(string code) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private static XLWorkbook Workbook(byte[] bytes) => new(new MemoryStream(bytes));

    private static IXLRow TaskRow(XLWorkbook book, string code) =>
        book.Worksheet("Nhiệm vụ").RowsUsed().Single(r => r.Cell(2).GetString() == code && r.Cell(4).GetString() == District);

    [Fact]
    public async Task The_quarter_pdf_carries_the_accepted_narratives_and_the_state_at_the_end_of_the_quarter()
    {
        var district = await fx.SignInAsync("lanhdao.tphd");
        var response = await district.GetAsync($"{Api}/control-report?period=2025-Q3&format=pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("bao-cao-kiem-soat-tthc-288-2025-Q3.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText(bytes);
        text.ShouldContain("BÁO CÁO");
        text.ShouldContain("Quý III năm 2025");
        text.ShouldContain("THÀNH PHỐ HẢI DƯƠNG");
        text.ShouldContain("15/KH-UBND");                     // the accepted narrative of 2021.a.2
        text.ShouldContain("ke-hoach-15.pdf");                // its evidence, by name
        text.ShouldContain("Đã số hóa 40%");                  // the accepted narrative of 2022.a.1
        text.ShouldNotContain("sơ sài");                      // a returned report is not reported
        text.ShouldNotContain("Hoàn thành số hóa toàn bộ");   // submitted in Q4
        text.ShouldContain("2022.a.1 (Thành phố Hải Dương): hạn 31/12/2022, đạt 40%"); // listed late: due Q4 2022, open at the end of Q3 2025
        // People by full name, never by login: the reporter, the reviewer and the signer of NGƯỜI LẬP BÁO CÁO with the title.
        text.ShouldContain("của Trần Thị Thành");
        text.ShouldContain("Ý kiến của Văn phòng UBND tỉnh (Nguyễn Văn Tỉnh): Đạt yêu cầu.");
        text.ShouldContain("NGƯỜI LẬP BÁO CÁO (Ký, ghi rõ họ tên) Trần Thị Thành Phó Chủ tịch UBND thành phố Hải Dương");
        text.ShouldNotContain("lanhdao.");
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "control-report-2025-Q3.pdf"), bytes);
    }

    [Fact]
    public async Task The_workbook_lists_every_task_of_the_unit_and_each_period_keeps_its_own_state()
    {
        var district = await fx.SignInAsync("lanhdao.tphd");
        using var q3 = Workbook(await district.GetByteArrayAsync($"{Api}/control-report?period=2025-Q3&format=xlsx"));
        q3.Worksheets.Select(w => w.Name).ShouldBe(["Tổng hợp", "Nhiệm vụ", "Báo cáo tiến độ", "Kiểm tra"]);
        var tasks = q3.Worksheet("Nhiệm vụ").RowsUsed().Skip(1).ToList();
        // The city's own assignments: the tasks whose leads include the district level (seeded), nothing of another district.
        var expected = await fx.AsSystemAsync(sp => sp.GetRequiredService<OneStop.PlanTasks.Infrastructure.PlanTasksDbContext>().Assignments.CountAsync(a => a.UnitPath.StartsWith("/30/288/")));
        tasks.Count.ShouldBe(expected);
        tasks.ShouldAllBe(r => r.Cell(4).GetString() == District);

        TaskRow(q3, "2021.a.2").Cell(7).GetString().ShouldBe("Hoàn thành");
        TaskRow(q3, "2022.a.1").Cell(7).GetString().ShouldBe("Đang thực hiện");
        TaskRow(q3, "2022.a.1").Cell(8).GetValue<int>().ShouldBe(40);
        TaskRow(q3, "2022.a.1").Cell(9).GetString().ShouldBe("Có");
        TaskRow(q3, "2022.a.2").Cell(7).GetString().ShouldBe("Chưa thực hiện"); // its only report was returned
        var narratives = q3.Worksheet("Báo cáo tiến độ").RowsUsed().Skip(1).ToList();
        narratives.Select(r => r.Cell(1).GetString()).ShouldBe(["2021.a.2", "2022.a.1"]);
        narratives[0].Cell(8).GetString().ShouldBe("ke-hoach-15.pdf");
        narratives[0].Cell(10).GetString().ShouldBe("Trần Thị Thành");   // Người báo cáo
        narratives[0].Cell(11).GetString().ShouldBe("Nguyễn Văn Tỉnh");  // Người xem xét
        q3.Worksheet("Tổng hợp").RowsUsed().Single(r => r.Cell(1).GetString() == "Người lập báo cáo").Cell(2).GetString()
            .ShouldBe("Trần Thị Thành, Phó Chủ tịch UBND thành phố Hải Dương");
        q3.Worksheets.SelectMany(w => w.CellsUsed()).ShouldNotContain(c => c.GetString().Contains("lanhdao."));

        using var q4 = Workbook(await district.GetByteArrayAsync($"{Api}/control-report?period=2025-Q4&format=xlsx"));
        TaskRow(q4, "2022.a.1").Cell(7).GetString().ShouldBe("Hoàn thành");
        TaskRow(q4, "2022.a.1").Cell(8).GetValue<int>().ShouldBe(100);
        TaskRow(q4, "2022.a.1").Cell(9).GetString().ShouldBe("");
        q4.Worksheet("Báo cáo tiến độ").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ShouldBe(["2022.a.1"]);

        using var half = Workbook(await district.GetByteArrayAsync($"{Api}/control-report?period=2025-H2&format=xlsx"));
        half.Worksheet("Báo cáo tiến độ").RowsUsed().Count().ShouldBe(1 + 3);
        using var year = Workbook(await district.GetByteArrayAsync($"{Api}/control-report?period=2025&format=xlsx"));
        year.Worksheet("Tổng hợp").RowsUsed().Single(r => r.Cell(1).GetString() == "Hoàn thành").Cell(2).GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task A_unit_reports_on_itself_and_below_never_on_a_sibling_or_above()
    {
        var city = await UnitId("288");
        var chiLinh = await UnitId("290");
        async Task<JsonElement> Refused(string user, string url, HttpStatusCode status)
        {
            var response = await (await fx.SignInAsync(user)).GetAsync(url);
            response.StatusCode.ShouldBe(status, url);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        (await Refused("lanhdao.tphd", $"{Api}/control-report?unitId={chiLinh}&period=2025-Q3", HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.UnitNotFound);
        (await Refused("lanhdao.camthuong", $"{Api}/control-report?unitId={city}&period=2025-Q3", HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.UnitNotFound);
        (await Refused("lanhdao.tphd", $"{Api}/control-report?period=2025-Q5", HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.InvalidPeriod);
        (await (await fx.SignInAsync("lanhdao.tphd")).GetAsync($"/PlanTasks/ControlReport?unit={chiLinh}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The province may read the city's report: only the city's rows; the ward reports on itself (nothing assigned, empty but valid).
        var province = await fx.SignInAsync("lanhdao.tinh");
        using var book = Workbook(await province.GetByteArrayAsync($"{Api}/control-report?unitId={city}&period=2025-Q3&format=xlsx"));
        book.Worksheet("Nhiệm vụ").RowsUsed().Skip(1).ShouldAllBe(r => r.Cell(4).GetString() == District);
        using var ward = Workbook(await (await fx.SignInAsync("lanhdao.camthuong")).GetByteArrayAsync($"{Api}/control-report?period=2025-Q3&format=xlsx"));
        ward.Worksheet("Nhiệm vụ").RowsUsed().Count().ShouldBe(1);
    }

    [Fact]
    public async Task The_page_previews_the_report_and_links_both_files()
    {
        var html = await (await fx.SignInAsync("lanhdao.tphd")).GetStringAsync("/PlanTasks/ControlReport?period=2025-Q3");
        html.ShouldContain("Đã số hóa 40% kết quả giải quyết TTHC còn hiệu lực.");
        html.ShouldContain("data-testid=\"report-pdf\"");
        html.ShouldContain("period=2025-Q3&amp;format=xlsx");
        html.ShouldNotContain("Báo cáo sơ sài");
        var empty = await (await fx.SignInAsync("lanhdao.tphd")).GetStringAsync("/PlanTasks/ControlReport?period=2021-Q1");
        empty.ShouldContain("data-testid=\"narratives-empty\"");
    }

    [Theory]
    [InlineData("2025-Q3", "2025-07-01", "2025-10-01", "Quý III năm 2025")]
    [InlineData("2025-q4", "2025-10-01", "2026-01-01", "Quý IV năm 2025")]
    [InlineData("2024-H1", "2024-01-01", "2024-07-01", "6 tháng đầu năm 2024")]
    [InlineData("2024-H2", "2024-07-01", "2025-01-01", "6 tháng cuối năm 2024")]
    [InlineData("2023", "2023-01-01", "2024-01-01", "Năm 2023")]
    public void Periods_are_quarters_halves_and_years(string key, string start, string end, string text)
    {
        var period = ReportPeriod.Parse(key)!;
        period.Start.ShouldBe(DateOnly.Parse(start));
        period.End.ShouldBe(DateOnly.Parse(end));
        period.TextVi.ShouldBe(text);
    }

    [Theory]
    [InlineData("2020")]
    [InlineData("2025-Q0")]
    [InlineData("2025-Q5")]
    [InlineData("2025-H3")]
    [InlineData("quý 3")]
    [InlineData("")]
    public void Other_period_keys_are_refused(string key) => ReportPeriod.Parse(key).ShouldBeNull();
}
