using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Dossiers.Overdue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;

namespace OneStop.Counters.Tests;

/// <summary>
/// Legal forms (Mẫu 01–07 of Circulars 01/2018 and 03/2025) read back from the PDFs, the register as PDF and Excel,
/// and the overdue scan with its Mẫu 04 drafts, on PostgreSQL.
/// </summary>
public sealed class DossierFormTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string DeskA = "motcua.camthuong";   // Phường Cẩm Thượng (10507)
    private const string DeskB = "motcua.binhhan";     // Phường Bình Hàn (10510), sibling
    private const string WardLeader = "lanhdao.camthuong";
    private const string Api = "/api/v1/counters/dossiers";

    // The seeded full names and titles of DeskA and WardLeader (PlatformSeeder.DemoUsers).
    private const string DeskAName = "Phạm Thị Nhận", DeskATitle = "Công chức Tư pháp - Hộ tịch phường Cẩm Thượng", WardLeaderName = "Đỗ Văn Phường";

    // PDF points: A5 = 420 × 595, A4 = 595 × 842.
    private const double A5Width = 419.5, A5Height = 595.3, A4Long = 841.9, A4Short = 595.3;

    private async Task<JsonElement> Intake(HttpClient desk, string channel = "DIRECT")
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(DossierApiTests<OneStopFactory>.BirthRegistration()))!;
        body["channel"] = channel;
        var response = await desk.PostAsJsonAsync(Api, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static async Task<(byte[] Bytes, string FileName)> Pdf(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes.Take(500).ToArray()));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return (bytes, response.Content.Headers.ContentDisposition!.FileNameStar!);
    }

    private static string Words(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>The words from a column's head rightwards, top to bottom: a table cell's wrapped lines read as one text.</summary>
    private static string RightOf(byte[] pdf, string head)
    {
        using var doc = PdfDocument.Open(pdf);
        var words = doc.GetPages().SelectMany(p => p.GetWords()).ToList();
        var left = words.First(w => w.Text == head).BoundingBox.Left - 1;
        return string.Join(" ", words.Where(w => w.BoundingBox.Left >= left).Select(w => w.Text));
    }

    private static (double Width, double Height) PageSize(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        return (page.Width, page.Height);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(expected, body.ToString());
        return body;
    }

    [Fact]
    public async Task The_receipt_is_an_A5_pdf_with_the_motto_the_code_the_components_and_the_due_date_in_Vietnamese()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var desk = await fx.SignInAsync(DeskA);
            var dossier = await Intake(desk);
            var code = dossier.GetProperty("code").GetString()!;
            var (bytes, fileName) = await Pdf(await desk.GetAsync($"{Api}/{dossier.GetProperty("id").GetGuid()}/forms/receipt"));
            fileName.ShouldBe($"Mẫu 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả - {code}.pdf");

            var (width, height) = PageSize(bytes);
            width.ShouldBe(A5Width, 1);
            height.ShouldBe(A5Height, 1);
            var text = Words(bytes);
            foreach (var expected in new[]
                     {
                         "CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM", "Độc", "lập", "Tự", "do", "Hạnh", "phúc",
                         "GIẤY", "TIẾP", "NHẬN", "HẸN", "TRẢ", "KẾT", "QUẢ", code, "Nguyễn", "Văn", "An", "030090001234",
                         "PHƯỜNG", "CẨM", "THƯỢNG", "Giấy", "chứng", "sinh", "08/12/2026", "03/2025/TT-VPCP", "NGƯỜI", "NỘP",
                     })
            {
                text.ShouldContain(expected);
            }

            // The rendered page, for a human look at the stacked diacritics, and the fonts embedded in the file.
            var dir = Path.Combine(AppContext.BaseDirectory, "forms");
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, "receipt.pdf");
            await File.WriteAllBytesAsync(path, bytes);
            var (exit, _) = await Run("pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", path, Path.Combine(dir, "receipt"));
            exit.ShouldBe(0);
            new FileInfo(Path.Combine(dir, "receipt.png")).Length.ShouldBeGreaterThan(10_000);
            var (fontsExit, fonts) = await Run("pdffonts", path);
            fontsExit.ShouldBe(0);
            var noto = fonts.Split('\n').Where(l => l.Contains("Noto")).ToList();
            noto.ShouldNotBeEmpty(fonts);
            noto.ShouldAllBe(l => l.Contains(" yes "), fonts); // embedded (emb = yes)
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    private static async Task<(int Exit, string Output)> Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/" + tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task The_2018_or_the_2025_set_is_chosen_by_the_reception_date()
    {
        try
        {
            fx.Clock.SetVietnamTime(2025, 9, 12, 9); // Friday before Circular 03/2025 takes effect
            var desk = await fx.SignInAsync(DeskA);
            var before = (await Intake(desk)).GetProperty("id").GetGuid();
            fx.Clock.SetVietnamTime(2025, 9, 15, 9); // Monday, Circular 03/2025 in force
            desk = await fx.SignInAsync(DeskA);
            var after = (await Intake(desk)).GetProperty("id").GetGuid();

            var old = Words((await Pdf(await desk.GetAsync($"{Api}/{before}/forms/receipt"))).Bytes);
            old.ShouldContain("01/2018/TT-VPCP");
            old.ShouldNotContain("03/2025/TT-VPCP");
            var oldSheet = await Pdf(await desk.GetAsync($"{Api}/{before}/forms/control-sheet"));
            oldSheet.FileName.ShouldStartWith("Mẫu 05 - Phiếu kiểm soát quá trình giải quyết hồ sơ");
            Words(oldSheet.Bytes).ShouldContain("KIỂM SOÁT");
            // The stop notice exists only in the 2025 set.
            (await Problem(await desk.GetAsync($"{Api}/{before}/forms/stop-notice"), HttpStatusCode.NotFound))
                .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormNotAvailable);

            Words((await Pdf(await desk.GetAsync($"{Api}/{after}/forms/receipt"))).Bytes).ShouldContain("03/2025/TT-VPCP");
            var newSheet = await Pdf(await desk.GetAsync($"{Api}/{after}/forms/control-sheet"));
            newSheet.FileName.ShouldStartWith("Mẫu 06 - Phiếu kiểm soát");
            var sheet = Words(newSheet.Bytes);
            sheet.ShouldContain("Mẫu số 06");
            sheet.ShouldContain("Bộ phận Một cửa"); // the reception hand-over line
            // Not stopped: the 2025 stop notice exists but not for this state.
            (await Problem(await desk.GetAsync($"{Api}/{after}/forms/stop-notice"), HttpStatusCode.Conflict))
                .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormNotAvailable);

            // Mẫu 05 of 2025 once a leader stops it.
            var leader = await fx.SignInAsync(WardLeader);
            (await leader.PostAsJsonAsync($"{Api}/{after}/stop", new { reason = "Cơ quan có thẩm quyền yêu cầu dừng để xác minh" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var stop = await Pdf(await desk.GetAsync($"{Api}/{after}/forms/stop-notice"));
            stop.FileName.ShouldStartWith("Mẫu 05 - Thông báo dừng giải quyết hồ sơ");
            var stopText = Words(stop.Bytes);
            stopText.ShouldContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
            stopText.ShouldContain("xác minh");
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task Supplement_request_and_refusal_carry_their_reasons_and_forms_follow_the_state()
    {
        fx.Clock.SetVietnamTime(2026, 12, 8, 9);
        try
        {
            var desk = await fx.SignInAsync(DeskA);
            var id = (await Intake(desk)).GetProperty("id").GetGuid();
            (await Problem(await desk.GetAsync($"{Api}/{id}/forms/supplement-request"), HttpStatusCode.Conflict))
                .GetProperty("title").GetString()!.ShouldContain("bổ sung");
            (await desk.PostAsJsonAsync($"{Api}/{id}/request-supplement", new { reason = "Bổ sung bản sao giấy đăng ký kết hôn của cha mẹ" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var supplement = await Pdf(await desk.GetAsync($"{Api}/{id}/forms/supplement-request"));
            supplement.FileName.ShouldStartWith("Mẫu 02 - Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
            PageSize(supplement.Bytes).Width.ShouldBe(A5Width, 1);
            var text = Words(supplement.Bytes);
            text.ShouldContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
            text.ShouldContain("đăng ký kết hôn");

            var online = (await Intake(desk, "ONLINE")).GetProperty("id").GetGuid();
            (await Problem(await desk.GetAsync($"{Api}/{online}/forms/receipt"), HttpStatusCode.Conflict))
                .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormNotAvailable);
            (await desk.PostAsJsonAsync($"{Api}/{online}/refuse", new { reason = "Hồ sơ không thuộc thẩm quyền giải quyết của phường" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var refusal = Words((await Pdf(await desk.GetAsync($"{Api}/{online}/forms/refusal"))).Bytes);
            refusal.ShouldContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
            refusal.ShouldContain("thẩm quyền");
            // Received at the desk, then refused: the refusal is its paper, never a receipt with an appointment.
            var refusedAtDesk = (await Intake(desk)).GetProperty("id").GetGuid();
            (await desk.PostAsJsonAsync($"{Api}/{refusedAtDesk}/refuse", new { reason = "Thiếu giấy chứng sinh bản chính" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var noReceipt = await Problem(await desk.GetAsync($"{Api}/{refusedAtDesk}/forms/receipt"), HttpStatusCode.Conflict);
            noReceipt.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormNotAvailable);
            noReceipt.GetProperty("title").GetString()!.ShouldContain("Mẫu 03");
            Words((await Pdf(await desk.GetAsync($"{Api}/{refusedAtDesk}/forms/refusal"))).Bytes).ShouldContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");

            (await Problem(await desk.GetAsync($"{Api}/{id}/forms/birth-certificate"), HttpStatusCode.NotFound))
                .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormNotAvailable);
            (await Problem(await desk.GetAsync($"{Api}/{id}/forms/apology"), HttpStatusCode.Conflict))
                .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormNotAvailable);
            // A sibling commune cannot print another commune's forms.
            (await (await fx.SignInAsync(DeskB)).GetAsync($"{Api}/{id}/forms/receipt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_register_lists_the_units_dossiers_of_the_period_on_A4_landscape_and_in_Excel()
    {
        fx.Clock.SetVietnamTime(2026, 12, 9, 9);
        try
        {
            var desk = await fx.SignInAsync(DeskA);
            var code = (await Intake(desk)).GetProperty("code").GetString()!;
            var deskB = await fx.SignInAsync(DeskB);
            var codeB = (await Intake(deskB)).GetProperty("code").GetString()!;

            var (bytes, fileName) = await Pdf(await desk.GetAsync($"{Api}/register?from=2026-12-09&to=2026-12-09"));
            fileName.ShouldBe("Sổ theo dõi hồ sơ 2026-12-09 đến 2026-12-09.pdf");
            var (width, height) = PageSize(bytes);
            width.ShouldBe(A4Long, 1);
            height.ShouldBe(A4Short, 1);
            var text = Words(bytes);
            text.ShouldContain("SỔ THEO DÕI HỒ SƠ");
            text.ShouldContain("Mẫu số 07");
            text.ShouldContain(code);
            text.ShouldNotContain(codeB);
            text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

            var excel = await desk.GetAsync($"{Api}/register/export?from=2026-12-09&to=2026-12-09");
            excel.StatusCode.ShouldBe(HttpStatusCode.OK);
            excel.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Sổ theo dõi hồ sơ 2026-12-09 đến 2026-12-09.xlsx");
            using var book = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
            var cells = book.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
            cells.ShouldContain(code);
            cells.ShouldNotContain(codeB);
            cells.ShouldContain("Hẹn trả kết quả");

            (await Problem(await desk.GetAsync($"{Api}/register?from=2026-12-09&to=2026-01-01"), HttpStatusCode.BadRequest))
                .GetProperty("title").GetString()!.ShouldContain("Khoảng thời gian");
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task Receipt_control_sheet_and_register_name_the_officers_by_full_name_and_title_never_by_login()
    {
        fx.Clock.SetVietnamTime(2026, 12, 10, 14);
        try
        {
            var desk = await fx.SignInAsync(DeskA);
            var created = await Intake(desk);
            var id = created.GetProperty("id").GetGuid();
            var code = created.GetProperty("code").GetString()!;
            // The leader assigns it: an assignment hand-over recorded with both logins.
            var leader = await fx.SignInAsync(WardLeader);
            (await leader.PostAsJsonAsync($"{Api}/{id}/assign", new { assignee = DeskA })).StatusCode.ShouldBe(HttpStatusCode.OK);

            var receipt = Words((await Pdf(await desk.GetAsync($"{Api}/{id}/forms/receipt"))).Bytes);
            receipt.ShouldContain(DeskAName);   // NGƯỜI TIẾP NHẬN HỒ SƠ
            receipt.ShouldContain(DeskATitle);
            receipt.ShouldNotContain(DeskA);

            var sheet = Words((await Pdf(await desk.GetAsync($"{Api}/{id}/forms/control-sheet"))).Bytes);
            sheet.ShouldContain("Người giao: " + DeskAName);
            sheet.ShouldContain("Giao: " + WardLeaderName);
            sheet.ShouldContain("Chuyên viên " + DeskAName);
            sheet.ShouldNotContain(DeskA);
            sheet.ShouldNotContain(WardLeader);

            var registerPdf = (await Pdf(await desk.GetAsync($"{Api}/register?from=2026-12-10&to=2026-12-10"))).Bytes;
            var register = Words(registerPdf);
            register.ShouldContain(code);
            register.ShouldNotContain(DeskA);
            // The register has no officer column: the note (Ghi chú, the last column) names who received the dossier.
            RightOf(registerPdf, "Ghi").ShouldContain("người tiếp nhận: " + DeskAName);
            var excel = await desk.GetAsync($"{Api}/register/export?from=2026-12-10&to=2026-12-10");
            excel.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var book = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
            var row = book.Worksheet(1).RowsUsed().Single(r => r.CellsUsed().Any(c => c.GetString() == code));
            row.CellsUsed().ShouldContain(c => c.GetString().Contains(DeskAName));
            book.Worksheet(1).CellsUsed().ShouldNotContain(c => c.GetString().Contains(DeskA));

            // The dossier page: the assignee, hand-overs and history by name (the login only in a title attribute).
            var page = await leader.GetStringAsync($"/Counters/Dossiers/Detail?id={id}");
            page.ShouldContain($"<span data-testid=\"assignee-name\" title=\"{DeskA}\"> — {DeskAName}</span>");
            page.ShouldContain($"<span title=\"{WardLeader}\">{WardLeaderName}</span>");
            page.ShouldContain($"<small title=\"{DeskA}\">{DeskAName}</small>");
            page.ShouldContain("Chuyên viên " + DeskAName);
            page.ShouldNotContain("Chuyên viên " + DeskA);
            page.ShouldNotContain($"<option value=\"{DeskA}\"></option>");
            page.ShouldContain($"<option value=\"{DeskA}\">{DeskAName} — {DeskATitle}</option>");
            (await leader.GetStringAsync("/Counters/Dossiers?q=" + code))
                .ShouldContain($"<small class=\"text-body-secondary\" title=\"{DeskA}\">{DeskAName}</small>");
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    private Task<OverdueScanResult> Scan() => fx.AsSystemAsync(sp => sp.GetRequiredService<OverdueScanner>().RunAsync(CancellationToken.None));

    private Task<List<Domain.Dossiers.ApologyLetter>> Letters(Guid dossierId) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<CountersDbContext>().ApologyLetters.AsNoTracking().Where(a => a.DossierId == dossierId).ToListAsync());

    [Fact]
    public async Task A_late_dossier_gets_exactly_one_apology_draft_and_issuing_it_extends_the_dossier()
    {
        fx.Clock.SetVietnamTime(2026, 12, 14, 9); // Monday; birth registration: 1 working day → Tuesday 09:00
        try
        {
            var desk = await fx.SignInAsync(DeskA);
            var created = await Intake(desk);
            var id = created.GetProperty("id").GetGuid();
            var code = created.GetProperty("code").GetString()!;
            var due = created.GetProperty("dueAt").GetDateTimeOffset();
            var leader = await fx.SignInAsync(WardLeader);
            (await leader.PostAsJsonAsync($"{Api}/{id}/assign", new { assignee = DeskA })).StatusCode.ShouldBe(HttpStatusCode.OK);

            // Due within 24 h: on the board, but no draft yet.
            (await Scan()).DueSoon.ShouldBeGreaterThanOrEqualTo(1);
            (await Letters(id)).ShouldBeEmpty();

            fx.Clock.SetVietnamTime(2026, 12, 15, 10); // an hour late
            var now = fx.Clock.GetUtcNow();
            var first = await Scan();
            first.Late.ShouldBeGreaterThanOrEqualTo(1);
            first.Drafted.ShouldBeGreaterThanOrEqualTo(1);
            (await Scan()).Drafted.ShouldBe(0); // idempotent
            var letter = (await Letters(id)).ShouldHaveSingleItem();
            letter.IssuedAt.ShouldBeNull();
            letter.OriginalDueAt.ShouldBe(due);
            letter.ProposedDueAt.ShouldBeGreaterThan(now);
            // One working day from Tuesday 10:00 → Wednesday 10:00 (Vietnam).
            letter.ProposedDueAt.ShouldBe(new DateTimeOffset(2026, 12, 16, 10, 0, 0, TimeSpan.FromHours(7)));
            letter.UnitPath.ShouldBe("/30/288/10507/");

            desk = await fx.SignInAsync(DeskA);
            var pending = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/apology-letters?status=pending");
            var item = pending.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("dossierId").GetGuid() == id);
            item.GetProperty("dossierCode").GetString().ShouldBe(code);
            // The sibling commune sees neither the letter nor the board line.
            var deskB = await fx.SignInAsync(DeskB);
            (await deskB.GetFromJsonAsync<JsonElement>("/api/v1/counters/apology-letters")).GetProperty("items").EnumerateArray()
                .ShouldNotContain(i => i.GetProperty("dossierId").GetGuid() == id);
            (await deskB.PostAsJsonAsync($"/api/v1/counters/apology-letters/{letter.Id}/issue", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await deskB.GetStringAsync("/Counters/Overdue")).ShouldNotContain(code);
            var board = await desk.GetStringAsync("/Counters/Overdue");
            board.ShouldContain(code);
            board.ShouldContain($"/Counters/Dossiers/Detail?id={id}");
            board.ShouldContain($"<td title=\"{DeskA}\">{DeskAName}</td>");
            var export = await desk.GetAsync("/Counters/Overdue?handler=Export");
            export.StatusCode.ShouldBe(HttpStatusCode.OK);
            using (var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync())))
            {
                var cells = book.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
                cells.ShouldContain(code);
                cells.ShouldContain(DeskAName); // Chuyên viên
                cells.ShouldNotContain(c => c.Contains(DeskA));
            }

            // Printed before issuing: the 2025 wording (request to extend) with the new date.
            var apology = Words((await Pdf(await desk.GetAsync($"{Api}/{id}/forms/apology"))).Bytes);
            apology.ShouldContain("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
            apology.ShouldContain("16/12/2026");
            apology.ShouldContain(code);

            var issued = await desk.PostAsJsonAsync($"/api/v1/counters/apology-letters/{letter.Id}/issue", new { reason = "Chờ xác minh thông tin khai sinh với nơi sinh" });
            issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
            var dossier = await desk.GetFromJsonAsync<JsonElement>($"{Api}/{id}");
            var newDue = dossier.GetProperty("dueAt").GetDateTimeOffset();
            newDue.ShouldBeGreaterThanOrEqualTo(letter.ProposedDueAt);
            (newDue - letter.ProposedDueAt).ShouldBeLessThan(TimeSpan.FromMinutes(1));
            dossier.GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
            var extension = dossier.GetProperty("extensions").EnumerateArray().ShouldHaveSingleItem();
            extension.GetProperty("reason").GetString()!.ShouldContain("Chờ xác minh");
            dossier.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("transition").GetString()).ShouldContain(DossierTransitions.Extended);

            var again = await desk.PostAsJsonAsync($"/api/v1/counters/apology-letters/{letter.Id}/issue", new { });
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await Letters(id)).ShouldHaveSingleItem().IssuedBy.ShouldBe(DeskA);
            // Printed once issued: signed by the issuing officer's full name and title, not the login on record.
            var signed = Words((await Pdf(await desk.GetAsync($"{Api}/{id}/forms/apology"))).Bytes);
            signed.ShouldContain(DeskAName);
            signed.ShouldContain(DeskATitle);
            signed.ShouldNotContain(DeskA);
            (await Scan()).Drafted.ShouldBe(0); // extended: no longer late
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}
