using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Catalogue.DocumentTypes;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.TestKit;
using OneStop.Platform.Web;

namespace OneStop.Counters.Tests;

/// <summary>
/// The managed code list of document types (danh mục mã loại giấy tờ, issue 16 item 2): seeded at first start, codes
/// added, renamed, retired and restored by a catalogue manager, never deleted; refusals are ProblemDetails in the
/// reader's language; a desk officer reads the list but cannot change it.
/// </summary>
public abstract class DocumentTypeTests<TFactory> where TFactory : OneStopFactory
{
    private const string Admin = "admin";
    private const string Desk = "motcua.binhhan";
    private const string Api = "/api/v1/counters/catalogue/document-types";
    private const string PagePath = "/Counters/Catalogue/DocumentTypes";
    private readonly TFactory fx;

    protected DocumentTypeTests(TFactory fx)
    {
        this.fx = fx;
        fx.Clock.SetVietnamTime(2025, 3, 10, 9);
    }

    private Task<T> Registry<T>(Func<DocumentTypeRegistry, Task<T>> action) =>
        fx.AsSystemAsync(sp => action(sp.GetRequiredService<DocumentTypeRegistry>()));

    private static async Task<JsonElement> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static IEnumerable<string?> Codes(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString());

    [Fact]
    public async Task The_seeded_list_is_there_with_the_procedures_that_use_each_code()
    {
        var admin = await fx.SignInAsync(Admin);
        var page = await admin.GetFromJsonAsync<JsonElement>($"{Api}?pageSize=200");
        var seeded = CountersSeeder.LoadDocumentTypes();
        seeded.Count.ShouldBeGreaterThan(0);
        foreach (var d in seeded)
        {
            Codes(page).ShouldContain(d.Code);
        }

        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(seeded.Count);
        var cccd = page.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CD-CCCD");
        cccd.GetProperty("inUse").GetBoolean().ShouldBeTrue();

        // The count is the procedures whose latest version names the code, worked out here the long way.
        var expected = await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CountersDbContext>();
            var versions = await db.ProcedureVersions.AsNoTracking().Select(v => new { v.Id, v.ProcedureId, v.Number }).ToListAsync();
            var latest = versions.GroupBy(v => v.ProcedureId).Select(g => g.MaxBy(v => v.Number)!.Id).ToHashSet();
            var naming = await db.ProcedureVersionComponents.AsNoTracking().Where(c => c.DocumentTypeCode == "CD-CCCD").Select(c => c.ProcedureVersionId).ToListAsync();
            return versions.Where(v => latest.Contains(v.Id) && naming.Contains(v.Id)).Select(v => v.ProcedureId).Distinct().Count();
        });
        cccd.GetProperty("usedByProcedures").GetInt32().ShouldBe(expected);

        // Search ignores diacritics and case; pages are numbered.
        var found = await admin.GetFromJsonAsync<JsonElement>($"{Api}?q=can cuoc");
        Codes(found).ShouldContain("CD-CCCD");
        var second = await admin.GetFromJsonAsync<JsonElement>($"{Api}?page=2&pageSize=5");
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("items").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task A_code_is_added_renamed_retired_and_restored_and_keeps_its_code()
    {
        var admin = await fx.SignInAsync(Admin);
        var added = await Body(await admin.PostAsJsonAsync(Api, new { code = "  tt-giayphep.01 ", name = "Giấy phép thử nghiệm" }), HttpStatusCode.Created);
        added.GetProperty("code").GetString().ShouldBe("TT-GIAYPHEP.01");
        added.GetProperty("inUse").GetBoolean().ShouldBeTrue();
        added.GetProperty("usedByProcedures").GetInt32().ShouldBe(0);
        Codes(await admin.GetFromJsonAsync<JsonElement>($"{Api}?q=giay phep thu")).ShouldContain("TT-GIAYPHEP.01");

        var renamed = await Body(await admin.PutAsJsonAsync($"{Api}/TT-GIAYPHEP.01", new { name = "Giấy phép thử nghiệm (bản chính)" }), HttpStatusCode.OK);
        renamed.GetProperty("code").GetString().ShouldBe("TT-GIAYPHEP.01");
        renamed.GetProperty("name").GetString().ShouldBe("Giấy phép thử nghiệm (bản chính)");

        var retired = await Body(await admin.PostAsJsonAsync($"{Api}/tt-giayphep.01/retire", new { }), HttpStatusCode.OK);
        retired.GetProperty("inUse").GetBoolean().ShouldBeFalse();
        retired.GetProperty("retiredFrom").GetString().ShouldBe("2025-03-10");
        (await Registry(r => r.InUseOnAsync(new DateOnly(2025, 3, 10), CancellationToken.None))).Select(d => d.Code).ShouldNotContain("TT-GIAYPHEP.01");
        (await Registry(r => r.InUseOnAsync(new DateOnly(2025, 3, 9), CancellationToken.None))).Select(d => d.Code).ShouldContain("TT-GIAYPHEP.01");
        Codes(await admin.GetFromJsonAsync<JsonElement>($"{Api}?q=TT-GIAYPHEP")).ShouldNotContain("TT-GIAYPHEP.01");
        Codes(await admin.GetFromJsonAsync<JsonElement>($"{Api}?q=TT-GIAYPHEP&includeRetired=true")).ShouldContain("TT-GIAYPHEP.01");

        var twice = await Body(await admin.PostAsJsonAsync($"{Api}/TT-GIAYPHEP.01/retire", new { retiredFrom = "2025-04-01" }), HttpStatusCode.Conflict);
        twice.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.DocumentTypeRetired);
        twice.GetProperty("title").GetString().ShouldBe("Mã loại giấy tờ TT-GIAYPHEP.01 đã ngừng sử dụng từ ngày 10/03/2025.");

        var restored = await Body(await admin.PostAsync($"{Api}/TT-GIAYPHEP.01/restore", null), HttpStatusCode.OK);
        restored.GetProperty("inUse").GetBoolean().ShouldBeTrue();
        restored.GetProperty("retiredFrom").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Registry(r => r.InUseOnAsync(new DateOnly(2025, 3, 10), CancellationToken.None))).Select(d => d.Code).ShouldContain("TT-GIAYPHEP.01");

        // A retirement from a later day leaves the code in use until then.
        var later = await Body(await admin.PostAsJsonAsync($"{Api}/TT-GIAYPHEP.01/retire", new { retiredFrom = "2025-04-01" }), HttpStatusCode.OK);
        later.GetProperty("inUse").GetBoolean().ShouldBeTrue();
        (await Registry(r => r.InUseOnAsync(new DateOnly(2025, 4, 1), CancellationToken.None))).Select(d => d.Code).ShouldNotContain("TT-GIAYPHEP.01");

        var unknown = await Body(await admin.PutAsJsonAsync($"{Api}/KHONG-CO", new { name = "x" }), HttpStatusCode.NotFound);
        unknown.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.DocumentTypeNotFound);
        unknown.GetProperty("title").GetString().ShouldBe("Không có mã loại giấy tờ KHONG-CO trong danh mục.");
    }

    [Fact]
    public async Task A_duplicate_or_bad_code_is_refused_with_a_clear_message_in_the_readers_language()
    {
        var admin = await fx.SignInAsync(Admin);
        var before = await fx.AsSystemAsync(sp => sp.GetRequiredService<CountersDbContext>().DocumentTypes.CountAsync());

        var duplicate = await Body(await admin.PostAsJsonAsync(Api, new { code = "cd-cccd", name = "Trùng mã" }), HttpStatusCode.Conflict);
        duplicate.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.DocumentTypeCodeTaken);
        duplicate.GetProperty("title").GetString().ShouldBe("Mã loại giấy tờ CD-CCCD đã có trong danh mục.");

        var bad = await Body(await admin.PostAsJsonAsync(Api, new { code = "Mã có dấu", name = " " }), HttpStatusCode.BadRequest);
        bad.GetProperty("code").GetString().ShouldBe(PlatformErrorCodes.ValidationFailed);
        bad.GetProperty("errors").GetProperty("Code")[0].GetString().ShouldStartWith("Mã loại giấy tờ gồm 2 đến 64 ký tự");
        bad.GetProperty("errors").GetProperty("Name")[0].GetString().ShouldBe("Nhập tên loại giấy tờ (tối đa 512 ký tự).");
        (await Body(await admin.PostAsJsonAsync(Api, new { code = "X", name = "Một ký tự" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("Code").GetArrayLength().ShouldBe(1);
        (await Body(await admin.PutAsJsonAsync($"{Api}/CD-CCCD", new { name = "" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("Name")[0].GetString().ShouldBe("Nhập tên loại giấy tờ (tối đa 512 ký tự).");

        using var english = new HttpRequestMessage(HttpMethod.Post, Api) { Content = JsonContent.Create(new { code = "CD-CCCD", name = "Duplicate" }) };
        english.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        (await Body(await admin.SendAsync(english), HttpStatusCode.Conflict)).GetProperty("title").GetString().ShouldBe("The document type code CD-CCCD is already in the list.");

        (await fx.AsSystemAsync(sp => sp.GetRequiredService<CountersDbContext>().DocumentTypes.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_desk_officer_reads_the_list_but_cannot_change_it()
    {
        var desk = await fx.SignInAsync(Desk);
        Codes(await desk.GetFromJsonAsync<JsonElement>(Api)).ShouldContain("CD-CCCD");
        (await desk.PostAsJsonAsync(Api, new { code = "TT-BANQUAY", name = "Không được thêm" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PutAsJsonAsync($"{Api}/CD-CCCD", new { name = "Không được đổi" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync($"{Api}/CD-CCCD/retire", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var page = await desk.GetStringAsync(PagePath);
        page.ShouldContain("data-code=\"CD-CCCD\"");
        page.ShouldNotContain("data-testid=\"document-type-add\"");
        using var refused = await OneStopFactory.PostFormAsync(desk, PagePath, PagePath + "?handler=Add",
            new Dictionary<string, string> { ["code"] = "TT-BANQUAY", ["name"] = "Không được thêm" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await Registry(r => r.ListAsync("TT-BANQUAY", true, 1, 50, CancellationToken.None))).Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_page_adds_retires_and_shows_refusals_in_vietnamese()
    {
        var admin = await fx.SignInAsync(Admin);
        (await admin.GetStringAsync("/Counters/Catalogue")).ShouldContain("data-testid=\"document-types-link\"");

        var added = await OneStopFactory.PostFormAsync(admin, PagePath, PagePath + "?handler=Add",
            new Dictionary<string, string> { ["code"] = "tt-trang", ["name"] = "Giấy tờ thêm từ trang" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await admin.GetStringAsync(PagePath + "?q=tt-trang");
        list.ShouldContain("data-code=\"TT-TRANG\"");
        list.ShouldContain("Đã thêm mã loại giấy tờ TT-TRANG.");

        var duplicate = await OneStopFactory.PostFormAsync(admin, PagePath, PagePath + "?handler=Add",
            new Dictionary<string, string> { ["code"] = "TT-TRANG", ["name"] = "Lần hai" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("Mã loại giấy tờ TT-TRANG đã có trong danh mục.");

        var retired = await OneStopFactory.PostFormAsync(admin, PagePath, PagePath + "?handler=Retire",
            new Dictionary<string, string> { ["code"] = "TT-TRANG", ["retiredFrom"] = "" });
        retired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync(PagePath + "?q=tt-trang")).ShouldContain("data-testid=\"document-types-empty\"");
        var withRetired = await admin.GetStringAsync(PagePath + "?q=tt-trang&includeRetired=true");
        withRetired.ShouldContain("data-code=\"TT-TRANG\"");
        withRetired.ShouldContain("Ngừng sử dụng từ 10/03/2025");

        using var export = await admin.GetAsync(PagePath + "?handler=Export&includeRetired=true");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var book = new ClosedXML.Excel.XLWorkbook(await export.Content.ReadAsStreamAsync());
        var row = book.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString() == "TT-TRANG");
        row.Cell(2).GetString().ShouldBe("Giấy tờ thêm từ trang");
        row.Cell(3).GetString().ShouldBe("Ngừng sử dụng từ 10/03/2025");
    }
}

public sealed class PostgreSqlDocumentTypeTests(OneStopFactory factory)
    : DocumentTypeTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteDocumentTypeTests(SqliteOneStopFactory factory)
    : DocumentTypeTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
