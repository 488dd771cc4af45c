using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Features.Kpis;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// Issue 17: a dossier follows its procedure's internal process (quy trình nội bộ) — the desk receives, the specialist
/// proposes, the tax office takes its step with its own clock, the leader approves, the desk returns — each person
/// finds it on their own queue, and the control sheet lists every step with its budget and lateness (ADR 0036).
/// </summary>
public sealed class InternalProcessTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Desk = "motcua.camthuong";      // Cẩm Thượng (10507)
    private const string Leader = "lanhdao.camthuong";
    private const string Procedure = "1.001193";         // Đăng ký khai sinh, 1 working day... given a process below

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<bool> InQueueAsync(HttpClient client, string kind, string code)
    {
        var queues = await client.GetFromJsonAsync<JsonElement>("/api/v1/counters/work");
        return queues.EnumerateArray().Where(q => q.GetProperty("kind").GetString() == kind)
            .SelectMany(q => q.GetProperty("first").EnumerateArray()).Any(d => d.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_dossier_follows_its_internal_process_through_the_tax_office_and_each_person_finds_it_on_their_queue()
    {
        // The tax office's officer works for the province's Cục Thuế (a vertical agency serving every commune below it).
        await fx.CreatePersonAsync("thue.tinh", "Đỗ Thị Thuế", "Chuyên viên", "30", "Specialist", "CTHUE");
        var admin = await fx.SignInAsync("admin");
        var process = await Ok(await admin.PutAsJsonAsync($"/api/v1/counters/catalogue/procedures/{Procedure}/steps", new
        {
            steps = new object[]
            {
                new { name = "Tiếp nhận hồ sơ", kind = "RECEPTION", budgetHours = 0 },
                new { name = "Thẩm định hồ sơ", kind = "PROCESS", budgetHours = 3 },
                new { name = "Xác định nghĩa vụ tài chính", kind = "AGENCY", agencyCode = "CTHUE", budgetHours = 2 },
                new { name = "Phê duyệt, ký", kind = "APPROVAL", budgetHours = 2 },
                new { name = "Trả kết quả", kind = "RETURN", budgetHours = 0 },
            },
        }));
        process.GetArrayLength().ShouldBe(5);
        // An unknown agency and an agency step without one are refused with stable codes, in Vietnamese.
        var unknown = await Ok(await admin.PutAsJsonAsync($"/api/v1/counters/catalogue/procedures/{Procedure}/steps",
            new { steps = new[] { new { name = "X", kind = "AGENCY", agencyCode = "KHONG-CO", budgetHours = 1 } } }), HttpStatusCode.UnprocessableEntity);
        unknown.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ProcessInvalid);
        unknown.GetProperty("title").GetString()!.ShouldContain("Không có cơ quan mã \"KHONG-CO\"");

        var desk = await fx.SignInAsync(Desk);
        var leader = await fx.SignInAsync(Leader);
        var tax = await fx.SignInAsync("thue.tinh");
        var dossier = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090007777")), HttpStatusCode.Created);
        var id = dossier.GetProperty("id").GetGuid();
        var code = dossier.GetProperty("code").GetString()!;
        var api = $"/api/v1/counters/dossiers/{id}";
        dossier.GetProperty("steps").GetArrayLength().ShouldBe(2); // reception done, processing open
        dossier.GetProperty("stage").GetString().ShouldBe(DossierStatuses.Received);

        // The tax officer sees nothing of it yet: scope by agency.
        (await tax.GetAsync(api)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await InQueueAsync(desk, "to-assign", code)).ShouldBeTrue();

        await Ok(await desk.PostAsJsonAsync($"{api}/assign", new { assignee = Leader }));
        (await InQueueAsync(leader, "to-process", code)).ShouldBeTrue();
        var proposed = await Ok(await leader.PostAsJsonAsync($"{api}/propose", new { draftResult = "Giấy khai sinh số 123/2026", electronic = true }));
        proposed.GetProperty("stage").GetString().ShouldBe(DossierStages.AtAgency);
        proposed.GetProperty("currentAgencyCode").GetString().ShouldBe("CTHUE");

        // The tax office finds it on its queue and may take only its own step; the desk may not take it for them.
        (await InQueueAsync(tax, "at-my-agency", code)).ShouldBeTrue();
        var notYours = await Ok(await desk.PostAsJsonAsync($"{api}/complete-agency-step", new { electronic = true }), HttpStatusCode.Forbidden);
        notYours.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.NotAtYourAgency);
        // How it goes back must be said.
        (await tax.PostAsJsonAsync($"{api}/complete-agency-step", new { note = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var back = await Ok(await tax.PostAsJsonAsync($"{api}/complete-agency-step", new { electronic = true, note = "Thông báo thuế số 45/TB-CT" }));
        back.GetProperty("stage").GetString().ShouldBe(DossierStages.AwaitingApproval);

        // The leader finds it to approve; sends it back once with a reason; the specialist proposes again.
        (await InQueueAsync(leader, "to-approve", code)).ShouldBeTrue();
        await Ok(await leader.PostAsJsonAsync($"{api}/send-back", new { reason = "Ghi rõ nơi sinh theo giấy chứng sinh" }));
        (await InQueueAsync(leader, "to-process", code)).ShouldBeTrue();
        var again = await Ok(await leader.PostAsJsonAsync($"{api}/propose", new { draftResult = "Giấy khai sinh số 124/2026" }));
        // The process goes on from the step after processing: the tax office again (its step is in the process).
        again.GetProperty("stage").GetString().ShouldBe(DossierStages.AtAgency);
        await Ok(await tax.PostAsJsonAsync($"{api}/complete-agency-step", new { electronic = false, note = "Bản giấy" }));
        var approved = await Ok(await leader.PostAsJsonAsync($"{api}/approve", new { }));
        approved.GetProperty("status").GetString().ShouldBe(DossierStatuses.Resolved);
        approved.GetProperty("resultSummary").GetString().ShouldBe("Giấy khai sinh số 124/2026");

        // The desk is told: the result waits on its queue; it returns it.
        (await InQueueAsync(desk, "to-return", code)).ShouldBeTrue();
        (await desk.GetStringAsync("/Counters/Work")).ShouldContain(code);
        var returned = await Ok(await desk.PostAsJsonAsync($"{api}/return", new { method = "DESK" }));
        returned.GetProperty("status").GetString().ShouldBe(DossierStatuses.Returned);
        (await InQueueAsync(desk, "to-return", code)).ShouldBeFalse();

        var steps = returned.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("kind").GetString()).ShouldBe(["RECEPTION", "PROCESS", "AGENCY", "APPROVAL", "PROCESS", "AGENCY", "APPROVAL", "RETURN"]);
        steps.ShouldAllBe(s => s.GetProperty("completedAt").ValueKind != JsonValueKind.Null);
        steps[2].GetProperty("performer").GetString().ShouldBe("Cục Thuế tỉnh");
        steps[2].GetProperty("budgetHours").GetDecimal().ShouldBe(2m);
        steps[2].GetProperty("dueAt").ValueKind.ShouldNotBe(JsonValueKind.Null);

        // Mẫu 06 (2025): the control sheet lists every step with its budget and lateness, read back from the PDF.
        var pdf = await desk.GetAsync($"{api}/forms/control-sheet");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("nghĩa vụ");
        text.ShouldContain("Thuế");
        text.ShouldContain("giờ");
        text.ShouldContain("Đúng");
        text.ShouldContain("Chậm trễ theo cơ quan, bộ phận");

        // The paper hand-over back from the tax office keeps this dossier outside the electronic-routing numerator.
        var handovers = returned.GetProperty("handovers").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "ROUTING").ToList();
        handovers.Count.ShouldBe(4);
        handovers.Count(h => !h.GetProperty("electronic").GetBoolean()).ShouldBe(1);
    }

    [Fact]
    public async Task A_dossier_routed_on_paper_is_outside_the_electronic_routing_numerator_and_one_routed_in_the_system_inside()
    {
        var desk = await fx.SignInAsync(Desk);
        var district = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.IgnoreQueryFilters()
            .Where(u => u.Code == "288").OrderByDescending(u => u.ValidFrom).Select(u => u.Id).FirstAsync());
        async Task<Guid> RoutedAsync(bool? electronic, string identity)
        {
            var d = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<OneStopFactory>.BirthRegistration(identity: identity)), HttpStatusCode.Created);
            var id = d.GetProperty("id").GetGuid();
            await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/route", new { toUnitId = district, electronic }));
            return id;
        }

        // Not said = refused: the form of the hand-over is never assumed.
        var d0 = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090008880")), HttpStatusCode.Created);
        var unsaid = await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{d0.GetProperty("id").GetGuid()}/route", new { toUnitId = district }), HttpStatusCode.BadRequest);
        unsaid.GetProperty("errors").ToString().ShouldContain("Chọn hình thức chuyển");

        var paper = await RoutedAsync(false, "030090008881");
        var electronic = await RoutedAsync(true, "030090008882");
        // The plan's KPI, as the engine's detail lists it: each routed dossier of the day, counted or not.
        var rows = await fx.AsSystemAsync(async sp =>
        {
            var path = await sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.IgnoreQueryFilters().Where(u => u.Code == "10507")
                .OrderByDescending(u => u.ValidFrom).Select(u => u.Path).FirstAsync();
            var calculator = sp.GetServices<OneStop.Platform.Kpis.IKpiCalculator>().OfType<DossierKpiCalculator>().Single();
            var today = OneStop.Platform.Domain.VietnamTime.Today(sp.GetRequiredService<TimeProvider>());
            return await calculator.DetailsAsync(CountersKpiCodes.ElectronicRouting, new OneStop.Platform.Kpis.KpiPeriod(OneStop.Platform.Kpis.KpiPeriodKinds.Day, today, today.AddDays(1)), path, 1000);
        });
        rows.Single(r => r.Id == paper).Counted.ShouldBeFalse();
        rows.Single(r => r.Id == electronic).Counted.ShouldBeTrue();
    }

    [Fact]
    public async Task The_receipt_number_is_the_line_of_the_units_register_of_the_year_and_a_refused_dossier_has_none()
    {
        var desk = await fx.SignInAsync(Desk);
        var first = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090006661")), HttpStatusCode.Created);
        var second = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090006662")), HttpStatusCode.Created);
        var line = first.GetProperty("registerNumber").GetInt32();
        second.GetProperty("registerNumber").GetInt32().ShouldBe(line + 1);

        var receipt = await desk.GetAsync($"/api/v1/counters/dossiers/{second.GetProperty("id").GetGuid()}/forms/receipt");
        receipt.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(await receipt.Content.ReadAsByteArrayAsync()))
        {
            string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).ShouldContain($"Số thứ tự: {line + 1}.");
        }

        // The register numbers the same dossier's line with the same number.
        var today = OneStop.Platform.Domain.VietnamTime.Today(fx.Services.GetRequiredService<TimeProvider>());
        var register = await desk.GetAsync($"/api/v1/counters/dossiers/register/export?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        register.StatusCode.ShouldBe(HttpStatusCode.OK, await register.Content.ReadAsStringAsync());
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await register.Content.ReadAsByteArrayAsync()));
        var row = book.Worksheet(1).RowsUsed().Single(r => r.CellsUsed().Any(c => c.GetString() == second.GetProperty("code").GetString()));
        row.Cell(1).GetString().ShouldBe((line + 1).ToString());
    }

    [Fact]
    public async Task An_officer_of_one_of_the_units_agencies_is_not_offered_the_units_own_processing()
    {
        // A tax officer seconded to the ward's building: a member of Cẩm Thượng, but for the tax office's work only.
        await fx.CreatePersonAsync("thue.camthuong", "Ngô Văn Thuế", "Chuyên viên", "10507", "Specialist", "CCT-CAMTHUONG");
        var desk = await fx.SignInAsync(Desk);
        var d = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090006671")), HttpStatusCode.Created);
        var api = $"/api/v1/counters/dossiers/{d.GetProperty("id").GetGuid()}";

        var offered = (await desk.GetFromJsonAsync<JsonElement>($"{api}/assignees")).EnumerateArray().Select(p => p.GetProperty("login").GetString()).ToList();
        offered.ShouldContain(Leader);
        offered.ShouldNotContain("thue.camthuong");
        var refused = await Ok(await desk.PostAsJsonAsync($"{api}/assign", new { assignee = "thue.camthuong" }), HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.AssigneeNotEligible);
        refused.GetProperty("title").GetString()!.ShouldContain("làm việc cho một cơ quan khác");
    }

    [Fact]
    public void No_code_outside_the_aggregate_changes_a_dossiers_status()
    {
        // The setters are private: only Dossier's own methods — each a row of DossierLifecycle — move the status or stage.
        foreach (var name in new[] { nameof(Dossier.Status), nameof(Dossier.Stage), nameof(Dossier.ProcessPlan), nameof(Dossier.AgencyTrail), nameof(Dossier.CurrentAgencyCode), nameof(Dossier.DraftResult) })
        {
            var property = typeof(Dossier).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!;
            property.SetMethod.ShouldNotBeNull(name);
            property.SetMethod!.IsPrivate.ShouldBeTrue(name);
        }

        // And no other type of the module writes the status field by reflection or a backing-field trick.
        var assembly = typeof(Dossier).Assembly;
        var statusSetter = typeof(Dossier).GetProperty(nameof(Dossier.Status))!.SetMethod!;
        foreach (var type in assembly.GetTypes().Where(t => t != typeof(Dossier) && t.DeclaringType != typeof(Dossier)))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
                {
                    continue;
                }

                // call/callvirt <token of set_Status>
                for (var i = 0; i + 4 < il.Length; i++)
                {
                    if (il[i] is 0x28 or 0x6F)
                    {
                        var token = BitConverter.ToInt32(il, i + 1);
                        MethodBase? target = null;
                        try { target = type.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null); }
                        catch (ArgumentException) { }
                        catch (BadImageFormatException) { }
                        (target == statusSetter).ShouldBeFalse($"{type.FullName}.{method.Name} sets Dossier.Status");
                    }
                }
            }
        }

        // Every action of the table is mapped on the API under its own name.
        DossierLifecycle.All.Select(a => a.Name).Distinct().Count().ShouldBe(DossierLifecycle.All.Count);
    }
}
