using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Storage;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.Storage;

/// <summary>
/// Files through the running product (ADR 0033), on PlanTasks' evidence files, which any module's upload resembles: a
/// report whose second file is refused leaves no blob of the first; a download is an attachment with a sanitised
/// name and <c>nosniff</c>; the orphan job removes old blobs no row references and keeps the others.
/// </summary>
public sealed class FileSafetyApiTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Api = "/api/v1/plantasks";

    private async Task<(HttpClient Client, Guid Assignment)> DistrictAssignmentAsync()
    {
        var district = await fx.SignInAsync("lanhdao.tphd");
        var page = await district.GetFromJsonAsync<JsonElement>($"{Api}/assignments/?pageSize=200&task=2022.g.1");
        var assignment = page.GetProperty("items").EnumerateArray().First(a => a.GetProperty("unitPath").GetString() == "/30/288/");
        return (district, assignment.GetProperty("id").GetGuid());
    }

    private static MultipartFormDataContent ReportForm(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("ad-hoc"), "kind" },
            { new StringContent("in-progress"), "status" },
            { new StringContent("20"), "percent" },
            { new StringContent("Gửi kèm biên bản và báo cáo."), "narrative" },
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        return form;
    }

    /// <summary>A PDF no other test stores (its blob is created by this request).</summary>
    private static byte[] UniquePdf() =>
        new OneStop.Platform.Documents.PdfWriter("Biên bản", "test").NewPage().Text("Biên bản số " + Guid.NewGuid()).ToArray();

    private Task<bool> StoredAsync(byte[] content) =>
        fx.Services.GetRequiredService<IBlobStore>().ExistsAsync(Convert.ToHexStringLower(SHA256.HashData(content)));

    [Fact]
    public async Task A_report_whose_second_file_is_refused_leaves_no_blob_of_the_first()
    {
        var (district, id) = await DistrictAssignmentAsync();
        var pdf = UniquePdf();

        var response = await district.PostAsync($"{Api}/assignments/{id}/reports", ReportForm(("bien-ban.pdf", pdf), ("bao-cao.docx", HostileFiles.DocxWithRemoteTemplate())));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString()!.ShouldContain("tham chiếu tới mẫu hoặc tài nguyên bên ngoài");
        (await StoredAsync(pdf)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_hostile_pdf_is_refused_through_the_api_with_its_reason()
    {
        var (district, id) = await DistrictAssignmentAsync();

        var response = await district.PostAsync($"{Api}/assignments/{id}/reports",
            ReportForm(("to-trinh.pdf", HostileFiles.Pdf("3 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\n"))));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Tệp PDF chứa mã JavaScript nên không được chấp nhận.");
    }

    [Fact]
    public async Task A_download_is_an_attachment_with_a_safe_name_and_nosniff()
    {
        var (district, id) = await DistrictAssignmentAsync();
        var pdf = UniquePdf();
        var sent = await district.PostAsync($"{Api}/assignments/{id}/reports", ReportForm(("Biên bản họp quý 1.pdf", pdf)));
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var evidence = body.GetProperty("evidence")[0].GetProperty("id").GetGuid();

        var download = await district.GetAsync($"{Api}/evidence/{evidence}");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var disposition = download.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("Biên bản họp quý 1.pdf");
        disposition.FileName!.Trim('"').ShouldBe("Bien ban hop quy 1.pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
    }

    [Fact]
    public void A_name_is_reduced_to_a_display_name()
    {
        SafeDownloads.Sanitise("../../etc/passwd").ShouldBe("passwd");
        SafeDownloads.Sanitise("C:\\Windows\\Đơn đề nghị.docx").ShouldBe("Đơn đề nghị.docx");
        SafeDownloads.Sanitise("a\r\nSet-Cookie: x=1.pdf").ShouldBe("a__Set-Cookie_ x=1.pdf");
        SafeDownloads.Sanitise("\u202Efdp.exe").ShouldBe("_fdp.exe"); // a right-to-left override hides the real extension
        SafeDownloads.Sanitise("  ").ShouldBe(SafeDownloads.FallbackName);
        SafeDownloads.ContentDisposition("Đơn đề nghị.pdf").ShouldBe("attachment; filename=\"Don de nghi.pdf\"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B.pdf");
    }

    [Fact]
    public async Task The_orphan_job_removes_old_unreferenced_blobs_and_keeps_referenced_and_young_ones()
    {
        var store = fx.Services.GetRequiredService<IBlobStore>();
        var (district, id) = await DistrictAssignmentAsync();
        var referencedPdf = UniquePdf();
        var sent = await district.PostAsync($"{Api}/assignments/{id}/reports", ReportForm(("bien-ban.pdf", referencedPdf)));
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var referenced = Convert.ToHexStringLower(SHA256.HashData(referencedPdf));
        var orphan = (await store.PutAsync(UniquePdf())).Key;
        var young = (await store.PutAsync(UniquePdf())).Key;
        Backdate(referenced, orphan);

        var removed = await fx.AsSystemAsync(sp => sp.GetRequiredService<OrphanBlobs>().RemoveOrphansAsync(CancellationToken.None));

        removed.ShouldBeGreaterThanOrEqualTo(1);
        (await store.ExistsAsync(orphan)).ShouldBeFalse();
        (await store.ExistsAsync(referenced)).ShouldBeTrue();
        (await store.ExistsAsync(young)).ShouldBeTrue();
    }

    [Fact]
    public async Task References_are_found_in_every_unit_whatever_the_scope_asking()
    {
        var (district, id) = await DistrictAssignmentAsync();
        var pdf = UniquePdf();
        (await district.PostAsync($"{Api}/assignments/{id}/reports", ReportForm(("bien-ban.pdf", pdf)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = Convert.ToHexStringLower(SHA256.HashData(pdf));

        // Asked from another district's scope: the query filters that hide that report from it do not hide the reference.
        var found = await fx.InScopeAsync(new OneStop.Platform.Scoping.UnitScope(Guid.NewGuid(), "/30/999/", "Huyện khác"), async sp =>
        {
            var all = new List<string>();
            foreach (var references in sp.GetServices<IBlobReferences>())
            {
                all.AddRange(await references.ReferencedAsync([key, new string('0', 64)], CancellationToken.None));
            }

            return all;
        });

        found.ShouldBe([key]);
        fx.Services.CreateScope().ServiceProvider.GetServices<IBlobReferences>().Count().ShouldBeGreaterThanOrEqualTo(3); // Counters, PlanTasks, Digitization
    }

    /// <summary>Makes the blobs look three days old (older than the 48-hour grace period).</summary>
    private void Backdate(params string[] keys)
    {
        foreach (var key in keys)
        {
            var path = Directory.GetFiles(fx.Database.DataDirectory, key, SearchOption.AllDirectories).Single();
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-3));
        }
    }
}
