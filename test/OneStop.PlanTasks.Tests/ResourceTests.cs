using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Tests;

/// <summary>Resources: investment projects and budget allocations linked to tasks, through the page's forms and the API.</summary>
public sealed class ResourceTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Api = "/api/v1/plantasks/resources";

    private Task<Guid> TaskId(string code) => fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().Tasks.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task The_page_validates_in_Vietnamese_then_records_a_project_and_its_allocation()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var empty = await province.GetStringAsync("/PlanTasks/Resources");
        empty.ShouldContain("data-testid=\"projects-empty\"");
        empty.ShouldContain("data-testid=\"project-form\"");

        var task = await TaskId("2021.dd.1");
        var invalid = await OneStopFactory.PostFormAsync(province, "/PlanTasks/Resources", "/PlanTasks/Resources?handler=Project", new()
        {
            ["Project.Name"] = "", ["Project.PlanTaskId"] = task.ToString(), ["Project.ProposedAmount"] = "0", ["Project.FromYear"] = "2026", ["Project.ToYear"] = "2024",
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await invalid.Content.ReadAsStringAsync();
        html.ShouldContain("Tên dự án bắt buộc");
        html.ShouldContain("Tổng mức đầu tư đề xuất phải lớn hơn 0 đồng.");
        html.ShouldContain("Giai đoạn đầu tư không hợp lệ");

        // The same checks in English for a reader who chose English (the page's culture).
        var english = await OneStopFactory.PostFormAsync(province, "/PlanTasks/Resources", "/PlanTasks/Resources?handler=Project&culture=en-US&ui-culture=en-US", new()
        {
            ["Project.Name"] = "", ["Project.PlanTaskId"] = task.ToString(), ["Project.ProposedAmount"] = "0", ["Project.FromYear"] = "2026", ["Project.ToYear"] = "2024",
        });
        var englishHtml = await english.Content.ReadAsStringAsync();
        englishHtml.ShouldContain("The project name is required, at most 512 characters.");
        englishHtml.ShouldContain("The proposed total investment must be more than 0 dong.");
        englishHtml.ShouldNotContain("Tên dự án bắt buộc");

        var created = await OneStopFactory.PostFormAsync(province, "/PlanTasks/Resources", "/PlanTasks/Resources?handler=Project", new()
        {
            ["Project.Name"] = "Đầu tư Trung tâm Phục vụ hành chính công tỉnh", ["Project.PlanTaskId"] = task.ToString(),
            ["Project.ProposedAmount"] = "12000000000", ["Project.FromYear"] = "2021", ["Project.ToYear"] = "2025",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var project = (await province.GetFromJsonAsync<JsonElement>($"{Api}/projects")).EnumerateArray().Single();
        project.GetProperty("taskCode").GetString().ShouldBe("2021.dd.1");

        // An allocation must fund the project's own task.
        var otherTask = await TaskId("2021.dd.2");
        var mismatch = await OneStopFactory.PostFormAsync(province, "/PlanTasks/Resources", "/PlanTasks/Resources?handler=Allocation", new()
        {
            ["Allocation.PlanTaskId"] = otherTask.ToString(), ["Allocation.ProjectId"] = project.GetProperty("id").GetString()!, ["Allocation.Year"] = "2022",
            ["Allocation.Amount"] = "3000000000", ["Allocation.Source"] = "Ngân sách tỉnh",
        });
        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("Dự án đầu tư này thực hiện nhiệm vụ khác");
        var allocated = await OneStopFactory.PostFormAsync(province, "/PlanTasks/Resources", "/PlanTasks/Resources?handler=Allocation", new()
        {
            ["Allocation.PlanTaskId"] = task.ToString(), ["Allocation.ProjectId"] = project.GetProperty("id").GetString()!, ["Allocation.Year"] = "2022",
            ["Allocation.Amount"] = "3000000000", ["Allocation.Source"] = "Ngân sách tỉnh",
        });
        allocated.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await province.GetStringAsync($"/PlanTasks/Resources?task={task}");
        page.ShouldContain("Đầu tư Trung tâm Phục vụ hành chính công tỉnh");
        page.ShouldContain("12.000.000.000");
        page.ShouldContain("data-testid=\"allocation-row\"");
        (await province.GetStringAsync($"/PlanTasks/Resources?task={otherTask}")).ShouldContain("data-testid=\"allocations-empty\"");

        using var book = new XLWorkbook(new MemoryStream(await province.GetByteArrayAsync("/PlanTasks/Resources?handler=Export")));
        var allocations = book.Worksheet("Bố trí kinh phí").RowsUsed().ToList();
        allocations[1].Cell(3).GetString().ShouldBe("2021.dd.1");
        allocations[1].Cell(5).GetValue<decimal>().ShouldBe(3_000_000_000m);
        allocations[^1].Cell(4).GetString().ShouldBe("Tổng cộng");
    }

    [Fact]
    public async Task The_api_names_a_missing_project_and_refuses_readers_who_may_not_manage_resources()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var missing = await province.PostAsJsonAsync($"{Api}/allocations", new { planTaskId = await TaskId("2021.dd.2"), projectId = Guid.NewGuid(), year = 2023, amount = 1_000_000m, source = "Ngân sách tỉnh" });
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(PlanTasksErrorCodes.ProjectNotFound);

        var district = await fx.SignInAsync("lanhdao.tphd");
        (await district.GetStringAsync("/PlanTasks/Resources")).ShouldNotContain("data-testid=\"allocation-form\"");
        var refused = await OneStopFactory.PostFormAsync(district, "/PlanTasks/Resources", "/PlanTasks/Resources?handler=Project", new() { ["Project.Name"] = "x" });
        refused.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await district.GetFromJsonAsync<JsonElement>($"{Api}/projects")).GetArrayLength().ShouldBe(0);
    }
}
