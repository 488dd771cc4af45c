using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.PlanEditing;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Tests;

/// <summary>
/// The provincial office enters a follow-on plan (2026–2030) with groups and tasks, chooses lead and coordinating
/// agencies from the lists and assigns the task to units; bad input is refused in Vietnamese (English on request) and
/// changes nothing; an assigned task is never deleted; the overdue filter reads due dates and statuses as of today.
/// </summary>
public sealed class PlanEditingTests : IClassFixture<OneStopFactory>, IDisposable
{
    private const string Api = "/api/v1/plantasks";
    private const string English = "en-US,en;q=0.9";
    private readonly OneStopFactory fx;

    public PlanEditingTests(OneStopFactory fx)
    {
        this.fx = fx;
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
    }

    public void Dispose() => fx.Clock.Reset();

    private static object PlanBody(string number) => new
    {
        number, title = "Kế hoạch thực hiện cơ chế một cửa, một cửa liên thông giai đoạn 2026 – 2030 trên địa bàn thành phố Hải Phòng",
        issuer = "UBND thành phố Hải Phòng", issuedOn = "2026-01-15", signer = "Phó Chủ tịch UBND thành phố", startYear = 2026, endYear = 2030,
        status = "issued", effectiveFrom = "2026-01-15", effectiveTo = "2030-12-31",
    };

    private static object TaskBody(string title, string[] leads, string[] coordinators, int? year, int? month = 6, int? day = 30, string kind = "date") => new
    {
        title, leads, coordinators, deadlineKind = kind, deadlineYear = year, deadlineMonth = month, deadlineDay = day, deadlineQuarter = (int?)null,
        products = "Báo cáo kết quả thực hiện",
    };

