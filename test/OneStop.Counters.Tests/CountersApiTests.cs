using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.Platform.Web;

namespace OneStop.Counters.Tests;

/// <summary>
/// The calendar and catalogue endpoints and pages through HTTP on a fresh database with the shipped seed: PostgreSQL
/// (production) and the same tests on SQLite (the embedded default of <c>dotnet run</c>).
/// </summary>
public abstract class CountersApiTests<TFactory>(TFactory fx) where TFactory : OneStopFactory
{
    private const string Admin = "admin";
    private const string Desk = "motcua.camthuong";
    private const string WardLeader = "lanhdao.camthuong";

    private Task<T> Counters<T>(Func<CountersDbContext, Task<T>> query) =>
        fx.AsSystemAsync(sp => query(sp.GetRequiredService<CountersDbContext>()));

    private Task<Guid> UnitId(string code) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task The_calendar_and_catalogue_are_seeded_on_first_start()
    {
        // The days off are the kernel's since ADR 0022, seeded by it and read through the calendar's API.
        var client = await fx.SignInAsync(Desk);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/counters/calendar/days-off")).GetArrayLength().ShouldBe(91);
        (await Counters(db => db.Procedures.CountAsync())).ShouldBe(504);
    }

    [Fact]
    public async Task Due_date_endpoint_returns_the_date_and_the_explanation()
    {
        var client = await fx.SignInAsync(Desk);
        var response = await client.PostAsJsonAsync("/api/v1/counters/calendar/due-date",
            new { receivedAt = "2025-01-24T16:30", legalTimeValue = 2, legalTimeUnit = "WORKING_DAY" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("dueAt").GetString().ShouldBe("2025-02-04T16:30:00+07:00");
        body.GetProperty("unitName").GetString().ShouldBe("Phường Cẩm Thượng");
        var explanation = string.Join("\n", body.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()));
        explanation.ShouldContain("Tết Nguyên đán Ất Tỵ");
        explanation.ShouldContain("nghỉ cuối tuần");
        body.GetProperty("skippedDays").GetArrayLength().ShouldBe(9);
    }

    [Fact]
    public async Task Due_date_accepts_times_with_an_offset_and_converts_them_to_Vietnam_time()
    {
        var client = await fx.SignInAsync(Desk);
        // 02:00 UTC = 09:00 in Vietnam.
        var body = await (await client.PostAsJsonAsync("/api/v1/counters/calendar/due-date",
            new { receivedAt = "2024-03-04T02:00:00Z", legalTimeValue = 1, legalTimeUnit = "WORKING_DAY" })).Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("dueAt").GetString().ShouldBe("2024-03-05T09:00:00+07:00");
    }

    [Fact]
    public async Task Due_date_with_suspension_and_extension()
    {
        var client = await fx.SignInAsync(Desk);
        var body = await (await client.PostAsJsonAsync("/api/v1/counters/calendar/due-date", new
        {
            receivedAt = "2024-03-04T09:00", legalTimeValue = 3, legalTimeUnit = "WORKING_DAY",
            stops = new[] { new { from = "2024-03-05T10:00", to = "2024-03-11T14:00" } },
            extensions = new[] { new { value = 4, unit = "WORKING_HOUR", reason = "Xác minh thực địa" } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        // Without the extension: Wed 13/3 11:00 (see the golden test); 4 more hours: 0.5 h to 11:30, 3.5 h from 13:30 → 17:00.
        body.GetProperty("dueAt").GetString().ShouldBe("2024-03-13T17:00:00+07:00");
    }

    [Fact]
    public async Task A_year_without_calendar_data_is_a_clear_422()
    {
        var client = await fx.SignInAsync(Desk);
        var response = await client.PostAsJsonAsync("/api/v1/counters/calendar/due-date",
            new { receivedAt = "2027-03-01T09:00", legalTimeValue = 1, legalTimeUnit = "WORKING_DAY" });
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(PlatformErrorCodes.CalendarNotCovered);
        problem.GetProperty("title").GetString()!.ShouldContain("năm 2027");
    }

    [Fact]
    public async Task Invalid_due_date_requests_are_400_with_Vietnamese_messages()
    {
        var client = await fx.SignInAsync(Desk);
        var response = await client.PostAsJsonAsync("/api/v1/counters/calendar/due-date",
            new { receivedAt = "hôm qua", legalTimeValue = 0, legalTimeUnit = "WEEK" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("ReceivedAt")[0].GetString()!.ShouldContain("Thời điểm tiếp nhận");
        problem.GetProperty("errors").TryGetProperty("LegalTimeUnit", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Due_date_by_procedure_uses_the_legal_time_version_valid_on_the_reception_date()
    {
        var admin = await fx.SignInAsync(Admin);
        // 1.004194 Đăng ký tạm trú: 3 working days (version 1); from 2025-07-01 on, 2 days.
        (await admin.PostAsJsonAsync("/api/v1/counters/catalogue/procedures/1.004194/legal-times", new
        {
            effectiveFrom = "2025-07-01", reason = "Thử nghiệm: quyết định rút ngắn thời hạn",
            times = new[] { new { channel = "DIRECT", value = 2, unit = "WORKING_DAY" }, new { channel = "ONLINE", value = 2, unit = "WORKING_DAY" } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var desk = await fx.SignInAsync(Desk);
        var before = await DueAt(desk, new { receivedAt = "2025-06-30T09:00", procedureCode = "1.004194", channel = "DIRECT" });
        before.ShouldBe("2025-07-03T09:00:00+07:00");
        // Received Mon 7/7 under version 2: 2 days → Wed 9/7 (version 1 would give Thu 10/7).
        var after = await DueAt(desk, new { receivedAt = "2025-07-07T09:00", procedureCode = "1.004194", channel = "DIRECT" });
        after.ShouldBe("2025-07-09T09:00:00+07:00");

        var detail = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures/1.004194?on=2025-06-30");
        detail.GetProperty("legalTimes")[0].GetProperty("version").GetInt32().ShouldBe(1);
        detail.GetProperty("legalTimeHistory").EnumerateArray().Select(t => t.GetProperty("version").GetInt32()).Distinct().ShouldBe([2, 1]);

        // A version may not take effect before the latest one.
        var outOfOrder = await admin.PostAsJsonAsync("/api/v1/counters/catalogue/procedures/1.004194/legal-times", new
        {
            effectiveFrom = "2024-01-01", reason = "Sai thứ tự", times = new[] { new { channel = "DIRECT", value = 1, unit = "WORKING_DAY" } },
        });
        outOfOrder.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await outOfOrder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(CountersErrorCodes.LegalTimeVersionOutOfOrder);
    }

    [Fact]
    public async Task Administrators_edit_days_off_and_the_computation_follows()
    {
        var desk = await fx.SignInAsync(Desk);
        var request = new { receivedAt = "2026-03-09T09:00", legalTimeValue = 1, legalTimeUnit = "WORKING_DAY" };
        (await DueAt(desk, request)).ShouldBe("2026-03-10T09:00:00+07:00");

        (await desk.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-03-10", kind = "holiday", name = "Thử" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await fx.SignInAsync(Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-03-10", kind = "holiday", name = "Ngày nghỉ thử nghiệm" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await DueAt(desk, request)).ShouldBe("2026-03-11T09:00:00+07:00");

        var duplicate = await admin.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-03-10", kind = "holiday", name = "Lần hai" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(PlatformErrorCodes.DayOffExists);

        var weekdayMakeup = await admin.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-03-12", kind = "makeup_workday", name = "Sai" });
        weekdayMakeup.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await admin.DeleteAsync($"/api/v1/counters/calendar/days-off/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DueAt(desk, request)).ShouldBe("2026-03-10T09:00:00+07:00");

        var year = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/calendar/days-off?year=2024");
        year.EnumerateArray().ShouldContain(d => d.GetProperty("date").GetString() == "2024-05-04" && d.GetProperty("isWorkingDay").GetBoolean());
    }

    [Fact]
    public async Task A_unit_leader_overrides_office_hours_and_the_computation_follows()
    {
        var leader = await fx.SignInAsync(WardLeader);
        var unit = await UnitId("10507");
        (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/counters/calendar/office-hours/{unit}")).GetProperty("isDefault").GetBoolean().ShouldBeTrue();

        var invalid = await leader.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{unit}",
            new { morningStart = "07:30", morningEnd = "11:30", afternoonStart = "13:30", afternoonEnd = "17:00" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("8 giờ");

        var winter = await leader.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{unit}",
            new { morningStart = "07:30", morningEnd = "12:00", afternoonStart = "13:00", afternoonEnd = "16:30" });
        winter.StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            var desk = await fx.SignInAsync(Desk);
            (await DueAt(desk, new { receivedAt = "2024-03-04T12:30", legalTimeValue = 4, legalTimeUnit = "WORKING_HOUR" }))
                .ShouldBe("2024-03-05T08:00:00+07:00");
            (await desk.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{unit}",
                new { morningStart = "07:00", morningEnd = "11:30", afternoonStart = "13:30", afternoonEnd = "17:00" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            await leader.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{unit}",
                new { morningStart = "07:00", morningEnd = "11:30", afternoonStart = "13:30", afternoonEnd = "17:00" });
        }
    }

    [Fact]
    public async Task Catalogue_search_ignores_diacritics_and_filters_by_level_and_field()
    {
        var desk = await fx.SignInAsync(Desk);
        var found = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures?q=dang%20ky%20khai%20sinh&level=commune");
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldContain("1.001193");

        var byField = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures?field=H%E1%BB%99%20t%E1%BB%8Bch&pageSize=200");
        byField.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("field").GetString() == "Hộ tịch");
        byField.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(10);

        var province = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures?level=province&pageSize=200");
        province.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("levels").EnumerateArray().Any(l => l.GetString() == "province"));
    }

    [Fact]
    public async Task Catalogue_pages_through_every_commune_procedure_once()
    {
        var desk = await fx.SignInAsync(Desk);
        var expected = await Counters(db => db.Procedures.CountAsync(p => p.AtCommune));
        var codes = new List<string>();
        string? cursor = null;
        do
        {
            var page = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/catalogue/procedures?level=commune&pageSize=40{(cursor is null ? "" : "&cursor=" + cursor)}");
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        codes.Count.ShouldBe(expected);
        codes.Distinct().Count().ShouldBe(expected);
        codes.ShouldBe(codes.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_procedure_shows_components_times_per_channel_and_fees()
    {
        var desk = await fx.SignInAsync(Desk);
        var birth = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures/1.001193");
        birth.GetProperty("levels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["commune"]);
        birth.GetProperty("components").EnumerateArray().ShouldContain(c => c.GetProperty("documentTypeCode").GetString() == "YT-GCS" && c.GetProperty("handMade").GetBoolean());
        birth.GetProperty("legalTimes").EnumerateArray().Select(t => t.GetProperty("channel").GetString()).ShouldBe(["DIRECT", "ONLINE", "POSTAL"]);
        birth.GetProperty("fullyOnline").GetBoolean().ShouldBeTrue();

        var missing = await desk.GetAsync("/api/v1/counters/catalogue/procedures/9.999999");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ProcedureNotFound);
    }

    [Fact]
    public async Task Only_system_administrators_edit_the_catalogue()
    {
        var edit = new { name = "Đăng ký khai tử", field = "Hộ tịch", levels = new[] { "commune" }, executingAgency = "Ủy ban nhân dân cấp xã", fullyOnline = true, postalAllowed = true, locationIndependent = true };
        var desk = await fx.SignInAsync(Desk);
        (await desk.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.000656", edit)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await fx.SignInAsync(Admin);
        var response = await admin.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.000656", edit);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locationIndependent").GetBoolean().ShouldBeTrue();

        var invalid = await admin.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.000656", edit with { name = "", levels = Array.Empty<string>() });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("Name")[0].GetString()!.ShouldContain("Tên thủ tục bắt buộc");
        errors.GetProperty("Levels")[0].GetString()!.ShouldContain("cấp thực hiện");
    }

    [Fact]
    public async Task The_catalogue_keeps_publication_dates_and_the_population_data_flag_for_the_766_index()
    {
        var desk = await fx.SignInAsync(Desk);
        // Seeded: in force and published since the plan's start; civil status is connected to the population database.
        var birth = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures/1.001193");
        birth.GetProperty("effectiveFrom").GetString().ShouldBe("2021-01-01");
        birth.GetProperty("publishedOn").GetString().ShouldBe("2021-01-01");
        birth.GetProperty("populationDataConnected").GetBoolean().ShouldBeTrue();
        (await Counters(db => db.Procedures.CountAsync(p => p.PopulationDataConnected && p.Field.Contains("Đất đai")))).ShouldBe(0);

        var admin = await fx.SignInAsync(Admin);
        var edit = new { name = "Đăng ký khai tử", field = "Hộ tịch", levels = new[] { "commune" }, executingAgency = "Ủy ban nhân dân cấp xã", fullyOnline = true, postalAllowed = true, locationIndependent = true,
            effectiveFrom = "2026-07-01", publishedOn = "2026-07-05", populationDataConnected = false };
        var saved = await admin.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.000656", edit);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("effectiveFrom").GetString(), body.GetProperty("publishedOn").GetString(), body.GetProperty("populationDataConnected").GetBoolean())
            .ShouldBe(("2026-07-01", "2026-07-05", false));

        // A client that does not know the publication fields leaves them as they are.
        var older = await admin.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.000656",
            new { name = "Đăng ký khai tử", field = "Hộ tịch", levels = new[] { "commune" }, executingAgency = "Ủy ban nhân dân cấp xã", fullyOnline = true, postalAllowed = true, locationIndependent = true });
        (await older.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publishedOn").GetString().ShouldBe("2026-07-05");
    }

    [Fact]
    public async Task Step_budgets_may_not_exceed_the_legal_time()
    {
        var admin = await fx.SignInAsync(Admin);
        // 1.004222 Đăng ký thường trú: 7 working days = 56 working hours.
        var tooLong = await admin.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.004222/steps", new
        {
            steps = new[] { new { name = "Tiếp nhận", budgetHours = 8m }, new { name = "Thẩm định", budgetHours = 40m }, new { name = "Phê duyệt", budgetHours = 16m } },
        });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.StepBudgetsExceedLegalTime);
        problem.GetProperty("title").GetString().ShouldBe("Tổng thời gian các bước (64 giờ làm việc) vượt thời hạn giải quyết 7 ngày làm việc (56 giờ làm việc).");

        var fits = await admin.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.004222/steps", new
        {
            steps = new[] { new { name = "Tiếp nhận", budgetHours = 4m }, new { name = "Thẩm định", budgetHours = 36m }, new { name = "Phê duyệt", budgetHours = 16m } },
        });
        fits.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Counters(db => db.ProcedureSteps.CountAsync(s => s.ProcedureId == db.Procedures.Single(p => p.Code == "1.004222").Id))).ShouldBe(3);

        // 1.000808 has only a calendar-day time (30 DAY): no working time to budget against.
        var noTime = await admin.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.000808/steps", new { steps = new[] { new { name = "Xử lý", budgetHours = 1m } } });
        noTime.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noTime.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(CountersErrorCodes.LegalTimeUnknown);
    }

    [Fact]
    public async Task Pages_render_in_Vietnamese()
    {
        var desk = await fx.SignInAsync(Desk);
        var list = await desk.GetStringAsync("/Counters/Catalogue?q=khai%20sinh");
        list.ShouldContain("Danh mục thủ tục hành chính");
        list.ShouldContain("1.001193");

        var detail = await desk.GetStringAsync("/Counters/Catalogue/Detail?code=1.001193");
        detail.ShouldContain("Thành phần hồ sơ");
        detail.ShouldContain("Giấy chứng sinh");
        detail.ShouldContain("Lịch sử thời hạn giải quyết");
        detail.ShouldNotContain("Sửa thủ tục");

        var calendar = await desk.GetStringAsync("/Counters/Calendar?year=2025");
        calendar.ShouldContain("Tết Nguyên đán Ất Tỵ (mùng 1)");
        calendar.ShouldContain("07:00–11:30 và 13:30–17:00");
        calendar.ShouldNotContain("Thêm ngày nghỉ");

        var due = await OneStopFactory.PostFormAsync(desk, "/Counters/Calendar/DueDate", "/Counters/Calendar/DueDate",
            new() { ["ReceivedAt"] = "2024-02-07T10:00", ["Value"] = "1", ["Unit"] = "WORKING_DAY" });
        var html = await due.Content.ReadAsStringAsync();
        html.ShouldContain("10:00 Thứ Năm 15/02/2024", customMessage: System.Text.RegularExpressions.Regex.Match(html, "due-date-form.{0,1500}", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        html.ShouldContain("Tết Nguyên đán Giáp Thìn");

        // By procedure: 1.004222 Đăng ký thường trú, 7 working days in person.
        var byProcedure = await OneStopFactory.PostFormAsync(desk, "/Counters/Calendar/DueDate", "/Counters/Calendar/DueDate",
            new() { ["ReceivedAt"] = "2024-03-04T09:00", ["Value"] = "1", ["Unit"] = "WORKING_DAY", ["ProcedureCode"] = "1.004222", ["Channel"] = "DIRECT" });
        var byProcedureHtml = await byProcedure.Content.ReadAsStringAsync();
        byProcedureHtml.ShouldContain("09:00 Thứ Tư 13/03/2024");
        byProcedureHtml.ShouldContain("7 ngày làm việc");

        (await desk.GetAsync("/Counters/Catalogue/Edit?code=1.001193")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_admin_pages_validate_in_Vietnamese_and_remove_days_with_confirmation()
    {
        var admin = await fx.SignInAsync(Admin);
        var edit = await OneStopFactory.PostFormAsync(admin, "/Counters/Catalogue/Edit?code=1.004873", "/Counters/Catalogue/Edit?code=1.004873",
            new() { ["Code"] = "1.004873", ["Name"] = "" });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = System.Net.WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync());
        html.ShouldContain("Tên thủ tục bắt buộc");
        html.ShouldContain("Chọn ít nhất một cấp thực hiện");

        var calendar = await admin.GetStringAsync("/Counters/Calendar?year=2026");
        calendar.ShouldContain("Thêm ngày nghỉ");
        calendar.ShouldContain("data-confirm=");
        var added = await OneStopFactory.PostFormAsync(admin, "/Counters/Calendar?year=2026", "/Counters/Calendar?handler=Add&year=2026",
            new() { ["Input.Date"] = "2026-06-15", ["Input.Kind"] = "holiday", ["Input.Name"] = "Ngày thử trang quản trị" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/counters/calendar/days-off?year=2026")).EnumerateArray()
            .Single(d => d.GetProperty("date").GetString() == "2026-06-15").GetProperty("id").GetGuid();
        var removed = await OneStopFactory.PostFormAsync(admin, "/Counters/Calendar?year=2026", $"/Counters/Calendar?handler=Remove&id={id}&year=2026", new());
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/counters/calendar/days-off?year=2026")).EnumerateArray()
            .Any(d => d.GetProperty("date").GetString() == "2026-06-15").ShouldBeFalse();
    }

    private static async Task<string> DueAt(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/counters/calendar/due-date", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("dueAt").GetString()!;
    }
}

public sealed class PostgreSqlCountersApiTests(OneStopFactory factory) : CountersApiTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteCountersApiTests(SqliteOneStopFactory factory) : CountersApiTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
