using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.TestKit;
using OneStop.Training.Contracts;
using UglyToad.PdfPig;

namespace OneStop.Training.Tests;

/// <summary>The host with the Training module as configured by default.</summary>
public sealed class TrainingFixture : OneStopFactory
{
}

/// <summary>Courses, classes, attendance, certificates (PDF), plans, KPI sources and the training gate, over HTTP on PostgreSQL.</summary>
public sealed class TrainingTests(TrainingFixture fx) : IClassFixture<TrainingFixture>
{
    private const string Api = "/api/v1/training";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private async Task<Guid> CourseId(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Api}/courses")).EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    /// <summary>A class of <paramref name="course"/> ending today with Cẩm Thượng passed and Bình Hàn absent.</summary>
    private async Task<(Guid Class, Guid Passed, Guid Absent)> HeldClassAsync(string course)
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var created = await province.PostAsJsonAsync($"{Api}/classes/", new
        {
            courseId = await CourseId(province, course), title = "Lớp tập huấn tiếp nhận hồ sơ hộ tịch phi địa giới",
            startsOn = Today.AddDays(-2), endsOn = Today, venue = "Trung tâm Phục vụ hành chính công tỉnh", organiser = "provincial-office",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var classId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var a = (await (await province.PostAsJsonAsync($"{Api}/classes/{classId}/participants", new { userName = "motcua.camthuong" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var b = (await (await province.PostAsJsonAsync($"{Api}/classes/{classId}/participants", new { userName = "motcua.binhhan" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await province.PutAsJsonAsync($"{Api}/participants/{a}/result", new { attended = true, result = "passed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await province.PutAsJsonAsync($"{Api}/participants/{b}/result", new { attended = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (classId, a, b);
    }

    [Fact]
    public async Task A_passed_participant_gets_a_Vietnamese_certificate_pdf_and_an_absent_one_none()
    {
        var (_, passed, absent) = await HeldClassAsync("PDG-HT");
        var province = await fx.SignInAsync("lanhdao.tinh");

        var response = await province.GetAsync($"{Api}/participants/{passed}/certificate");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var pdf = PdfDocument.Open(bytes))
        {
            pdf.NumberOfPages.ShouldBe(1);
            var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            text.ShouldContain("CHỨNG");
            text.ShouldContain("Phạm Thị Nhận");
            text.ShouldNotContain("motcua.camthuong");
            text.ShouldContain("Phường");
            text.ShouldContain("Thượng");
            text.ShouldContain("Độc");
        }

        // Kept for a human look at the stacked diacritics (ệ, ễ, ộ, ữ): poppler renders the page to PNG.
        var path = Path.Combine(AppContext.BaseDirectory, "certificate.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        if (File.Exists("/usr/bin/pdftoppm"))
        {
            using var render = Process.Start("/usr/bin/pdftoppm", ["-png", "-r", "80", "-singlefile", path, Path.Combine(AppContext.BaseDirectory, "certificate")])!;
            await render.WaitForExitAsync();
            render.ExitCode.ShouldBe(0);
        }

        var refused = await province.GetAsync($"{Api}/participants/{absent}/certificate");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(TrainingErrorCodes.NotCertified);
    }

    [Fact]
    public async Task A_desk_sees_only_its_own_trained_staff_and_certificates()
    {
        var (_, passed, _) = await HeldClassAsync("MC-QT");
        var a = await fx.SignInAsync("motcua.camthuong");
        var b = await fx.SignInAsync("motcua.binhhan");

        var seenByA = await a.GetFromJsonAsync<JsonElement>($"{Api}/participants/trained");
        seenByA.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("unitPath").GetString() == "/30/288/10507/");
        seenByA.GetProperty("items").EnumerateArray().ShouldContain(p => p.GetProperty("id").GetGuid() == passed);
        (await b.GetFromJsonAsync<JsonElement>($"{Api}/participants/trained")).GetProperty("items").GetArrayLength().ShouldBe(0);

        (await a.GetAsync($"{Api}/participants/{passed}/certificate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await b.GetAsync($"{Api}/participants/{passed}/certificate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Classes belong to the organising province: a desk does not list them, nor can it record results.
        (await a.GetFromJsonAsync<JsonElement>($"{Api}/classes/")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await a.PutAsJsonAsync($"{Api}/participants/{passed}/result", new { attended = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_gate_answers_from_valid_certificates_of_the_procedure_field()
    {
        await HeldClassAsync("PDG-HT");
        var (camThuong, binhHan) = await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<OneStop.Platform.Persistence.PlatformDbContext>();
            return (db.Users.Single(u => u.UserName == "motcua.camthuong").Id, db.Users.Single(u => u.UserName == "motcua.binhhan").Id);
        });
        var api = (Func<Guid, string, DateOnly, Task<bool>>)((user, field, on) =>
            fx.AsSystemAsync(sp => sp.GetRequiredService<ITrainingApi>().HasValidTrainingAsync(user, field, on)));

        (await api(camThuong, "ho-tich", Today)).ShouldBeTrue();
        (await api(camThuong, "Hộ tịch", Today)).ShouldBeTrue();   // the catalogue's field name, as dossiers carry it
        (await api(camThuong, "ho-tich", Today.AddYears(3))).ShouldBeFalse(); // the certificate has expired by then
        (await api(camThuong, "dat-dai", Today)).ShouldBeFalse();
        (await api(binhHan, "ho-tich", Today)).ShouldBeFalse();
    }

    [Fact]
    public async Task Kpi_sources_count_classes_and_the_share_of_trained_desk_staff()
    {
        await HeldClassAsync("SH-HS");
        var province = await fx.SignInAsync("lanhdao.tinh");
        var kpi = await province.GetFromJsonAsync<JsonElement>($"{Api}/kpi?year={Today.Year}");
        kpi.GetProperty("classesHeld").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        kpi.GetProperty("deskStaff").GetInt32().ShouldBe(2);          // the two demo desk officers
        kpi.GetProperty("deskStaffTrained").GetInt32().ShouldBe(1);   // Cẩm Thượng passed, Bình Hàn was absent

        var commune = await (await fx.SignInAsync("motcua.binhhan")).GetFromJsonAsync<JsonElement>($"{Api}/kpi?year={Today.Year}");
        commune.GetProperty("classesHeld").GetInt32().ShouldBe(0);
        commune.GetProperty("deskStaffTrained").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_unit_plans_its_year_and_sees_the_fulfilment()
    {
        await HeldClassAsync("KY-SO");
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        var course = await CourseId(leader, "KY-SO");
        (await leader.PutAsJsonAsync($"{Api}/plans", new { year = Today.Year, courseId = course, plannedParticipants = 2, note = "Cán bộ một cửa phường" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var plans = await leader.GetFromJsonAsync<JsonElement>($"{Api}/plans?year={Today.Year}");
        var line = plans.EnumerateArray().Single(p => p.GetProperty("courseId").GetGuid() == course);
        line.GetProperty("planned").GetInt32().ShouldBe(2);
        line.GetProperty("trained").GetInt32().ShouldBe(1);

        var invalid = await leader.PutAsJsonAsync($"{Api}/plans", new { year = 2019, courseId = course, plannedParticipants = 0 });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Year")[0].GetString()!.ShouldContain("2021");
        // The sibling ward does not see Cẩm Thượng's plan.
        (await (await fx.SignInAsync("motcua.binhhan")).GetFromJsonAsync<JsonElement>($"{Api}/plans?year={Today.Year}")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Invalid_classes_are_refused_with_Vietnamese_messages()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var response = await province.PostAsJsonAsync($"{Api}/classes/", new { courseId = await CourseId(province, "MC-QT"), title = "", startsOn = "2025-05-10", endsOn = "2025-05-01", venue = "", organiser = "someone" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("EndsOn")[0].GetString()!.ShouldContain("Ngày kết thúc");
        errors.GetProperty("Organiser")[0].GetString()!.ShouldContain("Văn phòng UBND tỉnh");
        (await (await fx.SignInAsync("motcua.camthuong")).PostAsJsonAsync($"{Api}/classes/", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_English_reader_gets_English_field_messages_and_titles_with_the_same_codes()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        province.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var invalid = await province.PostAsJsonAsync($"{Api}/classes/", new { courseId = await CourseId(province, "MC-QT"), title = "Lớp", startsOn = "2025-05-10", endsOn = "2025-05-01", venue = "Hải Dương", organiser = "someone" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("title").GetString().ShouldBe("The data is not valid.");
        problem.GetProperty("errors").GetProperty("EndsOn")[0].GetString().ShouldBe("The end date must be on or after the opening date.");
        problem.GetProperty("errors").GetProperty("Organiser")[0].GetString()!.ShouldContain("Provincial Post Office");

        // A business rule: the seeded course code is taken; the code's text carries the code typed.
        var taken = await province.PostAsJsonAsync($"{Api}/courses", new { code = "MC-QT", title = "Again", topic = "postal-services", validityMonths = 24 });
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = await taken.Content.ReadFromJsonAsync<JsonElement>();
        conflict.GetProperty("code").GetString().ShouldBe(TrainingErrorCodes.CourseCodeTaken);
        conflict.GetProperty("title").GetString().ShouldBe("The course code 'MC-QT' already exists.");

        // The same refusal in Vietnamese, the default.
        var vietnamese = await (await fx.SignInAsync("lanhdao.tinh")).PostAsJsonAsync($"{Api}/courses", new { code = "MC-QT", title = "Lần nữa", topic = "nothing", validityMonths = 24 });
        (await vietnamese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Topic")[0].GetString()
            .ShouldBe("Chuyên đề phải là một trong: one-stop-procedures, digitisation, digital-signatures, boundary-free-reception, postal-services.");
    }

    [Fact]
    public async Task A_yearly_plan_counts_classes_held_and_staff_trained_against_the_plan()
    {
        await HeldClassAsync("BC-CI");
        var province = await fx.SignInAsync("lanhdao.tinh");
        var course = await CourseId(province, "BC-CI");
        (await province.PutAsJsonAsync($"{Api}/plans", new { year = Today.Year, courseId = course, plannedClasses = 2, plannedParticipants = 4, note = "Bưu điện tỉnh phối hợp" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var line = (await province.GetFromJsonAsync<JsonElement>($"{Api}/plans?year={Today.Year}")).EnumerateArray()
            .Single(p => p.GetProperty("courseId").GetGuid() == course && p.GetProperty("unitPath").GetString() == "/30/");
        line.GetProperty("plannedClasses").GetInt32().ShouldBe(2);
        line.GetProperty("heldClasses").GetInt32().ShouldBe(1);     // the class of HeldClassAsync ended today
        line.GetProperty("planned").GetInt32().ShouldBe(4);
        line.GetProperty("trained").GetInt32().ShouldBe(1);         // Cẩm Thượng passed, Bình Hàn was absent
        line.GetProperty("unitName").GetString().ShouldBe("Tỉnh Hải Dương");

        var nothing = await province.PutAsJsonAsync($"{Api}/plans", new { year = Today.Year, courseId = course, plannedClasses = 0, plannedParticipants = 0 });
        nothing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nothing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("PlannedParticipants")[0].GetString()!.ShouldContain("số lớp");

        // The page shows the line and the totals; the workbook carries the same figures.
        var html = await province.GetStringAsync($"/Training/Plans?year={Today.Year}");
        html.ShouldContain("data-course=\"BC-CI\"");
        html.ShouldContain("data-testid=\"plan-totals\"");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await province.GetByteArrayAsync($"{Api}/plans/export?year={Today.Year}")));
        var row = book.Worksheets.First().RowsUsed().Single(r => r.Cell(3).GetString() == "BC-CI" && r.Cell(2).GetString() == "Tỉnh Hải Dương");
        row.Cell(5).GetValue<int>().ShouldBe(2);
        row.Cell(6).GetValue<int>().ShouldBe(1);
        row.Cell(8).GetValue<int>().ShouldBe(1);
        (await province.GetStringAsync($"/Training/Plans?year=2021")).ShouldContain("data-testid=\"plans-empty\"");
    }

    [Fact]
    public async Task Each_desk_sees_who_of_its_staff_is_trained_for_what()
    {
        var (_, passed, _) = await HeldClassAsync("MC-QT");
        var district = await fx.SignInAsync("lanhdao.tphd");
        var course = await CourseId(district, "MC-QT");
        var all = (await district.GetFromJsonAsync<JsonElement>($"{Api}/staff?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        // Desk officers of both wards and the city's specialist; not the leaders, nobody of the province or another district.
        all.Select(l => l.GetProperty("userName").GetString()).ShouldBe(["chuyenvien.tphd", "motcua.camthuong", "motcua.binhhan"], ignoreOrder: true);
        var camThuong = all.Single(l => l.GetProperty("userName").GetString() == "motcua.camthuong");
        camThuong.GetProperty("unitName").GetString().ShouldBe("Phường Cẩm Thượng");
        camThuong.GetProperty("valid").EnumerateArray().ShouldContain(v => v.GetProperty("courseCode").GetString() == "MC-QT");

        var untrained = (await district.GetFromJsonAsync<JsonElement>($"{Api}/staff?courseId={course}&untrained=true")).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("userName").GetString()).ToList();
        untrained.ShouldContain("motcua.binhhan");
        untrained.ShouldNotContain("motcua.camthuong");
        (await district.GetFromJsonAsync<JsonElement>($"{Api}/staff?courseId={course}")).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("userName").GetString()).ShouldBe(["motcua.camthuong"]);

        // A ward sees its own desk only; the page and the workbook say the same.
        var binhHan = await fx.SignInAsync("motcua.binhhan");
        (await binhHan.GetFromJsonAsync<JsonElement>($"{Api}/staff")).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("userName").GetString()).ShouldBe(["motcua.binhhan"]);
        (await binhHan.GetStringAsync("/Training/Staff")).ShouldNotContain("motcua.camthuong");
        var page = await district.GetStringAsync("/Training/Staff");
        page.ShouldContain("data-user=\"motcua.camthuong\"");
        (await district.GetStringAsync($"/Training/Staff?course={course}&untrained=true")).ShouldNotContain("data-user=\"motcua.camthuong\"");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await district.GetByteArrayAsync($"{Api}/staff/export")));
        var sheet = book.Worksheets.First();
        var header = sheet.Row(3).CellsUsed().Select(c => c.GetString()).ToList();
        var column = header.FindIndex(h => h.StartsWith("MC-QT")) + 1;
        // People by full name and title (chức danh), never by login.
        header[3].ShouldBe("Chức danh");
        var nhan = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == "Phạm Thị Nhận");
        nhan.Cell(4).GetString().ShouldBe("Công chức Tư pháp - Hộ tịch phường Cẩm Thượng");
        nhan.Cell(column).GetString().ShouldStartWith("Đến ");
        sheet.RowsUsed().Single(r => r.Cell(3).GetString() == "Vũ Văn Bình").Cell(column).GetString().ShouldBe("");
        sheet.CellsUsed().ShouldNotContain(c => c.GetString().Contains("motcua.") || c.GetString().Contains("chuyenvien."));
        passed.ShouldNotBe(Guid.Empty);
    }
}
