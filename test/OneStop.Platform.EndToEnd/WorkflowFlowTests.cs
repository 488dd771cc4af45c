using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using UglyToad.PdfPig;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// Issue 17 in a real browser: the provincial office gives a district-level procedure an internal process with a step at
/// the district's Phòng Tư pháp and one at Chi cục Thuế (financial obligation); a ward desk receives a dossier of it and
/// sends it to the district; the district leader assigns; the specialist proposes; the tax office takes its step; the
/// leader approves; the ward desk returns it. Each person finds the dossier on their own home queue ("Việc cần làm"),
/// never by searching; the control sheet PDF, read back, lists each step with its budget and lateness.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class WorkflowFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private int _clicks;

    private Task<IPage> As(string user) => host.SignedInPageAsync(user);

    private async Task Click(ILocator locator)
    {
        _clicks++;
        await locator.ClickAsync();
    }

    [Fact]
    public async Task A_district_procedure_goes_through_its_internal_process_with_each_person_working_from_their_queue()
    {
        host.Clock.SetVietnamTime(2026, 12, 7, 8);
        try
        {
            await Walk();
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    private async Task Walk()
    {
        var (code, name) = await host.DistrictProcedureAsync();
        await DistrictAgenciesAndTaxOfficerAsync();

        // 1. The provincial office writes the internal process on the catalogue page, agencies chosen from the list.
        var admin = await As("admin");
        await admin.GotoAsync($"/Counters/Catalogue/Detail?code={code}");
        await admin.GetByTestId("edit-process").ClickAsync();
        await admin.GetByTestId("process-default").WaitForAsync(); // none approved yet: the default is shown
        (string Name, string Kind, string? Agency, string Hours)[] steps =
        [
            ("Tiếp nhận hồ sơ", "RECEPTION", null, "0"),
            ("Thẩm định hồ sơ", "PROCESS", "Phòng Tư pháp Thành phố Hải Dương", "8"),
            ("Xác định nghĩa vụ tài chính", "AGENCY", "Chi cục Thuế khu vực Thành phố Hải Dương", "4"),
            ("Phê duyệt, ký kết quả", "APPROVAL", null, "4"),
            ("Trả kết quả", "RETURN", null, "0"),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            var row = admin.GetByTestId($"process-row-{i + 1}");
            await row.Locator($"input[name='Steps[{i}].Name']").FillAsync(steps[i].Name);
            await row.Locator($"select[name='Steps[{i}].Kind']").SelectOptionAsync(steps[i].Kind);
            await row.Locator($"select[name='Steps[{i}].AgencyCode']").SelectOptionAsync(steps[i].Agency is { } agency ? new SelectOptionValue { Label = agency } : new SelectOptionValue { Value = "" });
            await row.Locator($"input[name='Steps[{i}].BudgetHours']").FillAsync(steps[i].Hours);
        }

        for (var i = steps.Length; await admin.GetByTestId($"process-row-{i + 1}").CountAsync() > 0; i++)
        {
            await admin.Locator($"input[name='Steps[{i}].Name']").FillAsync("");
        }

        await admin.GetByTestId("save-process").ClickAsync();
        await admin.GetByTestId("process-saved").WaitForAsync();
        await BrowserHost.ScreenshotAsync(admin, "process-saved");

        // 2. The ward desk receives the dossier and sends it to the district electronically.
        var desk = await As("motcua.camthuong");
        await desk.GotoAsync("/Counters/Dossiers");
        await Click(desk.GetByTestId("new-dossier"));
        await desk.GetByLabel("Thủ tục hành chính").FillAsync(code);
        await Click(desk.GetByTestId("find-procedure"));
        await Click(desk.GetByTestId("procedure-matches").GetByRole(AriaRole.Link).First);
        (await desk.GetByTestId("chosen-procedure").InnerTextAsync()).ShouldBe(name);
        await desk.GetByLabel("Số định danh / mã số doanh nghiệp").FillAsync("030090001234");
        await desk.GetByLabel("Họ và tên / tên tổ chức").FillAsync("Nguyễn Văn An");
        await desk.GetByLabel("Ngày sinh").FillAsync("1990-05-12");
        await Click(desk.GetByTestId("verify-citizen"));
        await desk.GetByTestId("verified").WaitForAsync();
        await Click(desk.GetByTestId("submit-intake"));
        await desk.GetByTestId("created").WaitForAsync();
        var dossierCode = (await desk.GetByTestId("dossier-code").InnerTextAsync()).Trim();
        await desk.GetByTestId("route-target").SelectOptionAsync(new SelectOptionValue { Label = "Thành phố Hải Dương" });
        await Click(desk.GetByTestId("route-electronic"));
        await Click(desk.GetByTestId("act-route"));
        (await desk.GetByTestId("current-unit").InnerTextAsync()).ShouldStartWith("Thành phố Hải Dương");
        var detailPath = new Uri(desk.Url).PathAndQuery.Replace("&created=True", "").Replace("&created=true", "");

        // 3. The district leader finds it to assign on the home queue, the menu counting what waits.
        host.Clock.Advance(TimeSpan.FromHours(1));
        var leader = await As("lanhdao.tphd");
        await leader.GotoAsync("/");
        // The module's menu entry counts what waits; opened, "Việc cần làm" carries the count too.
        int.Parse(await leader.GetByTestId("menu-group-count").First.InnerTextAsync()).ShouldBeGreaterThan(0);
        await Click(leader.GetByTestId("menu-group-count").First);
        int.Parse(await leader.Locator("a[href='/Counters/Work'] [data-testid=menu-count]").InnerTextAsync()).ShouldBeGreaterThan(0);
        await Click(leader.Locator("a[href='/Counters/Work']"));
        await Click(leader.GetByTestId("queue-to-assign").GetByRole(AriaRole.Link, new() { Name = dossierCode }));
        await leader.GetByTestId("assignee").SelectOptionAsync(new SelectOptionValue { Label = "Lê Văn Xử — Chuyên viên Phòng Tư pháp" });
        await Click(leader.GetByTestId("act-assign"));
        (await leader.GetByTestId("message").InnerTextAsync()).ShouldContain("Chuyển xử lý");

        // 4. The specialist (Phòng Tư pháp) finds it on his queue and proposes the result; the next step is the tax office.
        host.Clock.Advance(TimeSpan.FromHours(2));
        var specialist = await As("chuyenvien.tphd");
        await specialist.GotoAsync("/Counters/Work");
        await Click(specialist.GetByTestId("queue-to-process").GetByRole(AriaRole.Link, new() { Name = dossierCode }));
        await specialist.GetByTestId("draft-result").FillAsync("Cấp giấy chứng nhận số 123/GCN");
        await Click(specialist.GetByTestId("propose-electronic"));
        await Click(specialist.GetByTestId("act-propose"));
        (await specialist.GetByTestId("status").InnerTextAsync()).ShouldBe("Đang xử lý tại cơ quan phối hợp");

        // 5. Chi cục Thuế sees only what has a step there, and sends it on with its notice.
        host.Clock.Advance(TimeSpan.FromHours(2));
        var tax = await As("thue.tphd");
        await tax.GotoAsync("/Counters/Work");
        await Click(tax.GetByTestId("queue-at-my-agency").GetByRole(AriaRole.Link, new() { Name = dossierCode }));
        await tax.GetByTestId("agency-note").FillAsync("Thông báo nộp thuế số 12/TB-CCT");
        await Click(tax.GetByTestId("agency-electronic"));
        await Click(tax.GetByTestId("act-complete-agency-step"));
        (await tax.GetByTestId("status").InnerTextAsync()).ShouldBe("Chờ phê duyệt");

        // 6. The leader approves what was proposed.
        host.Clock.Advance(TimeSpan.FromHours(1));
        leader = await As("lanhdao.tphd");
        await leader.GotoAsync("/Counters/Work");
        await Click(leader.GetByTestId("queue-to-approve").GetByRole(AriaRole.Link, new() { Name = dossierCode }));
        (await leader.GetByTestId("draft").InnerTextAsync()).ShouldBe("Cấp giấy chứng nhận số 123/GCN");
        await Click(leader.GetByTestId("act-approve"));
        (await leader.GetByTestId("status").InnerTextAsync()).ShouldBe("Đã có kết quả");

        // 7. The ward desk is told: the result waits on its queue; it returns it and invites the applicant to rate.
        host.Clock.Advance(TimeSpan.FromHours(1));
        desk = await As("motcua.camthuong");
        await desk.GotoAsync("/Counters/Work");
        await Click(desk.GetByTestId("queue-to-return").GetByRole(AriaRole.Link, new() { Name = dossierCode }));
        await Click(desk.GetByTestId("act-return"));
        (await desk.GetByTestId("status").InnerTextAsync()).ShouldBe("Đã trả kết quả");
        await desk.GetByTestId("rate-link").WaitForAsync();
        (await desk.GetByTestId("steps").Locator("tbody tr").CountAsync()).ShouldBe(5);
        await BrowserHost.ScreenshotAsync(desk, "workflow-returned");
        Console.WriteLine($"clicks from intake to return: {_clicks}");

        // The control sheet (Mẫu 06 of 2025), read back: every step with its budget and whether it was on time.
        var sheet = await desk.Context.APIRequest.GetAsync(detailPath.Replace("/Counters/Dossiers/Detail?id=", "/api/v1/counters/dossiers/") + "/forms/control-sheet");
        sheet.Status.ShouldBe(200);
        var path = Path.Combine(BrowserHost.ScreenshotDirectory, "workflow-control-sheet.pdf");
        await File.WriteAllBytesAsync(path, await sheet.BodyAsync());
        using var pdf = PdfDocument.Open(path);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("QUY TRÌNH NỘI BỘ");
        text.ShouldContain("Thuế");
        text.ShouldContain("Tư pháp");
        text.ShouldContain("nghĩa vụ");
        text.ShouldContain("giờ");
        text.ShouldContain("Đúng");
        text.ShouldContain("Chậm trễ theo cơ quan, bộ phận");
    }

    /// <summary>
    /// Operator set-up through the API: the district's Phòng Tư pháp and Chi cục Thuế as agencies of Thành phố Hải Dương,
    /// and an officer of the tax office (membership of the district, agency CCT-TPHD).
    /// </summary>
    private async Task DistrictAgenciesAndTaxOfficerAsync()
    {
        var district = await host.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.IgnoreQueryFilters()
            .Where(u => u.Code == "288").OrderBy(u => u.ValidFrom).Select(u => u.Id).FirstAsync());
        // Through the running server, signed in by the login form (the in-memory client does not reach Kestrel).
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new(), AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var token = OneStop.Platform.TestKit.OneStopFactory.AntiforgeryToken(await admin.GetStringAsync("/Account/Login"));
        (await admin.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin", ["Input.Password"] = PlatformSeeder.DemoPassword, ["__RequestVerificationToken"] = token,
        }))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        foreach (var (agencyCode, agencyName, kind) in new[]
                 {
                     ("PTP-TPHD", "Phòng Tư pháp Thành phố Hải Dương", "department"),
                     ("CCT-TPHD", "Chi cục Thuế khu vực Thành phố Hải Dương", "vertical"),
                 })
        {
            var created = await admin.PostAsJsonAsync("/api/v1/platform/agencies", new { code = agencyCode, name = agencyName, kind, unitId = district });
            created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        }

        await host.CreatePersonAsync("thue.tphd", "Đỗ Thị Thuế", "Công chức Chi cục Thuế", "288", Roles.Specialist, "CCT-TPHD");
    }
}
