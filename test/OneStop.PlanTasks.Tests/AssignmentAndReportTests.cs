using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.Deadlines;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Tests;

/// <summary>Assignments are scoped to units; the assignee reports, only the province reviews; accepted reports set the status.</summary>
public sealed class AssignmentAndReportTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Api = "/api/v1/plantasks";

    private Task<Guid> UnitId(string code) => fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<Guid> TaskId(string code) => fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().Tasks.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    private static async Task<List<JsonElement>> All(HttpClient client, string query = "")
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{Api}/assignments/?pageSize=200{query}{(cursor is null ? "" : "&cursor=" + cursor)}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }

    [Fact]
    public async Task A_district_sees_only_its_tasks_and_assigns_them_to_its_own_communes_only()
    {
        var district = await fx.SignInAsync("lanhdao.tphd");
        var own = await All(district);
        own.ShouldNotBeEmpty();
        own.ShouldAllBe(a => a.GetProperty("unitPath").GetString()!.StartsWith("/30/288/"));

        var province = await All(await fx.SignInAsync("lanhdao.tinh"));
        province.Count.ShouldBeGreaterThan(own.Count);
        province.ShouldContain(a => a.GetProperty("unitPath").GetString()!.StartsWith("/30/290/"));

        // The district passes a commune-level task to Cẩm Thượng; Bình Hàn (sibling) never sees it.
        var task = await TaskId("2022.a.2");
        var created = await district.PostAsJsonAsync($"{Api}/assignments/", new { taskId = task, unitId = await UnitId("10507") });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var camThuong = await fx.SignInAsync("lanhdao.camthuong");
        (await All(camThuong)).Select(a => a.GetProperty("id").GetGuid()).ShouldBe([id]);
        var binhHan = await fx.SignInAsync("motcua.binhhan");
        (await All(binhHan)).ShouldBeEmpty();
        (await binhHan.GetAsync($"{Api}/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A commune of another district (Chí Linh) is outside the district's scope.
        var otherCommune = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits
            .Where(u => u.Path.StartsWith("/30/290/") && u.Level == "commune").Select(u => u.Id).FirstAsync());
        var refused = await district.PostAsJsonAsync($"{Api}/assignments/", new { taskId = task, unitId = otherCommune });
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.UnitNotFound);
    }

    [Fact]
    public async Task The_province_filters_its_assignments_by_lead_agency()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var stttt = await All(province, "&agency=STTTT");
        stttt.ShouldAllBe(a => a.GetProperty("agencyCode").GetString() == "STTTT");
        var codes = stttt.Select(a => a.GetProperty("taskCode").GetString()).ToList();
        codes.ShouldContain("2021.b.1");          // led by name (agency:STTTT)
        codes.ShouldContain("2023-2025.d.1");     // led by every department (kind:department)
        codes.ShouldNotContain("2021.a.1");       // the provincial office's own
        (await All(await fx.SignInAsync("lanhdao.tphd"), "&agency=STTTT")).ShouldBeEmpty();
        (await province.GetStringAsync("/PlanTasks?agency=STTTT")).ShouldNotContain("data-task=\"2021.a.1\"");
    }

    [Fact]
    public async Task A_department_officer_sees_and_reports_on_its_own_agencys_tasks_only()
    {
        // chuyenvien.stttt acts for the province as Sở Thông tin và Truyền thông (membership agency STTTT).
        var department = await fx.SignInAsync("chuyenvien.stttt");
        var own = await All(department);
        own.ShouldNotBeEmpty();
        own.ShouldAllBe(a => a.GetProperty("agencyCode").GetString() == "STTTT");
        var province = await fx.SignInAsync("lanhdao.tinh");
        own.Count.ShouldBe((await All(province, "&agency=STTTT")).Count);

        // The provincial office's own assignment: not found for the department, by list, by id, for its reports and for a report.
        var office = (await All(province, "&task=2021.a.1&agency=VPUBND")).Single();
        var officeId = office.GetProperty("id").GetGuid();
        (await All(department, "&task=2021.a.1")).ShouldBeEmpty();
        (await department.GetAsync($"{Api}/assignments/{officeId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await department.GetAsync($"{Api}/assignments/{officeId}/reports")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await department.PostAsJsonAsync($"{Api}/assignments/{officeId}/reports",
            new { kind = "ad-hoc", status = "in-progress", percent = 10, narrative = "Báo cáo thay cơ quan khác." });
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Its own: reported, and the province sees the report while the district never does.
        var mine = own.First(a => a.GetProperty("taskCode").GetString() == "2021.b.1").GetProperty("id").GetGuid();
        var sent = await department.PostAsJsonAsync($"{Api}/assignments/{mine}/reports",
            new { kind = "ad-hoc", status = "in-progress", percent = 60, narrative = "Đã nâng cấp Hệ thống thông tin giải quyết TTHC của tỉnh." });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await province.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{mine}/reports")).EnumerateArray()
            .ShouldContain(r => r.GetProperty("id").GetGuid() == report);
        (await department.GetStringAsync("/PlanTasks")).ShouldNotContain("data-task=\"2021.a.1\"");

        // Passing tasks down to a district is for those who act for the whole province.
        var assign = await department.PostAsJsonAsync($"{Api}/assignments/", new { taskId = await TaskId("2022.a.2"), unitId = await UnitId("288") });
        assign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await assign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.AssignOnlyForWholeUnit);
    }

    [Fact]
    public async Task The_assignee_reports_and_only_the_province_accepts_which_sets_the_status()
    {
        var district = await fx.SignInAsync("lanhdao.tphd");
        var assignment = (await All(district, "&task=2021.a.2")).Single(a => a.GetProperty("unitPath").GetString() == "/30/288/");
        var id = assignment.GetProperty("id").GetGuid();
        assignment.GetProperty("status").GetString().ShouldBe("not-started");

        var invalid = await district.PostAsJsonAsync($"{Api}/assignments/{id}/reports", new { kind = "weekly", status = "done", percent = 120, narrative = "" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Percent")[0].GetString()!.ShouldContain("0 đến 100");

        var sent = await district.PostAsJsonAsync($"{Api}/assignments/{id}/reports",
            new { kind = "periodic", status = "completed", percent = 100, narrative = "Đã ban hành Kế hoạch số 15/KH-UBND của UBND thành phố." });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A commune of the district cannot even see it; the district itself cannot accept its own report.
        (await (await fx.SignInAsync("lanhdao.camthuong")).GetAsync($"{Api}/assignments/{id}/reports")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var self = await district.PostAsJsonAsync($"{Api}/reports/{report}/accept", new { comment = "tự duyệt" });
        self.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var province = await fx.SignInAsync("lanhdao.tinh");
        (await province.GetFromJsonAsync<JsonElement>($"{Api}/reports/pending")).GetProperty("items").EnumerateArray()
            .ShouldContain(r => r.GetProperty("id").GetGuid() == report);
        var accepted = await province.PostAsJsonAsync($"{Api}/reports/{report}/accept", new { comment = "Đạt yêu cầu." });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await province.PostAsJsonAsync($"{Api}/reports/{report}/accept", new { comment = "" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = await district.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{id}");
        after.GetProperty("status").GetString().ShouldBe("completed");
        after.GetProperty("percent").GetInt32().ShouldBe(100);
        // The page names the reporter and the reviewer by full name; the login only in a title attribute.
        var page = await district.GetStringAsync($"/PlanTasks/Assignment/{id}");
        page.ShouldContain("<span title=\"lanhdao.tphd\" data-testid=\"report-by\">Trần Thị Thành</span>");
        page.ShouldContain("Đạt yêu cầu. (<span title=\"lanhdao.tinh\">Nguyễn Văn Tỉnh</span>)");
    }

    [Fact]
    public async Task A_returned_report_needs_a_reason_and_leaves_the_status()
    {
        var district = await fx.SignInAsync("lanhdao.tphd");
        var assignment = (await All(district, "&task=2022.a.1")).Single(a => a.GetProperty("unitPath").GetString() == "/30/288/");
        var id = assignment.GetProperty("id").GetGuid();
        var sent = await district.PostAsJsonAsync($"{Api}/assignments/{id}/reports", new { kind = "ad-hoc", status = "in-progress", percent = 40, narrative = "Đã số hóa 40%." });
        var report = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var province = await fx.SignInAsync("lanhdao.tinh");
        (await province.PostAsJsonAsync($"{Api}/reports/{report}/return", new { comment = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await province.PostAsJsonAsync($"{Api}/reports/{report}/return", new { comment = "Thiếu số liệu theo cấp xã." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await district.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{id}")).GetProperty("status").GetString().ShouldBe("not-started");
    }

    [Fact]
    public async Task Deadline_scanner_flags_overdue_tasks_and_is_idempotent()
    {
        // The test clock is today (after 2025): every dated, unfinished task of the plan is overdue; "regular" ones never are.
        var first = await fx.AsSystemAsync(sp => sp.GetRequiredService<DeadlineScanner>().RunAsync(CancellationToken.None));
        var second = await fx.AsSystemAsync(sp => sp.GetRequiredService<DeadlineScanner>().RunAsync(CancellationToken.None));
        first.ShouldBeGreaterThan(0);
        second.ShouldBe(0);

        var overdue = await All(await fx.SignInAsync("lanhdao.tinh"), "&flag=overdue");
        overdue.ShouldContain(a => a.GetProperty("taskCode").GetString() == "2021.a.1");
        overdue.ShouldNotContain(a => a.GetProperty("taskCode").GetString() == "2021.d.1");
        overdue.ShouldNotContain(a => a.GetProperty("status").GetString() == "completed");
    }

    [Fact]
    public async Task Improvement_tasks_from_the_contract_are_idempotent_and_scoped()
    {
        var unit = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits
            .Where(u => u.Path.StartsWith("/30/290/") && u.Level == "commune").Select(u => u.Id).FirstAsync());
        var request = new ImprovementTaskRequest("waiting-time:2025-Q3:chi-linh", unit, "Giảm thời gian chờ tại Bộ phận Một cửa", "waiting-time<=15", new DateOnly(2025, 12, 31));
        var a = await fx.AsSystemAsync(sp => sp.GetRequiredService<IPlanTasksApi>().RaiseImprovementTaskAsync(request));
        var b = await fx.AsSystemAsync(sp => sp.GetRequiredService<IPlanTasksApi>().RaiseImprovementTaskAsync(request));
        b.ShouldBe(a);
        var province = await fx.SignInAsync("lanhdao.tinh");
        (await province.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{a}")).GetProperty("taskCode").GetString().ShouldBe("kpi:waiting-time:2025-Q3:chi-linh");
        (await (await fx.SignInAsync("lanhdao.tphd")).GetAsync($"{Api}/assignments/{a}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_English_reader_gets_the_report_checks_and_the_business_rules_in_English_with_the_same_codes()
    {
        var (district, id) = await QuietDistrictAssignmentAsync("2022.g.1");
        var invalid = await SendAsync(district, HttpMethod.Post, $"{Api}/assignments/{id}/reports", JsonContent.Create(new { kind = "weekly", status = "done", percent = 120, narrative = "" }), English);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("title").GetString().ShouldBe("The data is not valid.");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("Kind")[0].GetString().ShouldBe("The report kind must be periodic or ad-hoc.");
        errors.GetProperty("Percent")[0].GetString().ShouldBe("The completion rate must be between 0 and 100%.");
        errors.GetProperty("Narrative")[0].GetString().ShouldBe("The report's content is required, at most 4000 characters.");

        // A not-found answered by the endpoint itself is titled in English; the code is the same.
        var missing = await SendAsync(district, HttpMethod.Get, $"{Api}/evidence/{Guid.NewGuid()}", language: English);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = await missing.Content.ReadFromJsonAsync<JsonElement>();
        notFound.GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.ReportNotFound);
        notFound.GetProperty("title").GetString().ShouldBe("No evidence file found within your scope.");

        // A validator's placeholder is filled in either language; Vietnamese is the default.
        var province = await fx.SignInAsync("lanhdao.tinh");
        var longComment = new { comment = new string('x', 2001) };
        var english = await SendAsync(province, HttpMethod.Post, $"{Api}/reports/{Guid.NewGuid()}/return", JsonContent.Create(longComment), English);
        (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Comment")[0].GetString().ShouldBe("The comment has at most 2000 characters.");
        var vietnamese = await SendAsync(province, HttpMethod.Post, $"{Api}/reports/{Guid.NewGuid()}/return", JsonContent.Create(longComment));
        (await vietnamese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Comment")[0].GetString().ShouldBe("Ý kiến tối đa 2000 ký tự.");

    }

    // The kernel's exception handler runs outside the request-localization middleware, so a thrown PlatformException
    // is still read in Vietnamese whatever Accept-Language says (reported with this module's conversion).
    [Fact]
    public async Task Thrown_business_errors_are_titled_in_English_for_an_English_reader()
    {
        var (district, id) = await QuietDistrictAssignmentAsync("2022.g.1");
        var pdf = Content("pdf");
        using var six = ReportForm(10, Enumerable.Range(1, 6).Select(i => ($"bien-ban-{i}.pdf", pdf)).ToArray());
        var refused = await (await SendAsync(district, HttpMethod.Post, $"{Api}/assignments/{id}/reports", six, English)).Content.ReadFromJsonAsync<JsonElement>();
        refused.GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.EvidenceRejected);
        refused.GetProperty("title").GetString().ShouldBe("At most 5 evidence files per report.");

        var province = await fx.SignInAsync("lanhdao.tinh");
        var period = await (await SendAsync(province, HttpMethod.Get, $"{Api}/control-report?period=2019", language: English)).Content.ReadFromJsonAsync<JsonElement>();
        period.GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.InvalidPeriod);
        period.GetProperty("title").GetString().ShouldBe("The reporting period is a quarter (2025-Q3), a half-year (2025-H1, 2025-H2) or a year (2025), from 2021.");
    }

    // What an English-speaking client sends; the API answers by Accept-Language (ADR 0020).
    private const string English = "en-US,en;q=0.9";

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null, string? language = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return client.SendAsync(request);
    }

    /// <summary>A district assignment no other test of the class reports on, so its report list is this test's own.</summary>
    private async Task<(HttpClient District, Guid Assignment)> QuietDistrictAssignmentAsync(string taskCode)
    {
        var district = await fx.SignInAsync("lanhdao.tphd");
        var assignment = (await All(district, "&task=" + taskCode)).Single(a => a.GetProperty("unitPath").GetString() == "/30/288/");
        return (district, assignment.GetProperty("id").GetGuid());
    }

    /// <summary>A whole 1×1 grey PNG (signature, IHDR, IDAT, IEND with their CRCs): the upload guard reads images to the end (ADR 0033).</summary>
    private static readonly byte[] PngBytes =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x00, 0x00, 0x00, 0x00, 0x3A, 0x7E, 0x9B, 0x55, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x68, 0x00, 0x00, 0x00,
        0x82, 0x00, 0x81, 0x77, 0xCD, 0x72, 0xB6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    private static byte[] Content(string kind, long size = 0) => kind switch
    {
        "pdf" => new OneStop.Platform.Documents.PdfWriter("Biên bản", "test").NewPage().Text("Biên bản kiểm tra Bộ phận Một cửa").ToArray(),
        "png" => PngBytes,
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        "txt" => "Kế hoạch số 15/KH-UBND"u8.ToArray(),
        "big-pdf" => [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[size - 9]],
        "docx" => Docx(),
        "xlsx" => Xlsx(),
        "macro-docx" => AddZipEntry(Docx(), "word/vbaProject.bin"),
        "zip" => AddZipEntry([], "bao-cao.txt"),
        _ => [],
    };

    /// <summary>A real Word document (Open XML SDK) and workbook (ClosedXML): <see cref="SampleFiles"/>.</summary>
    private static byte[] Docx() => SampleFiles.Docx("Báo cáo kết quả triển khai Kế hoạch 468");

    private static byte[] Xlsx() => SampleFiles.Xlsx("Số liệu", "Số hồ sơ tiếp nhận");

    /// <summary>The ZIP (an empty one when <paramref name="zip"/> is empty) with one more entry.</summary>
    private static byte[] AddZipEntry(byte[] zip, string entry)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, zip.Length == 0 ? ZipArchiveMode.Create : ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
            writer.Write("Sub AutoOpen()");
        }

        return stream.ToArray();
    }

    private static MultipartFormDataContent ReportForm(int percent, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("ad-hoc"), "kind" },
            { new StringContent("in-progress"), "status" },
            { new StringContent(percent.ToString()), "percent" },
            { new StringContent("Đã tổ chức hội nghị triển khai; gửi kèm biên bản."), "narrative" },
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        return form;
    }

    [Fact]
    public async Task Evidence_is_uploaded_through_the_api_as_multipart_and_downloaded_unchanged()
    {
        var (district, id) = await QuietDistrictAssignmentAsync("2021.d.8");
        var pdf = Content("pdf");
        using var form = ReportForm(35, ("bien-ban-trien-khai.pdf", pdf), ("anh-hoi-nghi.png", PngBytes));
        var sent = await district.PostAsync($"{Api}/assignments/{id}/reports", form);
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("percent").GetInt32().ShouldBe(35);
        var evidence = body.GetProperty("evidence").EnumerateArray().ToList();
        evidence.Select(e => e.GetProperty("fileName").GetString()).ShouldBe(["bien-ban-trien-khai.pdf", "anh-hoi-nghi.png"]);
        evidence.Select(e => e.GetProperty("contentType").GetString()).ShouldBe(["application/pdf", "image/png"]);

        var download = await district.GetAsync($"{Api}/evidence/{evidence[0].GetProperty("id").GetGuid()}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName).ShouldBe("bien-ban-trien-khai.pdf");

        // Field checks are the JSON endpoint's, as ProblemDetails with Vietnamese messages.
        using var invalid = ReportForm(120, ("bien-ban.pdf", pdf));
        var refused = await district.PostAsync($"{Api}/assignments/{id}/reports", invalid);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Percent")[0].GetString()!.ShouldContain("0 đến 100");

        // The one API document still describes the route (both the JSON and the multipart form).
        (await (await fx.SignInAsync("admin")).GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Word_and_Excel_evidence_is_told_apart_by_its_parts_and_downloaded_unchanged()
    {
        var (district, id) = await QuietDistrictAssignmentAsync("2021.d.8");
        var (docx, xlsx) = (Content("docx"), Content("xlsx"));
        using var form = ReportForm(40, ("bao-cao-trien-khai.docx", docx), ("so-lieu-quy-3.xlsx", xlsx));
        var sent = await district.PostAsync($"{Api}/assignments/{id}/reports", form);
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var evidence = body.GetProperty("evidence").EnumerateArray().ToList();
        evidence.Select(e => e.GetProperty("contentType").GetString()).ShouldBe([
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);

        var download = await district.GetAsync($"{Api}/evidence/{evidence[1].GetProperty("id").GetGuid()}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.ShouldBe(xlsx);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        workbook.Worksheet("Số liệu").Cell(1, 1).GetString().ShouldBe("Số hồ sơ tiếp nhận");
    }

    [Theory]
    [InlineData("rong.pdf", "empty", 0L, "rỗng")]
    [InlineData("lon.pdf", "big-pdf", 10L * 1024 * 1024 + 1, "vượt quá dung lượng")]
    [InlineData("virus.exe", "exe", 0L, "Loại tệp không được chấp nhận")]
    [InlineData("ghi-chu.txt", "txt", 0L, "Loại tệp không được chấp nhận")]
    [InlineData("gia-mao.pdf", "png", 0L, "không đúng với phần mở rộng")]
    [InlineData("bang-so-lieu.xlsx", "docx", 0L, "không đúng với phần mở rộng")]
    [InlineData("bao-cao.docx", "macro-docx", 0L, "Loại tệp không được chấp nhận")]
    [InlineData("bao-cao.docx", "zip", 0L, "Loại tệp không được chấp nhận")]
    [InlineData("../../etc/passwd.pdf", "pdf", 0L, "Tên tệp không hợp lệ")]
    [InlineData("..\\..\\boot.pdf", "pdf", 0L, "Tên tệp không hợp lệ")]
    public async Task Refused_evidence_is_a_ProblemDetails_error_and_saves_no_report(string name, string kind, long size, string message)
    {
        var (district, id) = await QuietDistrictAssignmentAsync("2022.g.1");
        var before = (await district.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{id}/reports")).GetArrayLength();

        // A good file first: the whole report is refused all the same.
        using var form = ReportForm(10, ("bien-ban.pdf", Content("pdf")), (name, Content(kind, size)));
        var response = await district.PostAsync($"{Api}/assignments/{id}/reports", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.EvidenceRejected);
        problem.GetProperty("title").GetString()!.ShouldContain(message);
        (await district.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{id}/reports")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task More_than_five_evidence_files_are_refused()
    {
        var (district, id) = await QuietDistrictAssignmentAsync("2022.g.1");
        var pdf = Content("pdf");
        using var form = ReportForm(10, Enumerable.Range(1, 6).Select(i => ($"bien-ban-{i}.pdf", pdf)).ToArray());
        var response = await district.PostAsync($"{Api}/assignments/{id}/reports", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.EvidenceRejected);
    }
}
