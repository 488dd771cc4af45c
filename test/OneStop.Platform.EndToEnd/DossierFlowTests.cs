using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// One dossier through its whole life in a real browser: desk intake at a ward (identity prefilled from the population
/// simulator), routing to the district, assignment, supplement request and resumption, approval, return at the ward;
/// the printed receipt is a real PDF read back.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class DossierFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private Task<IPage> As(string user) => host.SignedInPageAsync(user);

    [Fact]
    public async Task A_dossier_goes_from_ward_intake_through_the_district_and_a_supplement_back_to_the_applicant()
    {
        // A working Monday inside the shipped calendar, whatever day the suite runs; each step an hour later.
        host.Clock.SetVietnamTime(2026, 12, 7, 9);
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
        var procedure = await host.DistrictProcedureAsync();

        // 1. Desk intake at Phường Cẩm Thượng, identity checked against the population database (simulator).
        var desk = await As("motcua.camthuong");
        await desk.GotoAsync("/Counters/Dossiers");
        await desk.GetByTestId("new-dossier").ClickAsync();
        await desk.GetByLabel("Thủ tục hành chính").FillAsync(procedure.Code);
        await desk.GetByTestId("find-procedure").ClickAsync();
        await desk.GetByTestId("procedure-matches").GetByRole(AriaRole.Link).First.ClickAsync();
        (await desk.GetByTestId("chosen-procedure").InnerTextAsync()).ShouldBe(procedure.Name);
        await desk.GetByLabel("Số định danh / mã số doanh nghiệp").FillAsync("030090001234");
        await desk.GetByLabel("Họ và tên / tên tổ chức").FillAsync("Nguyễn Văn An");
        await desk.GetByLabel("Ngày sinh").FillAsync("1990-05-12");
        await desk.GetByTestId("verify-citizen").ClickAsync();
        await desk.GetByTestId("verified").WaitForAsync();
        (await desk.GetByLabel("Địa chỉ").InputValueAsync()).ShouldNotBeNullOrWhiteSpace(); // prefilled from the register
        await BrowserHost.ScreenshotAsync(desk, "dossier-intake-prefilled");
        await desk.GetByTestId("submit-intake").ClickAsync();
        await desk.GetByTestId("created").WaitForAsync();
        var code = (await desk.GetByTestId("dossier-code").InnerTextAsync()).Trim();
        code.ShouldMatch(@"^MC10507-261207-\d{4}$");
        (await desk.GetByTestId("due-explanation").InnerTextAsync()).ShouldContain("Hạn giải quyết");
        (await desk.GetByTestId("resolving-unit").InnerTextAsync()).ShouldBe("Thành phố Hải Dương");
        var detailUrl = desk.Url;

        // The printed receipt (Mẫu 01) is a PDF with the code, the applicant and the procedure.
        var receiptUrl = await desk.GetByTestId("print-receipt").GetAttributeAsync("href");
        var receipt = await desk.Context.APIRequest.GetAsync(receiptUrl!);
        receipt.Status.ShouldBe(200);
        receipt.Headers["content-type"].ShouldStartWith("application/pdf");
        var path = Path.Combine(BrowserHost.ScreenshotDirectory, "dossier-receipt-e2e.pdf");
        await File.WriteAllBytesAsync(path, await receipt.BodyAsync());
        using (var pdf = PdfDocument.Open(path))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain(code);
            text.ShouldContain("Nguyễn");
            text.ShouldContain("TIẾP NHẬN");
        }

        // 2. The ward hands it to the district (liên thông điện tử).
        await desk.GetByTestId("route-target").SelectOptionAsync(new SelectOptionValue { Label = "Thành phố Hải Dương" });
        await desk.GetByTestId("route-electronic").CheckAsync(); // asked every time, never assumed (ADR 0036)
        await desk.GetByTestId("act-route").ClickAsync();
        (await desk.GetByTestId("current-unit").InnerTextAsync()).ShouldStartWith("Thành phố Hải Dương");

        // 3. The district leader assigns the specialist.
        host.Clock.Advance(TimeSpan.FromHours(1));
        var leader = await As("lanhdao.tphd");
        await leader.GotoAsync(detailUrl.Replace("&created=True", "").Replace("&created=true", ""));
        await leader.GetByTestId("assignee").SelectOptionAsync(new SelectOptionValue { Label = "Lê Văn Xử — Chuyên viên Phòng Tư pháp" });
        await leader.GetByTestId("act-assign").ClickAsync();
        (await leader.GetByTestId("message").InnerTextAsync()).ShouldContain("Chuyển xử lý");

        // 4. The specialist finds it in the inbox and asks the applicant for a supplement: the clock stops.
        host.Clock.Advance(TimeSpan.FromHours(1));
        var specialist = await As("chuyenvien.tphd");
        await specialist.GotoAsync("/Counters/Dossiers?view=inbox");
        await specialist.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await specialist.GetByTestId("supplement-reason").FillAsync("Bổ sung bản sao giấy chứng nhận quyền sử dụng đất");
        await specialist.GetByTestId("act-request-supplement").ClickAsync();
        (await specialist.GetByTestId("status").InnerTextAsync()).ShouldBe("Chờ bổ sung hồ sơ");

        // 5. The applicant brings it to the ward desk the next day: the clock resumes, the due date moves.
        host.Clock.Advance(TimeSpan.FromDays(1));
        desk = await As("motcua.camthuong");
        await desk.GotoAsync($"/Counters/Dossiers?q={code}");
        await desk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await desk.GetByTestId("act-supplement").ClickAsync();
        (await desk.GetByTestId("status").InnerTextAsync()).ShouldBe("Đang xử lý");
        (await desk.GetByTestId("due-explanation").InnerTextAsync()).ShouldContain("Ngừng tính thời gian");

        // 6. The district leader approves; the result goes back to the ward.
        host.Clock.Advance(TimeSpan.FromHours(2));
        leader = await As("lanhdao.tphd");
        await leader.GotoAsync($"/Counters/Dossiers?q={code}");
        await leader.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await leader.GetByTestId("result-summary").FillAsync("Cấp giấy chứng nhận số 123/GCN");
        await leader.GetByTestId("act-resolve").ClickAsync();
        (await leader.GetByTestId("status").InnerTextAsync()).ShouldBe("Đã có kết quả");

        // 7. The ward desk returns the result.
        host.Clock.Advance(TimeSpan.FromHours(1));
        desk = await As("motcua.camthuong");
        await desk.GotoAsync($"/Counters/Dossiers?q={code}");
        await desk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await desk.GetByTestId("act-return").ClickAsync();
        (await desk.GetByTestId("status").InnerTextAsync()).ShouldBe("Đã trả kết quả");
        (await desk.GetByTestId("handovers").Locator("tbody tr").CountAsync()).ShouldBe(5);
        await BrowserHost.ScreenshotAsync(desk, "dossier-returned");

        // The applicant checks the status with the code, without logging in.
        var anonymous = await host.NewPageAsync();
        // The old address leads to the portal's look-up, which also asks for the identity's last four digits (ADR 0042).
        await anonymous.GotoAsync("/Counters/Public/Lookup");
        await anonymous.GetByLabel("Mã hồ sơ").FillAsync(code);
        await anonymous.GetByLabel("4 số cuối số định danh của người nộp").FillAsync("1234");
        await anonymous.GetByTestId("lookup").ClickAsync();
        (await anonymous.GetByTestId("lookup-status").InnerTextAsync()).ShouldBe("Đã trả kết quả");
    }
}
