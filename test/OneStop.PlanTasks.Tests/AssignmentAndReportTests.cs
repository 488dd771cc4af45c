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
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().OutboxMessages.CountAsync(m => m.Type.Contains(nameof(PlanTaskStatusChanged)))))
            .ShouldBeGreaterThan(0);
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

    [Theory]
    [InlineData("bien-ban.pdf", 1000, true)]
    [InlineData("anh.PNG", 1000, true)]
    [InlineData("virus.exe", 1000, false)]
    [InlineData("../../etc/passwd.txt", 1000, true)] // accepted as "passwd.txt": the path part is dropped, never used
    [InlineData("lon.pdf", 11L * 1024 * 1024, false)]
    [InlineData("rong.pdf", 0, false)]
    public void Evidence_files_are_checked_by_name_size_and_type(string name, long size, bool ok)
    {
        if (ok)
        {
            EvidenceStore.Check(name, size).FileName.ShouldNotContain("/");
        }
        else
        {
            Should.Throw<OneStop.Platform.Web.PlatformException>(() => EvidenceStore.Check(name, size)).Code.ShouldBe(PlanTasksErrorCodes.EvidenceRejected);
        }
    }
}