    private async Task<(HttpClient Office, Guid Plan, Guid Group)> PlanWithGroupAsync(string number)
    {
        var office = await fx.SignInAsync("lanhdao.tinh");
        var created = await office.PostAsJsonAsync($"{Api}/plans/", PlanBody(number));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var group = await office.PostAsJsonAsync($"{Api}/plans/{plan}/groups", new { title = "Nhóm nhiệm vụ hoàn thiện thể chế" });
        group.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (office, plan, (await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private Task<Guid> CommuneAsync(int skip = 0) => fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits
        .Where(u => u.Level == "commune" && u.ValidTo == null).OrderBy(u => u.Path).Select(u => u.Id).Skip(skip).FirstAsync());

    private Task<int> TaskCountAsync() => fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().Tasks.CountAsync());

    [Fact]
    public async Task The_provincial_office_enters_a_2026_2030_plan_with_a_task_and_assigns_it_to_units()
    {
        var (office, plan, group) = await PlanWithGroupAsync("125/KH-UBND");

        // Both plans coexist; today the 2021–2025 plan has ended and the new one is in force.
        var plans = (await office.GetFromJsonAsync<JsonElement>($"{Api}/plans/")).EnumerateArray().ToList();
        plans.Single(p => p.GetProperty("number").GetString() == "125/KH-UBND").GetProperty("statusToday").GetString().ShouldBe("in-force");
        plans.Single(p => p.GetProperty("code").GetString() == "KH-468-HD-2021").GetProperty("statusToday").GetString().ShouldBe("ended");
        // Without an id, the plan in force today (this class enters several 2026–2030 plans), no longer the ended one.
        var current = await office.GetFromJsonAsync<JsonElement>($"{Api}/plan");
        current.GetProperty("statusToday").GetString().ShouldBe("in-force");
        current.GetProperty("startYear").GetInt32().ShouldBe(2026);

        // Lead and coordinating agencies come from the list of the province's agencies and groups of them.
        var agencies = (await office.GetFromJsonAsync<JsonElement>($"{Api}/plans/agencies")).EnumerateArray()
            .ToDictionary(a => a.GetProperty("reference").GetString()!, a => a.GetProperty("name").GetString()!);
        agencies.ShouldContainKey("agency:VPUBND");
        agencies.ShouldContainKey("level:commune");
        var lead = "agency:VPUBND";
        var coordinator = agencies.Keys.First(k => k.StartsWith("agency:", StringComparison.Ordinal) && k != lead);

        var created = await office.PostAsJsonAsync($"{Api}/plan-groups/{group}/tasks",
            TaskBody("Rà soát, đơn giản hóa thủ tục hành chính", [lead], [coordinator, "level:commune"], 2027));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var task = await created.Content.ReadFromJsonAsync<JsonElement>();
        var taskId = task.GetProperty("id").GetGuid();
        task.GetProperty("leadText").GetString().ShouldBe(agencies[lead]);
        task.GetProperty("coordinatorText").GetString().ShouldBe($"{agencies[coordinator]}; {agencies["level:commune"]}");
        task.GetProperty("completion").GetProperty("text").GetString().ShouldBe("Ngày 30/6/2027");
        task.GetProperty("code").GetString()!.ShouldStartWith("2026-2030"); // {phase}.{group}.{n}; the phase code is the period

        // Assigned from the task to two communes; each assignment is due on the task's deadline.
        foreach (var skip in new[] { 0, 1 })
        {
            var assigned = await office.PostAsJsonAsync($"{Api}/assignments/", new { taskId, unitId = await CommuneAsync(skip) });
            assigned.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueOn").GetString().ShouldBe("2027-06-30");
        }

        // Edited: a new deadline moves the assignments' due dates; the plan reads back with its group and task.
        var edited = await office.PutAsJsonAsync($"{Api}/plan-tasks/{taskId}",
            new { title = "Rà soát, đơn giản hóa TTHC nội bộ", leads = new[] { lead }, coordinators = new[] { coordinator }, deadlineKind = "quarter", deadlineYear = 2028, deadlineQuarter = 4, products = "Quyết định phê duyệt phương án" });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var assignments = (await office.GetFromJsonAsync<JsonElement>($"{Api}/assignments/?task={task.GetProperty("code").GetString()}")).GetProperty("items").EnumerateArray().ToList();
        assignments.Count.ShouldBe(2);
        assignments.ShouldAllBe(a => a.GetProperty("dueOn").GetString() == "2028-12-31");
        var read = await office.GetFromJsonAsync<JsonElement>($"{Api}/plans/{plan}");
        var readTask = read.GetProperty("phases")[0].GetProperty("groups")[0].GetProperty("tasks")[0];
        readTask.GetProperty("title").GetString().ShouldBe("Rà soát, đơn giản hóa TTHC nội bộ");
        readTask.GetProperty("completion").GetProperty("text").GetString().ShouldBe("Quý IV năm 2028");

        // An assigned task is not deleted: the units' progress and reports stay.
        var delete = await office.DeleteAsync($"{Api}/plan-tasks/{taskId}");
        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await delete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.TaskHasAssignments);
        (await office.GetAsync($"{Api}/tasks/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Every write is in the module's audit trail.
        await fx.SealAuditAsync<PlanTasksDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var audited = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().AuditRecords
            .Where(r => r.EntityId == plan.ToString() || r.EntityId == taskId.ToString()).Select(r => r.Action).ToListAsync());
        audited.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Groups_and_tasks_are_reordered_and_an_unassigned_task_and_an_empty_group_are_deleted()
    {
        var (office, plan, first) = await PlanWithGroupAsync("126/KH-UBND");
        var second = (await (await office.PostAsJsonAsync($"{Api}/plans/{plan}/groups", new { title = "Nhóm nhiệm vụ chuyển đổi số" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await office.PostAsJsonAsync($"{Api}/plan-groups/{second}/move", new { direction = "up" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var groups = (await office.GetFromJsonAsync<JsonElement>($"{Api}/plans/{plan}")).GetProperty("phases")[0].GetProperty("groups").EnumerateArray().ToList();
        groups.Select(g => g.GetProperty("id").GetGuid()).ShouldBe([second, first]);
        groups.Select(g => g.GetProperty("letter").GetString()).ShouldBe(["a", "b"]);

        var a = (await (await office.PostAsJsonAsync($"{Api}/plan-groups/{first}/tasks", TaskBody("Nhiệm vụ A", ["agency:VPUBND"], [], 2026))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var b = (await (await office.PostAsJsonAsync($"{Api}/plan-groups/{first}/tasks", TaskBody("Nhiệm vụ B", ["agency:VPUBND"], [], null, kind: "regular"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await office.PostAsJsonAsync($"{Api}/plan-tasks/{b}/move", new { direction = "up" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var tasks = (await office.GetFromJsonAsync<JsonElement>($"{Api}/plans/{plan}")).GetProperty("phases")[0].GetProperty("groups")[1].GetProperty("tasks").EnumerateArray();
        tasks.Select(t => t.GetProperty("id").GetGuid()).ShouldBe([b, a]);

        (await office.DeleteAsync($"{Api}/plan-groups/{first}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await office.DeleteAsync($"{Api}/plan-tasks/{a}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await office.DeleteAsync($"{Api}/plan-tasks/{b}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await office.DeleteAsync($"{Api}/plan-groups/{first}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await office.DeleteAsync($"{Api}/plans/{plan}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_or_English_and_nothing_is_applied()
    {
        var (office, plan, group) = await PlanWithGroupAsync("127/KH-UBND");
        var before = await TaskCountAsync();

        // Empty title, no lead agency: the validator, in Vietnamese by default.
        var empty = await office.PostAsJsonAsync($"{Api}/plan-groups/{group}/tasks", TaskBody(" ", [], [], 2027));
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("Title")[0].GetString().ShouldBe("Tên nhiệm vụ bắt buộc, tối đa 2000 ký tự.");
        errors.GetProperty("Leads")[0].GetString().ShouldBe("Chọn ít nhất một cơ quan chủ trì.");

        // A deadline outside the plan's period, an agency not on the list.
        var outside = await office.PostAsJsonAsync($"{Api}/plan-groups/{group}/tasks", TaskBody("Tổng kết kế hoạch", ["agency:VPUBND"], [], 2031));
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await outside.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("errors").GetProperty("DeadlineYear")[0].GetString().ShouldBe("Thời hạn phải trong giai đoạn của kế hoạch, từ năm 2026 đến năm 2030.");
        var unknown = await office.PostAsJsonAsync($"{Api}/plan-groups/{group}/tasks", TaskBody("Tổng kết kế hoạch", ["agency:KHONGCO"], [], 2030));
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Leads")[0].GetString()!.ShouldContain("KHONGCO");

        // The same in English on request.
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/plan-groups/{group}/tasks") { Content = JsonContent.Create(TaskBody("Tổng kết kế hoạch", ["agency:VPUBND"], [], 2031)) };
        request.Headers.Add("Accept-Language", English);
        var english = await (await office.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        english.GetProperty("errors").GetProperty("DeadlineYear")[0].GetString().ShouldBe("The deadline must fall within the plan's period, from 2026 to 2030.");
        var emptyEnglish = new HttpRequestMessage(HttpMethod.Post, $"{Api}/plan-groups/{group}/tasks") { Content = JsonContent.Create(TaskBody("", [], [], 2027)) };
        emptyEnglish.Headers.Add("Accept-Language", English);
        (await (await office.SendAsync(emptyEnglish)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Leads")[0].GetString()
            .ShouldBe("Choose at least one lead agency.");

        // A plan with a reversed period or a taken number; nothing was added by any of these.
        var reversed = await office.PostAsJsonAsync($"{Api}/plans/", new { number = "128/KH-UBND", title = "Kế hoạch", startYear = 2030, endYear = 2026, status = "draft" });
        (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("EndYear")[0].GetString()!.ShouldStartWith("Giai đoạn không hợp lệ");
        var taken = await office.PostAsJsonAsync($"{Api}/plans/", PlanBody("127/KH-UBND"));
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.PlanNumberTaken);
        (await TaskCountAsync()).ShouldBe(before);
        (await office.GetFromJsonAsync<JsonElement>($"{Api}/plans/")).EnumerateArray().Count(p => p.GetProperty("number").GetString() is "128/KH-UBND").ShouldBe(0);

        // Only the provincial office writes: a district leader, a department officer are refused.
        (await (await fx.SignInAsync("lanhdao.tphd")).PostAsJsonAsync($"{Api}/plans/", PlanBody("129/KH-UBND"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await fx.SignInAsync("chuyenvien.stttt")).PostAsJsonAsync($"{Api}/plan-groups/{group}/tasks", TaskBody("X", ["agency:VPUBND"], [], 2027))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_overdue_filter_finds_past_deadline_assignments_not_done_and_neither_done_nor_future_ones()
    {
        // No deadline scan runs here: the filter reads the due date, the status and today (the test clock, 7/12/2026).
        var (office, _, group) = await PlanWithGroupAsync("130/KH-UBND");
        async Task<(string Code, Guid Id)> TaskAsync(string title, int year, int month) =>
            (await (await office.PostAsJsonAsync($"{Api}/plan-groups/{group}/tasks", TaskBody(title, ["agency:VPUBND"], [], year, month, 15))).Content.ReadFromJsonAsync<JsonElement>()) is var t
                ? (t.GetProperty("code").GetString()!, t.GetProperty("id").GetGuid()) : default;
        var past = await TaskAsync("Nhiệm vụ đã quá hạn", 2026, 3);
        var future = await TaskAsync("Nhiệm vụ còn hạn", 2027, 3);
        async Task<Guid> AssignAsync(Guid task, int skip) =>
            (await (await office.PostAsJsonAsync($"{Api}/assignments/", new { taskId = task, unitId = await CommuneAsync(skip) })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var late = await AssignAsync(past.Id, 0);
        var done = await AssignAsync(past.Id, 1);
        var notYet = await AssignAsync(future.Id, 0);

        // The second commune finished the past task (its report accepted).
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlanTasksDbContext>();
            var assignment = await db.Assignments.IgnoreQueryFilters().SingleAsync(a => a.Id == done);
            assignment.ApplyAcceptedReport("completed", 100);
            await db.SaveChangesAsync();
            return 0;
        });

        var overdue = (await office.GetFromJsonAsync<JsonElement>($"{Api}/assignments/?flag=overdue&pageSize=200&task={past.Code}")).GetProperty("items").EnumerateArray()
            .Concat((await office.GetFromJsonAsync<JsonElement>($"{Api}/assignments/?flag=overdue&pageSize=200&task={future.Code}")).GetProperty("items").EnumerateArray())
            .Select(a => a.GetProperty("id").GetGuid()).ToList();
        overdue.ShouldBe([late]);
        (await office.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{late}")).GetProperty("isOverdue").GetBoolean().ShouldBeTrue();
        (await office.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{notYet}")).GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
        (await office.GetStringAsync($"/PlanTasks?flag=overdue&task={past.Code}")).ShouldContain($"data-task=\"{past.Code}\"");
    }

    [Fact]
    public async Task Plans_are_written_only_for_the_whole_province_and_a_units_task_page_shows_its_own_assignments_only()
    {
        var (office, plan, group) = await PlanWithGroupAsync("131/KH-UBND");

        // Whoever acts for a district (or one department of the province) cannot write, even holding the permission.
        var district = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == "288").Select(u => new { u.Id, u.Path, u.Name }).SingleAsync());
        var refused = await fx.InScopeAsync(new UnitScope(district.Id, district.Path, district.Name), async sp =>
            await Should.ThrowAsync<PlatformException>(() => sp.GetRequiredService<PlanEditor>().AddGroupAsync(plan, new GroupRequest("Nhóm của huyện"), CancellationToken.None)));
        refused.Code.ShouldBe(PlanTasksErrorCodes.PlanOnlyByProvince);
        refused.StatusCode.ShouldBe(403);
        var province = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == "30").Select(u => new { u.Id, u.Path, u.Name }).SingleAsync());
        var department = await fx.InScopeAsync(new UnitScope(province.Id, province.Path, province.Name, "STTTT"), async sp =>
            await Should.ThrowAsync<PlatformException>(() => sp.GetRequiredService<PlanEditor>().AddGroupAsync(plan, new GroupRequest("Nhóm của sở"), CancellationToken.None)));
        department.Code.ShouldBe(PlanTasksErrorCodes.PlanOnlyByProvince);

        // A task assigned to a commune of Chí Linh and to one of Thành phố Hải Dương: each district's page shows its own.
        var task = (await (await office.PostAsJsonAsync($"{Api}/plan-groups/{group}/tasks", TaskBody("Nhiệm vụ giao cho xã", ["level:commune"], [], 2027))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var communes = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits
            .Where(u => u.Level == "commune" && u.ValidTo == null && (u.Path.StartsWith("/30/288/") || u.Path.StartsWith("/30/290/")))
            .GroupBy(u => u.Path.StartsWith("/30/288/")).Select(g => g.OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).First()).ToListAsync());
        foreach (var commune in communes)
        {
            (await office.PostAsJsonAsync($"{Api}/assignments/", new { taskId = task, unitId = commune.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var own = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Path.StartsWith("/30/288/") && u.Level == "commune" && u.ValidTo == null).Select(u => u.Name).ToListAsync());
        var html = await (await fx.SignInAsync("lanhdao.tphd")).GetStringAsync($"/PlanTasks/PlanTask?id={task}");
        var shown = communes.Select(c => c.Name).Where(n => html.Contains($"data-unit=\"{n}\"", StringComparison.Ordinal)).ToList();
        shown.ShouldHaveSingleItem().ShouldBeOneOf([.. own]);
        html.ShouldNotContain("Sửa nhiệm vụ"); // no edit form without the permission
    }
}
