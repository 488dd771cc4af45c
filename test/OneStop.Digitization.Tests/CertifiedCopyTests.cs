using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.Kpi;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Documents;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>
/// Chứng thực bản sao điện tử từ bản chính at a commune: the register numbers and charges it, the copy is signed with
/// the unit's certificate and carries the certification, and Decision 766 indicator 5.3 counts the commune from the
/// register; bad input and another commune change nothing and see nothing.
/// </summary>
public sealed class CertifiedCopyTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Identity = "030090005678";

    /// <summary>A PDF of <paramref name="pages"/> pages, as a scanner would give an original.</summary>
    internal static byte[] Original(int pages)
    {
        var pdf = new PdfWriter("Bằng tốt nghiệp", "Trường THPT Hồng Quang");
        for (var i = 1; i <= pages; i++)
        {
            pdf.NewPage().Text($"Bằng tốt nghiệp trung học phổ thông — trang {i}", 16, bold: true).Text("Họ và tên: Trần Thị Bích");
        }

        return pdf.ToArray();
    }

    internal static Dictionary<string, string> Fields(Guid officerId, int pages, int copies, Guid? dossierId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["requesterName"] = "Trần Thị Bích",
            ["requesterIdentity"] = Identity,
            ["documentName"] = "Bằng tốt nghiệp trung học phổ thông",
            ["issuingBody"] = "Sở Giáo dục và Đào tạo tỉnh Hải Dương",
            ["documentTypeCode"] = "GD-BTN",
            ["pages"] = pages.ToString(),
            ["copies"] = copies.ToString(),
            ["officerId"] = officerId.ToString(),
        };
        if (dossierId is { } id)
        {
            fields["dossierId"] = id.ToString();
        }

        return fields;
    }

    private async Task<(HttpClient Desk, Guid Officer)> DeskAsync()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var officers = await desk.GetFromJsonAsync<JsonElement>($"{Api}/certified-copies/officers");
        var leader = officers.EnumerateArray().Single(o => o.GetProperty("fullName").GetString() == "Đỗ Văn Phường");
        officers.EnumerateArray().ShouldNotContain(o => o.GetProperty("fullName").GetString() == "Phạm Thị Nhận"); // a desk officer does not sign
        return (desk, leader.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> CertifyAsync(HttpClient client, byte[] file, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await client.PostAsync($"{Api}/certified-copies", Form(file, "ban-chinh.pdf", fields));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(expected, body.ToString());
        return body;
    }

    /// <summary>The problem as a person reads it (JSON without \u escapes).</summary>
    private static string Readable(JsonElement body) =>
        JsonSerializer.Serialize(body, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private Task<int> RegisterLinesAsync() =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<DigitizationDbContext>().CertifiedCopies.IgnoreQueryFilters().CountAsync());

    private async Task<Guid> CertificationDossierAsync(string unitCode, string code, string procedure = "2.000815")
    {
        var unit = await UnitAsync(fx, unitCode);
        var dossier = Dossier(unit, code, DossierStatuses.Received, [], identity: Identity) with { ProcedureCode = procedure, ProcedureName = "Chứng thực bản sao từ bản chính" };
        await PublishAndRelayAsync(fx, Changed(dossier, DossierTransitions.Received));
        return dossier.Id;
    }

    [Fact]
    public async Task A_copy_certified_at_a_commune_is_in_its_register_with_the_next_number_and_fee_signed_and_counted_in_766_5_3()
    {
        var (desk, officer) = await DeskAsync();
        var dossierId = await CertificationDossierAsync("10507", "MC10507-CT0001");
        var year = VietnamTime.Today(TimeProvider.System).Year;

        // Three pages, two copies: 2,000 + 2,000 + 1,000 a copy (Circular 226/2016/TT-BTC), twice.
        var first = await CertifyAsync(desk, Original(3), Fields(officer, pages: 3, copies: 2, dossierId));
        var number = first.GetProperty("number").GetInt32();
        first.GetProperty("registerNumber").GetString().ShouldBe($"{number}/{year}/SCT/BS");
        first.GetProperty("feeVnd").GetInt64().ShouldBe(10_000);
        first.GetProperty("dossierCode").GetString().ShouldBe("MC10507-CT0001");
        first.GetProperty("officerName").GetString().ShouldBe("Đỗ Văn Phường");

        // Audited: who wrote the register line, for which unit.
        var lineId = first.GetProperty("id").GetGuid().ToString();
        await fx.SealAuditAsync<DigitizationDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var audit = await fx.AsSystemAsync(sp => sp.GetRequiredService<DigitizationDbContext>().AuditRecords
            .Where(a => a.EntityId == lineId).Select(a => new { a.EntityType, a.ActorName, a.UnitPath }).ToListAsync());
        audit.ShouldContain(a => a.EntityType.Contains("CertifiedCopy") && a.ActorName == "motcua.camthuong" && a.UnitPath == "/30/288/10507/");

        // The next one takes the next number; 250 pages reach the ceiling of 200,000 a copy.
        var second = await CertifyAsync(desk, Original(250), Fields(officer, pages: 250, copies: 1));
        second.GetProperty("number").GetInt32().ShouldBe(number + 1);
        second.GetProperty("feeVnd").GetInt64().ShouldBe(200_000);

        // In the register (API and page), newest first, with its fee shown.
        var register = await desk.GetFromJsonAsync<JsonElement>($"{Api}/certified-copies?year={year}");
        register.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("registerNumber").GetString()).Take(2)
            .ShouldBe([$"{number + 1}/{year}/SCT/BS", $"{number}/{year}/SCT/BS"], ignoreOrder: false);
        var page = await desk.GetStringAsync($"/Digitization/CertifiedCopies?year={year}");
        page.ShouldContain($"{number}/{year}/SCT/BS");
        page.ShouldContain("10.000");
        (await desk.GetStringAsync("/Digitization")).ShouldContain("/Digitization/CertifiedCopies");

        // The electronic copy: signed with the unit's certificate, the certification printed on the last page.
        var documentId = first.GetProperty("documentId").GetGuid();
        var signature = await desk.GetFromJsonAsync<JsonElement>($"{Api}/documents/{documentId}/signature");
        signature.GetProperty("valid").GetBoolean().ShouldBeTrue(signature.ToString());
        signature.GetProperty("subject").GetString()!.ShouldContain("Cẩm Thượng");
        var file = await desk.GetByteArrayAsync($"{Api}/documents/{documentId}/content");
        using (var pdf = PdfDocument.Open(file))
        {
            pdf.NumberOfPages.ShouldBe(3);
            var last = string.Join(" ", pdf.GetPage(3).GetWords().Select(w => w.Text));
            last.ShouldContain("CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH");
            last.ShouldContain($"{number}/{year}/SCT/BS");
            last.ShouldContain("Đỗ Văn Phường");
            string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).ShouldContain(first.GetProperty("verificationCode").GetString()!);
        }

        // It joins the requester's data store, where later intakes can reuse it.
        var store = await desk.GetFromJsonAsync<JsonElement>($"{Api}/documents?applicant={Identity}");
        store.GetProperty("items").EnumerateArray().ShouldContain(d => d.GetProperty("id").GetGuid() == documentId && d.GetProperty("signed").GetBoolean());

        // The register as Excel and as a printable PDF.
        using (var excel = await desk.GetAsync($"{Api}/certified-copies/register.xlsx?year={year}"))
        {
            excel.StatusCode.ShouldBe(HttpStatusCode.OK);
            excel.Content.Headers.ContentType!.MediaType.ShouldBe(ExcelWorkbook.ContentType);
        }

        var printed = await desk.GetByteArrayAsync($"{Api}/certified-copies/register.pdf?year={year}");
        using (var pdf = PdfDocument.Open(printed))
        {
            string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).ShouldContain($"{number}/{year}/SCT/BS");
        }

        // 766 indicator 5.3 from the register: this commune 1 of 1, a commune without a certification 0 of 1.
        var today = VietnamTime.Today(TimeProvider.System);
        var period = KpiPeriod.ForMonth(today.Year, today.Month);
        var (rows, details) = await fx.AsSystemAsync(async sp =>
        {
            var calculator = sp.GetServices<IKpiCalculator>().OfType<DigitizationStockKpiCalculator>().Single(); // 766 5.3 is a distinct count over the period
            return (await calculator.ComputeAsync(period), await calculator.DetailsAsync(DigitizationKpiCodes.I766CertifiedCopies, period, "/30/288/10507/", 50));
        });
        var camThuong = await UnitAsync(fx, "10507");
        var binhHan = await UnitAsync(fx, "10510");
        var own = rows.Single(r => r.KpiCode == DigitizationKpiCodes.I766CertifiedCopies && r.UnitId == camThuong.Id);
        (own.Numerator, own.Denominator).ShouldBe((1m, 1m));
        var other = rows.Single(r => r.KpiCode == DigitizationKpiCodes.I766CertifiedCopies && r.UnitId == binhHan.Id);
        (other.Numerator, other.Denominator).ShouldBe((0m, 1m));
        details.Where(d => d.Counted).Select(d => d.Code).ShouldContain($"{number}/{year}/SCT/BS");
    }

    [Fact]
    public async Task Procedure_2_000815_is_received_at_a_commune_like_any_procedure_and_its_dossier_is_offered_for_certification()
    {
        var (desk, officer) = await DeskAsync();
        using var received = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "2.000815",
            applicant = new { kind = "CITIZEN", identity = Identity, name = "Trần Thị Bích", dateOfBirth = "1995-03-02", address = "Phường Cẩm Thượng", phone = "0912345679" },
            components = new[] { new { documentTypeCode = "CT-BANCHINH" } },
        });
        var dossier = await received.Content.ReadFromJsonAsync<JsonElement>();
        received.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
        dossier.GetProperty("procedureCode").GetString().ShouldBe("2.000815");
        var code = dossier.GetProperty("code").GetString()!;
        await fx.Services.GetRequiredService<OneStop.Platform.Messaging.OutboxRelay>().RelayOnceAsync();

        // The certification form offers the received dossier; certifying it links the register line to it.
        (await desk.GetStringAsync("/Digitization/Certify")).ShouldContain(code);
        var made = await CertifyAsync(desk, Original(1), Fields(officer, 1, 1, dossier.GetProperty("id").GetGuid()));
        made.GetProperty("dossierCode").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task Certifications_at_the_same_time_take_consecutive_numbers_without_duplicates()
    {
        var (desk, officer) = await DeskAsync();
        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CertifyAsync(desk, Original(1), Fields(officer, 1, 1))));
        var numbers = made.Select(m => m.GetProperty("number").GetInt32()).Order().ToList();
        numbers.Distinct().Count().ShouldBe(4);
        (numbers[^1] - numbers[0]).ShouldBe(3);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_and_changes_nothing()
    {
        var (desk, officer) = await DeskAsync();
        var before = await RegisterLinesAsync();

        // No scan of the original.
        using (var response = await desk.PostAsync($"{Api}/certified-copies", new MultipartFormDataContent { { new StringContent("Trần Thị Bích"), "requesterName" } }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var noFile = new MultipartFormDataContent();
        foreach (var (key, value) in Fields(officer, 1, 1))
        {
            noFile.Add(new StringContent(value), key);
        }

        using (var response = await desk.PostAsync($"{Api}/certified-copies", noFile))
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
            Readable(body).ShouldContain("bản quét của bản chính");
        }

        // Pages ≤ 0, and a page count the scan contradicts.
        var zero = await CertifyAsync(desk, Original(1), Fields(officer, pages: 0, copies: 1), HttpStatusCode.BadRequest);
        Readable(zero).ShouldContain("Số trang của bản chính");
        var mismatch = await CertifyAsync(desk, Original(1), Fields(officer, pages: 2, copies: 1), (HttpStatusCode)422);
        mismatch.GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.PagesMismatch);

        // A dossier of another commune is not found; one of another procedure is not a certification.
        var elsewhere = await CertificationDossierAsync("10510", "MC10510-CT0001");
        var notFound = await CertifyAsync(desk, Original(1), Fields(officer, 1, 1, elsewhere), HttpStatusCode.NotFound);
        notFound.GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.DossierNotFound);
        notFound.GetProperty("title").GetString()!.ShouldContain("Không tìm thấy hồ sơ");
        var birth = await CertificationDossierAsync("10507", "MC10507-KS0001", procedure: "1.001193");
        (await CertifyAsync(desk, Original(1), Fields(officer, 1, 1, birth), (HttpStatusCode)422)).GetProperty("code").GetString()
            .ShouldBe(DigitizationErrorCodes.NotCertificationDossier);

        // An officer who is not a leader of the unit.
        var deskOfficer = await fx.AsSystemAsync(sp => sp.GetRequiredService<OneStop.Platform.Persistence.PlatformDbContext>().Users
            .Where(u => u.UserName == "motcua.camthuong").Select(u => u.Id).SingleAsync());
        (await CertifyAsync(desk, Original(1), Fields(deskOfficer, 1, 1), HttpStatusCode.NotFound)).GetProperty("code").GetString()
            .ShouldBe(DigitizationErrorCodes.OfficerNotFound);

        (await RegisterLinesAsync()).ShouldBe(before);

        // The page shows the same rule as a Vietnamese message and keeps the form.
        var form = await desk.GetStringAsync("/Digitization/Certify");
        form.ShouldContain("data-testid=\"certify-form\"");
        var token = OneStopFactory.AntiforgeryToken(form);
        var fields = Fields(officer, pages: 0, copies: 1).ToDictionary(f => "Input." + char.ToUpperInvariant(f.Key[0]) + f.Key[1..], f => f.Value);
        fields["__RequestVerificationToken"] = token;
        using var posted = await desk.PostAsync("/Digitization/Certify", Form(Original(1), "ban-chinh.pdf", fields));
        var html = await posted.Content.ReadAsStringAsync();
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Số trang của bản chính phải là số nguyên từ 1 đến 1.000.");
        (await RegisterLinesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Another_communes_user_neither_sees_nor_writes_the_register()
    {
        var (desk, officer) = await DeskAsync();
        var made = await CertifyAsync(desk, Original(1), Fields(officer, 1, 1));
        var id = made.GetProperty("id").GetGuid();
        var year = made.GetProperty("year").GetInt32();

        var other = await fx.SignInAsync("motcua.binhhan");
        (await other.GetAsync($"{Api}/certified-copies/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await other.GetFromJsonAsync<JsonElement>($"{Api}/certified-copies?year={year}");
        list.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == id);
        (await other.GetAsync($"{Api}/documents/{made.GetProperty("documentId").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetStringAsync($"/Digitization/CertifiedCopies?year={year}")).ShouldNotContain(made.GetProperty("registerNumber").GetString()!);

        // Certifying there with Cẩm Thượng's leader, or for Cẩm Thượng's dossier, is "not found"; nothing is written.
        var before = await RegisterLinesAsync();
        (await CertifyAsync(other, Original(1), Fields(officer, 1, 1), HttpStatusCode.NotFound)).GetProperty("code").GetString()
            .ShouldBe(DigitizationErrorCodes.OfficerNotFound);
        var dossier = await CertificationDossierAsync("10507", "MC10507-CT0002");
        (await CertifyAsync(other, Original(1), Fields(officer, 1, 1, dossier), HttpStatusCode.NotFound)).GetProperty("code").GetString()
            .ShouldBe(DigitizationErrorCodes.DossierNotFound);
        (await RegisterLinesAsync()).ShouldBe(before);
    }
}
