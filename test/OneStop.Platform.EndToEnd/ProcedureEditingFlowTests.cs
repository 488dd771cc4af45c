using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Platform.Messaging;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// Acceptance (issue 16 item 2): the catalogue administrator adds a coded component and one e-form field to a new version
/// of birth registration (1.001193); the desk's intake page shows both and checks the field; once the new component
/// is digitised with a citizen's first dossier, the citizen's second dossier is offered that document for reuse.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class ProcedureEditingFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Admin = "admin";
    private const string Desk = "motcua.camthuong";
    private const string Procedure = "1.001193";
    private const string NewCode = "CT-XNCT";
    // A citizen the simulated national population database knows (fictitious), so "Tra cứu" verifies and prefills.
    private const string Citizen = "030185004567";
    private const string CitizenName = "Trần Thị Bích Ngọc";
    private const string CitizenBirth = "1985-11-03";

    private async Task RelayAsync() => await host.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync();

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await host.SignedInPageAsync(user);
        page.SetDefaultTimeout(90_000); // shared, loaded machine: allow slow responses
        return page;
    }

    private static Task<JsonElement> Ok(IAPIResponse response, int expected = 200) => BrowserHost.JsonAsync(response, expected);

    private static async Task FillApplicantAsync(IPage page)
    {
        await page.GetByLabel("Số định danh / mã số doanh nghiệp").FillAsync(Citizen);
        await page.GetByLabel("Họ và tên / tên tổ chức").FillAsync(CitizenName);
        await page.GetByLabel("Ngày sinh").FillAsync(CitizenBirth);
        await page.GetByTestId("verify-citizen").ClickAsync();
        await page.GetByTestId("verified").WaitForAsync();
    }

    [Fact]
    public async Task A_new_version_with_a_coded_component_and_an_e_form_field_reaches_the_desk_and_the_document_is_offered_again()
    {
        var admin = await SignedInAsync(Admin);
        // The code list gets the new document type (mã loại giấy tờ) first: components only name listed codes.
        await Ok(await admin.APIRequest.PostAsync("/api/v1/counters/catalogue/document-types",
            new() { DataObject = new { code = NewCode, name = "Giấy xác nhận thông tin về cư trú" } }), 201);

        await admin.GotoAsync($"/Counters/Catalogue/Detail?code={Procedure}");
        await admin.GetByTestId("new-version").ClickAsync();
        await admin.GetByTestId("edit-procedure").WaitForAsync();
        await admin.GetByTestId("reason").FillAsync("Quyết định số 2468/QĐ-UBND ngày 01/12/2026 của Chủ tịch UBND thành phố");
        var rows = await admin.GetByTestId("component-rows").Locator("tbody tr").CountAsync();
        await admin.GetByTestId("add-component").ClickAsync();
        await admin.GetByTestId($"component-type-{rows}").SelectOptionAsync(NewCode);
        await admin.GetByTestId($"component-form-{rows}").SelectOptionAsync("COPY");
        (await admin.GetByTestId($"component-required-{rows}").IsCheckedAsync()).ShouldBeTrue();

        // One e-form field, added with the field row (the JSON Schema box follows), previewed as the desk will see it.
        await admin.GetByTestId("field-key").FillAsync("noiSinh");
        await admin.GetByTestId("field-title").FillAsync("Nơi sinh");
        await admin.GetByTestId("field-type").SelectOptionAsync("text");
        await admin.GetByTestId("field-required").CheckAsync();
        await admin.GetByTestId("add-field").ClickAsync();
        await admin.GetByTestId("form-preview").WaitForAsync();
        (await admin.GetByTestId("form-schema").InputValueAsync()).ShouldContain("noiSinh");
        // The component row survived the post-back.
        (await admin.GetByTestId($"component-type-{rows}").InputValueAsync()).ShouldBe(NewCode);
        await BrowserHost.ScreenshotAsync(admin, "procedure-editor");

        await admin.GetByTestId("save-version").ClickAsync();
        await admin.GetByTestId("version-saved").WaitForAsync();
        (await admin.GetByTestId("components").InnerTextAsync()).ShouldContain(NewCode);
        (await admin.GetByTestId("form-fields").InnerTextAsync()).ShouldContain("Nơi sinh");

        // The desk: the intake page lists the new component and asks for the field; left empty, it is refused in Vietnamese.
        var desk = await SignedInAsync(Desk);
        await desk.GotoAsync($"/Counters/Dossiers/Intake?procedure={Procedure}");
        (await desk.GetByTestId("components").InnerTextAsync()).ShouldContain(NewCode);
        await desk.GetByTestId("eform-noiSinh").WaitForAsync();
        await FillApplicantAsync(desk);
        await desk.GetByTestId("submit-intake").ClickAsync();
        var error = desk.GetByTestId("eform-error-noiSinh");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldContain("Nơi sinh");
        await BrowserHost.ScreenshotAsync(desk, "intake-e-form-refused");

        await desk.GetByTestId("eform-noiSinh").FillAsync("Bệnh viện Phụ sản Hải Phòng");
        await desk.GetByTestId("submit-intake").ClickAsync();
        await desk.GetByTestId("created").WaitForAsync();
        (await desk.GetByTestId("form-data").InnerTextAsync()).ShouldContain("Bệnh viện Phụ sản Hải Phòng");
        var firstId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(desk.Url, "[?&]id=([0-9a-fA-F-]{36})").Groups[1].Value);
        var first = await Ok(await desk.APIRequest.GetAsync($"/api/v1/counters/dossiers/{firstId}"));
        first.GetProperty("formData").GetProperty("noiSinh").GetString().ShouldBe("Bệnh viện Phụ sản Hải Phòng");
        var firstCode = first.GetProperty("code").GetString()!;

        // The new component is digitised with the first dossier (its reception reaches the scan queue through the outbox).
        JsonElement? item = null;
        for (var attempt = 0; attempt < 60 && item is null; attempt++)
        {
            await RelayAsync();
            item = (await Ok(await desk.APIRequest.GetAsync("/api/v1/digitization/scan-queue?pageSize=200"))).GetProperty("items").EnumerateArray()
                .Where(q => q.GetProperty("dossierId").GetGuid() == firstId && q.GetProperty("documentTypeCode").GetString() == NewCode)
                .Select(q => (JsonElement?)q).FirstOrDefault();
            if (item is null)
            {
                await Task.Delay(1000);
            }
        }

        item.ShouldNotBeNull("the first dossier's reception never reached the scan queue");
        var form = desk.APIRequest.CreateFormData();
        form.Set("queueItemId", item.Value.GetProperty("id").GetString()!);
        form.Set("file", new FilePayload
        {
            Name = "xac-nhan-cu-tru.pdf", MimeType = "application/pdf",
            Buffer = new OneStop.Platform.Documents.PdfWriter("Giấy xác nhận thông tin về cư trú", "test").NewPage().Text($"{CitizenName} — {Citizen}").ToArray(),
        });
        var scanned = await Ok(await desk.APIRequest.PostAsync("/api/v1/digitization/documents", new() { Multipart = form }), 201);
        var scannedId = scanned.GetProperty("id").GetGuid();

        // Second dossier of the same citizen: the document of that code is offered from the data store.
        await desk.GotoAsync($"/Counters/Dossiers/Intake?procedure={Procedure}");
        await FillApplicantAsync(desk);
        var offers = desk.GetByTestId("reuse-offer");
        (await offers.CountAsync()).ShouldBe(1);
        (await offers.InnerTextAsync()).ShouldContain(firstCode);
        (await desk.Locator($"#r-{scannedId}").IsCheckedAsync()).ShouldBeTrue();
        await BrowserHost.ScreenshotAsync(desk, "intake-reuse-new-component");
    }
}
