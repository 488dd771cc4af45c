using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Tests;

/// <summary>Inspections: a team visits a ward, a finding raises a follow-up task the ward reports on, the period's report lists the visit.</summary>
public sealed class InspectionTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Api = "/api/v1/plantasks";

    [Fact]
    public async Task A_finding_raises_a_follow_up_task_for_the_inspected_ward_on_the_same_task_model()
    {
        var ward = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == "10507").Select(u => u.Id).SingleAsync());
        var task = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().Tasks.Where(t => t.Code == "2022.a.2").Select(t => t.Id).SingleAsync());
        var inspector = await fx.SignInAsync("thanhtra.tinh");
        var team = await (await inspector.PostAsJsonAsync($"{Api}/inspections/teams", new { name = "Đoàn kiểm tra cải cách hành chính", decisionNo = "45/QĐ-VP", members = new[] { "Ngô Văn Tra" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var visit = await inspector.PostAsJsonAsync($"{Api}/inspections/visits", new { teamId = team.GetProperty("id").GetGuid(), unitId = ward, visitOn = "2025-09-15", summary = "Kiểm tra Bộ phận Một cửa phường" });
        visit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var finding = await inspector.PostAsJsonAsync($"{Api}/inspections/visits/{visitId}/findings", new { text = "Chưa số hóa kết quả giải quyết TTHC còn hiệu lực.", followUpTaskId = task });
        finding.StatusCode.ShouldBe(HttpStatusCode.OK);
        var followUp = (await finding.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("followUpAssignmentId").GetGuid();

        // The ward owns the follow-up assignment, sees it and reports on it like any task of the plan.
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        var assignment = await leader.GetFromJsonAsync<JsonElement>($"{Api}/assignments/{followUp}");
        assignment.GetProperty("taskCode").GetString().ShouldBe("2022.a.2");
        assignment.GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");
        (await leader.PostAsJsonAsync($"{Api}/assignments/{followUp}/reports", new { kind = "ad-hoc", status = "in-progress", percent = 20, narrative = "Đang khắc phục theo kết luận kiểm tra." }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await fx.SignInAsync("motcua.binhhan")).GetAsync($"{Api}/assignments/{followUp}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The quarter's TTHC-control report of the ward lists the visit and its finding.
        using var book = new XLWorkbook(new MemoryStream(await leader.GetByteArrayAsync($"{Api}/control-report?period=2025-Q3&format=xlsx")));
        var visits = book.Worksheet("Kiểm tra").RowsUsed().Skip(1).ToList();
        visits.Count.ShouldBe(1);
        visits[0].Cell(1).GetDateTime().ShouldBe(new DateTime(2025, 9, 15));
        visits[0].Cell(1).Style.DateFormat.Format.ShouldBe("dd/MM/yyyy");
        visits[0].Cell(4).GetString().ShouldBe("Chưa số hóa kết quả giải quyết TTHC còn hiệu lực.");
        (await leader.GetStringAsync("/PlanTasks/Inspections")).ShouldContain("Chưa số hóa kết quả giải quyết TTHC còn hiệu lực.");
    }
}
