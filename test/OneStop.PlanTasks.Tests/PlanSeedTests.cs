using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Tests;

/// <summary>Acceptance (a): the seeded plan matches the plan document, group by group and year by year.</summary>
public sealed class PlanSeedTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    /// <summary>
    /// Counted by hand from /work/shared/seed/hai-duong-plan-2021-one-stop.txt, section II, independently of the JSON:
    /// every dash item ("- …") under a lettered group is one task; a lettered item with no dash items is one task.
    /// 2021 a) 2 dashes (Kế hoạch; văn bản chỉ đạo). b) 3 dashes (hạ tầng + hợp nhất; kết nối CSDL dân cư, doanh nghiệp;
    /// kết nối Trung tâm chỉ đạo điều hành). c) 4 dashes (số hóa 30/20/15%; quy trình số hóa tại Trung tâm; đánh giá phi
    /// địa giới; triển khai phi địa giới hộ tịch). d) 6 dashes sharing one lead block + đào tạo + chế độ báo cáo = 8.
    /// đ) 2 dashes (danh mục dự án đầu tư công; bố trí kinh phí). 2022: a) 2 dashes (tăng 20% số hóa; quy trình số hóa
    /// 50%/30%); b), c), d), e), g) have no dashes: 1 each (there is no đ in 2022). 2023–2025: a), b), c), d), đ): 1 each.
    /// </summary>
    private static readonly Dictionary<string, int> ExpectedPerGroup = new()
    {
        ["2021.a"] = 2, ["2021.b"] = 3, ["2021.c"] = 4, ["2021.d"] = 8, ["2021.dd"] = 2,
        ["2022.a"] = 2, ["2022.b"] = 1, ["2022.c"] = 1, ["2022.d"] = 1, ["2022.e"] = 1, ["2022.g"] = 1,
        ["2023-2025.a"] = 1, ["2023-2025.b"] = 1, ["2023-2025.c"] = 1, ["2023-2025.d"] = 1, ["2023-2025.dd"] = 1,
    };

    private static readonly Dictionary<string, int> ExpectedPerPhase = new() { ["2021"] = 19, ["2022"] = 7, ["2023-2025"] = 5 };

    [Fact]
    public async Task Seeded_plan_matches_the_seed_document_per_group_and_year()
    {
        var client = await fx.SignInAsync("lanhdao.tinh");
        var plan = await client.GetFromJsonAsync<JsonElement>("/api/v1/plantasks/plan");

        var phases = plan.GetProperty("phases").EnumerateArray().ToList();
        phases.Select(p => p.GetProperty("code").GetString()).ShouldBe(["2021", "2022", "2023-2025"]);
        var perGroup = phases.SelectMany(p => p.GetProperty("groups").EnumerateArray())
            .ToDictionary(g => g.GetProperty("code").GetString()!, g => g.GetProperty("tasks").GetArrayLength());
        perGroup.ShouldBe(ExpectedPerGroup, ignoreOrder: true);
        phases.ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("tasks").GetArrayLength()))
            .ShouldBe(ExpectedPerPhase, ignoreOrder: true);

        var tasks = phases.SelectMany(p => p.GetProperty("groups").EnumerateArray()).SelectMany(g => g.GetProperty("tasks").EnumerateArray()).ToList();
        tasks.Count.ShouldBe(31);
        tasks.Select(t => t.GetProperty("completion").GetProperty("kind").GetString()).Distinct()
            .ShouldBeSubsetOf(["month", "quarter", "regular", "government-guidance"]);
        var first = tasks.Single(t => t.GetProperty("code").GetString() == "2021.a.1");
        first.GetProperty("completion").GetProperty("text").GetString().ShouldBe("Tháng 6 năm 2021");
        first.GetProperty("leads").EnumerateArray().Select(l => l.GetString()).ShouldBe(["agency:VPUBND"]);
        tasks.Single(t => t.GetProperty("code").GetString() == "2022.e.1").GetProperty("completion").GetProperty("text").GetString().ShouldBe("Quý IV năm 2022");
        tasks.Single(t => t.GetProperty("code").GetString() == "2022.c.1").GetProperty("completion").GetProperty("kind").GetString().ShouldBe("government-guidance");
    }

    [Fact]
    public async Task Every_agency_named_in_the_plan_is_a_seeded_agency_and_leads_are_assigned()
    {
        var codes = PlanSeeder.Load().Phases.SelectMany(p => p.Groups).SelectMany(g => g.Tasks)
            .SelectMany(t => t.Leads.Concat(t.Coordinators)).Where(r => r.StartsWith("agency:")).Select(r => r[7..]).Distinct().ToList();
        var agencies = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Agencies.Select(a => a.Code).ToListAsync());
        codes.ShouldBeSubsetOf(agencies);

        var (vpubnd, districtsOnA2) = await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlanTasksDbContext>();
            return (await db.Assignments.CountAsync(a => a.AgencyCode == "VPUBND"),
                await db.Assignments.CountAsync(a => a.Task.Code == "2021.a.2" && a.AgencyCode == null));
        });
        vpubnd.ShouldBeGreaterThan(10);
        districtsOnA2.ShouldBe(12);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        var before = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().Tasks.CountAsync());
        await fx.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<PlanSeeder>().SeedAsync(CancellationToken.None);
            return 0;
        });
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlanTasksDbContext>().Tasks.CountAsync())).ShouldBe(before);
    }
}
