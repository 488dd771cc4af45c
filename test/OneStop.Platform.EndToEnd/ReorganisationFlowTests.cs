using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Identity;
using UglyToad.PdfPig;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The 2025 reorganisation in a real browser: a dossier received at Phường Cẩm Thượng on 2025-06-20 and still open on
/// 2025-07-01 is found by Phường Thành Đông's desk officer (who never belonged to Cẩm Thượng) after the system admin
/// previewed and applied the change set on the Units page; Thành Đông resolves and returns it; the receipt printed then
/// is headed by Thành Đông's Trung tâm Phục vụ hành chính công, while the register of June 2025 still shows Cẩm Thượng.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class ReorganisationFlowTests(ReorganisationFlowTests.Host host) : IClassFixture<ReorganisationFlowTests.Host>
{
    /// <summary>A host of its own: the change sets change every unit, which other flows must not see.</summary>
    public sealed class Host : BrowserHost;

    private Task<IPage> As(string user) => host.SignedInPageAsync(user);

    [Fact]
    public async Task A_June_dossier_of_Cam_Thuong_is_finished_by_Thanh_Dong_under_its_own_name_after_the_change_set()
    {
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
        var procedure = await CommuneProcedureAsync();

        // 1. 20 June 2025: the desk of Phường Cẩm Thượng receives a dossier.
        host.Clock.SetVietnamTime(2025, 6, 20, 9);
        var oldDesk = await As("motcua.camthuong");
        await oldDesk.GotoAsync("/Counters/Dossiers");
        await oldDesk.GetByTestId("new-dossier").ClickAsync();
        await oldDesk.GetByLabel("Thủ tục hành chính").FillAsync(procedure.Code);
        await oldDesk.GetByTestId("find-procedure").ClickAsync();
        await oldDesk.GetByTestId("procedure-matches").GetByRole(AriaRole.Link).First.ClickAsync();
        await oldDesk.GetByLabel("Số định danh / mã số doanh nghiệp").FillAsync("030090001234");
        await oldDesk.GetByLabel("Họ và tên / tên tổ chức").FillAsync("Nguyễn Văn An");
        await oldDesk.GetByLabel("Ngày sinh").FillAsync("1990-05-12");
        await oldDesk.GetByLabel("Địa chỉ").FillAsync("Số 3 phố Nguyễn Thị Duệ, phường Cẩm Thượng");
        await oldDesk.GetByTestId("submit-intake").ClickAsync();
        await oldDesk.GetByTestId("created").WaitForAsync();
        var code = (await oldDesk.GetByTestId("dossier-code").InnerTextAsync()).Trim();
        code.ShouldStartWith("MC10507-250620-");

        // 2. 2 July 2025: the earlier steps are in place; the system admin previews and applies 2025-07-01 on the Units page.
        host.Clock.SetVietnamTime(2025, 7, 2, 8);
        var reorganiser = host.Services.GetRequiredService<Reorganiser>();
        var directory = host.Services.GetRequiredService<IAdministrativeUnitDirectory>();
        foreach (var (file, _, _) in ShippedReorganisations.Files[..^1])
        {
            await reorganiser.ApplyAsync(await ShippedReorganisations.PlanAsync(directory, file), null, "admin");
        }

        var admin = await As("admin");
        await admin.GotoAsync("/Units/Reorganise");
        await admin.GetByLabel("Phương án có sẵn").SelectOptionAsync(ShippedReorganisations.Files[^1].File);
        await admin.Locator("form[action*='PreviewShipped'] button").ClickAsync();
        var counts = await admin.GetByTestId("reorganise-counts").InnerTextAsync();
        counts.ShouldContain("65 đơn vị thành lập");
        counts.ShouldContain("34 đơn vị chia tách");
        counts.ShouldContain("1 hồ sơ đang giải quyết");
        await BrowserHost.ScreenshotAsync(admin, "reorganisation-preview");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng phương án" }).ClickAsync();
        (await admin.GetByTestId("units-message").InnerTextAsync()).ShouldContain("hồ sơ chuyển: 1");
        (await admin.GetByTestId("reorganisations").InnerTextAsync()).ShouldContain("Đã có hiệu lực");
        // The admin was moved with the province: the same session now acts for Hải Phòng.
        (await admin.GetByTestId("acting-unit").InnerTextAsync()).ShouldBe("Thành phố Hải Phòng");

        // 3. Thành Đông's desk officer (a person of the new ward only) finds the June dossier and its history.
        using (var scope = host.Services.CreateScope())
        {
            await PlatformSeeder.SeedAsync(scope.ServiceProvider, default); // demo people of the 2025 units
        }

        host.Clock.SetVietnamTime(2025, 7, 2, 9);
        var desk = await As("motcua.thanhdong");
        await desk.GotoAsync("/Counters/Dossiers");
        await desk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var detailUrl = desk.Url;
        (await desk.Locator("body").InnerTextAsync()).ShouldContain("Chuyển đơn vị kế thừa");

        // 4. Thành Đông's leader approves; its desk returns the result.
        var leader = await As("lanhdao.thanhdong");
        await leader.GotoAsync(detailUrl);
        await leader.GetByTestId("result-summary").FillAsync("Đã cấp bản sao trích lục");
        await leader.GetByTestId("act-resolve").ClickAsync();
        (await leader.GetByTestId("status").InnerTextAsync()).ShouldBe("Đã có kết quả");
        await desk.GotoAsync(detailUrl);
        await desk.GetByTestId("act-return").ClickAsync();
        (await desk.GetByTestId("status").InnerTextAsync()).ShouldBe("Đã trả kết quả");

        // 5. The receipt printed now is Thành Đông's centre's; the register of June 2025 is still Cẩm Thượng's book.
        var id = System.Text.RegularExpressions.Regex.Match(detailUrl, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value;
        var receipt = Words(await (await desk.Context.APIRequest.GetAsync($"/api/v1/counters/dossiers/{id}/forms/receipt")).BodyAsync());
        receipt.ShouldContain("UBND PHƯỜNG THÀNH ĐÔNG");
        receipt.ShouldContain("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
        var register = Words(await (await desk.Context.APIRequest.GetAsync("/api/v1/counters/dossiers/register?from=2025-06-01&to=2025-06-30")).BodyAsync());
        register.ShouldContain("UBND PHƯỜNG CẨM THƯỢNG");
        register.ShouldContain(code);
        await BrowserHost.ScreenshotAsync(desk, "reorganisation-returned-by-successor");
    }

    private static string Words(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>A commune-level procedure with no required components, read straight from the catalogue table.</summary>
    private async Task<(string Code, string Name)> CommuneProcedureAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p."Code", p."Name" FROM counters."Procedures" p
            WHERE p."AtCommune" AND NOT p."AtDistrict" AND NOT p."AtProvince"
              AND NOT EXISTS (SELECT 1 FROM counters."ProcedureComponents" c WHERE c."ProcedureId" = p."Id" AND c."Required")
              AND EXISTS (SELECT 1 FROM counters."ProcedureLegalTimes" t WHERE t."ProcedureId" = p."Id" AND t."Channel" = 'DIRECT')
            ORDER BY p."Code" LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the catalogue has a commune-level procedure");
        return (reader.GetString(0), reader.GetString(1));
    }
}
