using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// Nhập và đồng bộ danh mục TTHC (issue 16, ADR 0025) through the API on a fresh database per class: the whole shipped
/// file, idempotence, a later file with one changed legal time and one removed procedure, dossiers received before the
/// change, and refused files.
/// </summary>
public abstract class CatalogueImportTests<TFactory> where TFactory : OneStopFactory
{
    private const string Admin = "admin";
    private const string Desk = "motcua.camthuong";
    private readonly TFactory fx;

    protected CatalogueImportTests(TFactory fx)
    {
        this.fx = fx;
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
    }

    private Task<T> Counters<T>(Func<CountersDbContext, Task<T>> query) =>
        fx.AsSystemAsync(sp => query(sp.GetRequiredService<CountersDbContext>()));

    private static string ShippedText()
    {
        using var reader = new StreamReader(CountersSeeder.OpenSeedFile(CountersSeeder.ShippedFileName), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(expected, body.ToString());
        return body;
    }

    private static Task<HttpResponseMessage> Preview(HttpClient client, string? csv, string effectiveFrom, string query = "", string? language = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(effectiveFrom), "effectiveFrom" } };
        if (csv is null)
        {
            form.Add(new StringContent("true"), "shipped");
        }
        else
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "danh-muc.csv");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/counters/catalogue/import/preview" + query) { Content = form };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client.SendAsync(request);
    }

    private static async Task<JsonElement> Apply(HttpClient client, JsonElement preview, string effectiveFrom) =>
        await Body(await client.PostAsJsonAsync("/api/v1/counters/catalogue/import/apply",
            new { fileId = preview.GetProperty("fileId").GetString(), fileName = preview.GetProperty("fileName").GetString(), effectiveFrom }), HttpStatusCode.OK);

    private static (int New, int Changed, int Abolished) Counts(JsonElement body)
    {
        var c = body.GetProperty("counts");
        return (c.GetProperty("new").GetInt32(), c.GetProperty("changed").GetInt32(), c.GetProperty("abolished").GetInt32());
    }

    [Fact]
    public async Task The_shipped_file_imports_once_and_a_later_file_changes_exactly_what_it_changes_while_old_dossiers_keep_their_time()
    {
        var admin = await fx.SignInAsync(Admin);
        var desk = await fx.SignInAsync(Desk);
        // A dossier received before any import: 1.001193 at 1 working day.
        var before = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<TFactory>.BirthRegistration()), HttpStatusCode.Created);
        var beforeDue = before.GetProperty("dueAt").GetString();

        // The seeded subset itself does not differ from what was seeded.
        using (var reader = new StreamReader(CountersSeeder.OpenSeedFile(CountersSeeder.SubsetFileName), Encoding.UTF8))
        {
            Counts(await Body(await Preview(admin, await reader.ReadToEndAsync(), "2026-12-07"), HttpStatusCode.OK)).ShouldBe((0, 0, 0));
        }

        // The whole shipped file on top of the seeded subset: only new procedures, none changed or abolished.
        var first = await Body(await Preview(admin, null, "2026-12-07"), HttpStatusCode.OK);
        first.GetProperty("counts").GetProperty("inFile").GetInt32().ShouldBe(5670);
        Counts(first).ShouldBe((5670 - 504, 0, 0));
        (await Counters(db => db.Procedures.CountAsync())).ShouldBe(504); // a preview writes nothing
        Counts(await Apply(admin, first, "2026-12-07")).ShouldBe((5670 - 504, 0, 0));
        (await Counters(db => db.Procedures.CountAsync())).ShouldBe(5670);
        var versions = await Counters(db => db.ProcedureVersions.CountAsync());
        versions.ShouldBe(5670);

        // Again: nothing to do, and applying it writes nothing.
        var again = await Body(await Preview(admin, null, "2026-12-08"), HttpStatusCode.OK);
        Counts(again).ShouldBe((0, 0, 0));
        again.GetProperty("rows").GetArrayLength().ShouldBe(0);
        Counts(await Apply(admin, again, "2026-12-08")).ShouldBe((0, 0, 0));
        (await Counters(db => db.Procedures.CountAsync())).ShouldBe(5670);
        (await Counters(db => db.ProcedureVersions.CountAsync())).ShouldBe(versions);

        // A later file: 1.001193 goes from 1 to 3 working days, 1.000005 is removed.
        var lines = ShippedText().Split("\r\n").Where(l => !l.StartsWith("1.000005,", StringComparison.Ordinal)).ToList();
        var birth = lines.FindIndex(l => l.StartsWith("1.001193,", StringComparison.Ordinal));
        lines[birth] = lines[birth].Replace("1.001193.02:1 WORKING_DAY;1.001193.01:1 WORKING_DAY,ONLINE:1 OTHER;POSTAL:1 OTHER;DIRECT:1 OTHER",
            "1.001193.02:3 WORKING_DAY;1.001193.01:3 WORKING_DAY,ONLINE:3 WORKING_DAY;POSTAL:3 WORKING_DAY;DIRECT:3 WORKING_DAY");
        var later = await Body(await Preview(admin, string.Join("\r\n", lines), "2026-12-08"), HttpStatusCode.OK);
        Counts(later).ShouldBe((0, 1, 1));
        var rows = later.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        rows[0].GetProperty("kind").GetString().ShouldBe("changed");
        rows[0].GetProperty("code").GetString().ShouldBe("1.001193");
        var change = rows[0].GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("field").GetString().ShouldBe("legalTime");
        change.GetProperty("before").GetString().ShouldBe("DIRECT:1 WORKING_DAY;ONLINE:1 WORKING_DAY;POSTAL:1 WORKING_DAY");
        change.GetProperty("after").GetString().ShouldBe("DIRECT:3 WORKING_DAY;ONLINE:3 WORKING_DAY;POSTAL:3 WORKING_DAY");
        rows[1].GetProperty("kind").GetString().ShouldBe("abolished");
        rows[1].GetProperty("code").GetString().ShouldBe("1.000005");
        Counts(await Apply(admin, later, "2026-12-08")).ShouldBe((0, 1, 1));
        Counts(await Body(await Preview(admin, string.Join("\r\n", lines), "2026-12-09"), HttpStatusCode.OK)).ShouldBe((0, 0, 0));

        // The dossier received before the change keeps its legal time and due date.
        var kept = await Body(await desk.GetAsync($"/api/v1/counters/dossiers/{before.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
        kept.GetProperty("dueAt").GetString().ShouldBe(beforeDue);
        var stored = await Counters(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == before.GetProperty("id").GetGuid()));
        stored.LegalTimeValue.ShouldBe(1);
        stored.ProcedureVersion.ShouldBe(1);

        // Received on the day the change takes effect: the new version, 3 working days.
        fx.Clock.SetVietnamTime(2026, 12, 8, 9);
        desk = await fx.SignInAsync(Desk); // yesterday's session has ended
        admin = await fx.SignInAsync(Admin);
        var after = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<TFactory>.BirthRegistration(identity: "030090005678")), HttpStatusCode.Created);
        var newer = await Counters(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == after.GetProperty("id").GetGuid()));
        newer.LegalTimeValue.ShouldBe(3);
        newer.ProcedureVersion.ShouldBe(2);

        // The abolished procedure is no longer offered nor received.
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures?q=1.000005");
        listed.GetProperty("items").GetArrayLength().ShouldBe(0);
        var abolished = await admin.GetFromJsonAsync<JsonElement>("/api/v1/counters/catalogue/procedures?q=1.000005&abolished=true");
        abolished.GetProperty("items").GetArrayLength().ShouldBe(1);
        var refused = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.000005",
            applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An", dateOfBirth = "1990-05-12", address = "Phường Cẩm Thượng", phone = "0912345678" },
            components = Array.Empty<object>(),
        }), HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ProcedureAbolished);
        refused.GetProperty("title").GetString()!.ShouldContain("bãi bỏ");

        // History: the procedure's versions say where they came from.
        var birthId = await Counters(db => db.Procedures.Where(p => p.Code == "1.001193").Select(p => p.Id).SingleAsync());
        var history = await Counters(db => db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == birthId).OrderBy(v => v.Number).ToListAsync());
        history.Select(v => (v.Number, v.SourceKind, v.Changes)).ShouldBe([(1, "seed", ""), (2, "import", "legalTime")]);
        history[1].SourceHash.ShouldBe(later.GetProperty("fileId").GetString());
    }

    [Fact]
    public async Task A_file_with_missing_columns_duplicate_codes_or_times_that_are_not_numbers_is_refused_in_the_readers_language_and_nothing_is_applied()
    {
        var admin = await fx.SignInAsync(Admin);
        var procedures = await Counters(db => db.Procedures.CountAsync());
        var versions = await Counters(db => db.ProcedureVersions.CountAsync());
        const string header = "code,name,type,state,categories,executing_departments,promulgating_department,processing_cases(code:qty unit),channel_processing(method:qty unit),fees_vnd(method:type=value),detail_updated_at";

        var missing = await Body(await Preview(admin, "code,name\n9.999001,Thủ tục thử\n", "2026-12-08"), HttpStatusCode.BadRequest);
        missing.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.CatalogueFileInvalid);
        var missingErrors = missing.GetProperty("errors").EnumerateObject().First().Value[0].GetString()!;
        missingErrors.ShouldContain("Tệp thiếu cột");
        missingErrors.ShouldContain("executing_departments");

        var duplicate = await Body(await Preview(admin,
            $"{header}\n9.999001,Thủ tục thử,STANDARD,ACTIVE,Hộ tịch,Ủy ban nhân dân cấp xã,,,DIRECT:5 WORKING_DAY,,\n9.999001,Thủ tục thử lại,STANDARD,ACTIVE,Hộ tịch,Ủy ban nhân dân cấp xã,,,DIRECT:5 WORKING_DAY,,\n",
            "2026-12-08"), HttpStatusCode.BadRequest);
        duplicate.GetProperty("errors").EnumerateObject().First().Value[0].GetString().ShouldBe("Mã thủ tục 9.999001 bị trùng (dòng 2 và dòng 3).");

        var notNumber = $"{header}\n9.999002,Thủ tục thử,STANDARD,ACTIVE,Hộ tịch,Ủy ban nhân dân cấp xã,,,DIRECT:năm WORKING_DAY,,\n";
        var vietnamese = await Body(await Preview(admin, notNumber, "2026-12-08"), HttpStatusCode.BadRequest);
        vietnamese.GetProperty("title").GetString()!.ShouldContain("chưa nhập thủ tục nào");
        vietnamese.GetProperty("errors").EnumerateObject().First().Value[0].GetString().ShouldBe("Dòng 2 (mã 9.999002): thời hạn giải quyết \"DIRECT:năm WORKING_DAY\" không phải là số.");
        var english = await Body(await Preview(admin, notNumber, "2026-12-08", language: "en"), HttpStatusCode.BadRequest);
        english.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.CatalogueFileInvalid);
        english.GetProperty("title").GetString()!.ShouldContain("nothing was imported");
        english.GetProperty("errors").EnumerateObject().First().Value[0].GetString().ShouldBe("Line 2 (code 9.999002): the processing time \"DIRECT:năm WORKING_DAY\" is not a number.");

        // An id that names no previewed file, and no effective date.
        var gone = await admin.PostAsJsonAsync("/api/v1/counters/catalogue/import/apply", new { fileId = new string('a', 64), effectiveFrom = "2026-12-08" });
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var noDate = await admin.PostAsJsonAsync("/api/v1/counters/catalogue/import/apply", new { fileId = new string('a', 64) });
        noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await Counters(db => db.Procedures.CountAsync())).ShouldBe(procedures);
        (await Counters(db => db.ProcedureVersions.CountAsync())).ShouldBe(versions);
    }

    [Fact]
    public async Task The_import_page_previews_and_applies_a_file_for_a_catalogue_manager_only()
    {
        var desk = await fx.SignInAsync(Desk);
        (await desk.GetAsync("/Counters/Catalogue/Import")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.NotFound);
        (await desk.GetStringAsync("/Counters/Catalogue")).ShouldNotContain("/Counters/Catalogue/Import");

        var admin = await fx.SignInAsync(Admin);
        (await admin.GetStringAsync("/Counters/Catalogue")).ShouldContain("/Counters/Catalogue/Import");
        var page = await admin.GetStringAsync("/Counters/Catalogue/Import");
        page.ShouldContain("Xem trước");
        var posted = await OneStopFactory.PostFormAsync(admin, "/Counters/Catalogue/Import", "/Counters/Catalogue/Import?handler=Preview",
            new() { ["Shipped"] = "true", ["EffectiveFrom"] = "2026-12-07" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(posted.Headers.Location!.OriginalString));
        html.ShouldContain("tthc-catalog-2026-07.csv: 5670 thủ tục");
        html.ShouldContain("Thủ tục mới");
        html.ShouldContain("Xác nhận nhập");
    }
}

public sealed class PostgreSqlCatalogueImportTests(OneStopFactory factory) : CatalogueImportTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteCatalogueImportTests(SqliteOneStopFactory factory) : CatalogueImportTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
