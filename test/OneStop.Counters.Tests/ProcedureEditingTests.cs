using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// Procedure editing (issue 16 item 2, ADR 0028): a new version carries coded components, fees with exemptions, result
/// types and an e-form; intake uses the version valid on the reception day and checks the e-form on the server; a
/// schema that does not parse, an unknown code or an earlier date is refused in Vietnamese with nothing applied.
/// </summary>
public abstract class ProcedureEditingTests<TFactory> where TFactory : OneStopFactory
{
    private const string Admin = "admin";
    private const string Desk = "motcua.camthuong";
    private const string Citizen = "030090004321";
    private readonly TFactory fx;

    protected ProcedureEditingTests(TFactory fx)
    {
        this.fx = fx;
        fx.Clock.SetVietnamTime(2025, 3, 10, 9); // a working Monday before the 2025 reorganisation
    }

    private Task<T> Counters<T>(Func<CountersDbContext, Task<T>> query) =>
        fx.AsSystemAsync(sp => query(sp.GetRequiredService<CountersDbContext>()));

    /// <summary>A commune procedure without components of its own; each test takes its own (the class shares one database).</summary>
    private Task<string> CommuneProcedure(int nth) => Counters(db => db.Procedures
        .Where(p => p.AtCommune && !p.AtDistrict && !p.AtProvince && p.LegalTimes.Any(t => t.Channel == "DIRECT") && !p.Components.Any())
        .OrderBy(p => p.Code).Select(p => p.Code).Skip(nth).FirstAsync());

    private Task<int> VersionCount(string code) => Counters(db => db.ProcedureVersions.CountAsync(v => db.Procedures.Any(p => p.Id == v.ProcedureId && p.Code == code)));

    private static async Task<JsonElement> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private const string Schema = """
        {"type":"object","properties":{
          "noiSinh":{"type":"string","title":"Nơi sinh","maxLength":200},
          "soConThu":{"type":"integer","title":"Là con thứ mấy","minimum":1,"maximum":20}},
         "required":["noiSinh"]}
        """;

    private static object Version(string effectiveFrom, string? schema = Schema, string[]? codes = null) => new
    {
        effectiveFrom,
        reason = "Quyết định số 45/QĐ-UBND ngày 01/03/2025",
        name = "Thủ tục thử nghiệm có tờ khai điện tử",
        field = "Hộ tịch",
        levels = new[] { "commune" },
        executingAgency = "UBND cấp xã",
        onlinePartial = true,
        fullyOnline = false,
        postalAllowed = true,
        legalTimes = new[] { new { channel = "DIRECT", value = 3m, unit = "WORKING_DAY" } },
        fees = new[] { new { channel = "DIRECT", kind = "FEE", amountVnd = 8000m, exemption = "Người có công với cách mạng" } },
        components = (codes ?? ["HT-TK-KS", "CD-CCCD"]).Select((c, i) => new { documentTypeCode = c, name = (string?)null, required = i == 0, submissionForm = i == 0 ? "ORIGINAL" : "COPY" }).ToArray(),
        resultTypes = new[] { "Giấy khai sinh (bản chính)", "Bản điện tử giấy khai sinh" },
        formSchema = schema,
    };

    private static object Intake(string code, object? formData, params string[] components) => new
    {
        procedureCode = code, applicant = new { kind = "CITIZEN", identity = Citizen, name = "Nguyễn Thị Hoa" },
        components = components.Select(c => new { documentTypeCode = c }).ToArray(), formData,
    };

    [Fact]
    public async Task A_new_version_carries_coded_components_fees_results_and_an_e_form_that_intake_checks_on_the_server()
    {
        var code = await CommuneProcedure(0);
        var admin = await fx.SignInAsync(Admin);
        var created = await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions", Version("2025-03-10")), HttpStatusCode.Created);
        created.GetProperty("version").GetInt32().ShouldBeGreaterThan(1);
        created.GetProperty("onlinePartial").GetBoolean().ShouldBeTrue();
        var components = created.GetProperty("components").EnumerateArray().ToList();
        components.Select(c => c.GetProperty("documentTypeCode").GetString()).ShouldBe(["HT-TK-KS", "CD-CCCD"]);
        components[0].GetProperty("name").GetString().ShouldBe("Tờ khai đăng ký khai sinh"); // the code list's name, as none was given
        components[1].GetProperty("submissionForm").GetString().ShouldBe("COPY");
        created.GetProperty("fees")[0].GetProperty("exemption").GetString().ShouldBe("Người có công với cách mạng");
        created.GetProperty("resultTypes").GetArrayLength().ShouldBe(2);
        created.GetProperty("formSchema").GetString()!.ShouldContain("noiSinh");
        var changes = created.GetProperty("versions")[0].GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ToList();
        changes.ShouldContain("components");
        changes.ShouldContain("form");

        var desk = await fx.SignInAsync(Desk);
        // The required e-form field is missing: refused, in Vietnamese, naming the field.
        var missing = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, null, "HT-TK-KS")), HttpStatusCode.BadRequest);
        missing.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormDataInvalid);
        missing.GetProperty("errors").GetProperty("Form.noiSinh")[0].GetString()!.ShouldContain("Nơi sinh");
        // A number out of range is refused too.
        var range = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, new { noiSinh = "Hải Dương", soConThu = 40 }, "HT-TK-KS")), HttpStatusCode.BadRequest);
        range.GetProperty("errors").GetProperty("Form.soConThu")[0].GetString()!.ShouldContain("Là con thứ mấy");
        // The version's components are checked: the required form is missing.
        (await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, new { noiSinh = "Hải Dương" }, "CD-CCCD")), HttpStatusCode.BadRequest))
            .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ComponentsIncomplete);

        var dossier = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, new { noiSinh = "Bệnh viện Đa khoa Hải Dương", soConThu = 2 }, "HT-TK-KS", "CD-CCCD")), HttpStatusCode.Created);
        dossier.GetProperty("formData").GetProperty("noiSinh").GetString().ShouldBe("Bệnh viện Đa khoa Hải Dương");
        dossier.GetProperty("formData").GetProperty("soConThu").GetInt32().ShouldBe(2);
        dossier.GetProperty("feeVnd").GetDecimal().ShouldBe(8000m);
        dossier.GetProperty("procedureVersion").GetInt32().ShouldBe(created.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_dossier_uses_the_version_valid_on_its_reception_day()
    {
        var code = await CommuneProcedure(1);
        var admin = await fx.SignInAsync(Admin);
        await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions", Version("2025-03-10", schema: null, codes: ["HT-TK-KS"])), HttpStatusCode.Created);
        // From 17/03 the e-form and a second required component apply.
        var later = await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions", Version("2025-03-17", codes: ["YT-GCS", "HT-TK-KS"])), HttpStatusCode.Created);
        later.GetProperty("components").GetArrayLength().ShouldBe(2); // shown as on its own date
        var desk = await fx.SignInAsync(Desk);
        var before = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, null, "HT-TK-KS")), HttpStatusCode.Created);
        before.GetProperty("formData").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Body(await admin.GetAsync($"/api/v1/counters/catalogue/procedures/{code}?on=2025-03-10"), HttpStatusCode.OK))
            .GetProperty("components").EnumerateArray().Select(c => c.GetProperty("documentTypeCode").GetString()).ShouldBe(["HT-TK-KS"]);

        fx.Clock.SetVietnamTime(2025, 3, 17, 9);
        desk = await fx.SignInAsync(Desk);
        (await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, null, "HT-TK-KS")), HttpStatusCode.BadRequest))
            .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ComponentsIncomplete);
        var after = await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(code, new { noiSinh = "Hải Phòng" }, "YT-GCS", "HT-TK-KS")), HttpStatusCode.Created);
        after.GetProperty("procedureVersion").GetInt32().ShouldBeGreaterThan(before.GetProperty("procedureVersion").GetInt32());
        // The first dossier keeps what it was received with.
        var first = await Body(await desk.GetAsync($"/api/v1/counters/dossiers/{before.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
        first.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("documentTypeCode").GetString()).ShouldBe(["HT-TK-KS"]);
    }

    [Fact]
    public async Task A_schema_that_does_not_parse_an_unknown_code_or_an_earlier_date_is_refused_in_Vietnamese_with_nothing_applied()
    {
        var code = await CommuneProcedure(2);
        var admin = await fx.SignInAsync(Admin);
        var versions = await VersionCount(code);
        var name = await Counters(db => db.Procedures.Where(p => p.Code == code).Select(p => p.Name).FirstAsync());

        var notJson = await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions",
            Version("2025-03-10", schema: """{"type":"object","properties":{"noiSinh":{"type":"string","title":"Nơi sinh"}""")), HttpStatusCode.BadRequest);
        notJson.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormSchemaInvalid);
        notJson.GetProperty("title").GetString()!.ShouldContain("chưa lưu gì");
        notJson.GetProperty("errors").GetProperty("FormSchema")[0].GetString()!.ShouldContain("JSON");

        var unsupported = await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions",
            Version("2025-03-10", schema: """{"type":"object","properties":{"con":{"type":"array","title":"Các con"}}}""")), HttpStatusCode.BadRequest);
        unsupported.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.FormSchemaInvalid);

        var unknown = await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions",
            Version("2025-03-10", codes: ["HT-TK-KS", "KHONG-CO-MA-NAY"])), HttpStatusCode.BadRequest);
        unknown.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ComponentDocumentTypeUnknown);
        unknown.GetProperty("errors").GetProperty("Components")[0].GetString().ShouldBe("Mã loại giấy tờ “KHONG-CO-MA-NAY” không có trong danh mục.");

        var noReason = await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions",
            new { effectiveFrom = "2025-03-10", reason = "", name = "X", levels = new[] { "commune" } }), HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()).ShouldContain(m => m!.Contains("căn cứ"));

        (await VersionCount(code)).ShouldBe(versions);
        (await Counters(db => db.Procedures.Where(p => p.Code == code).Select(p => p.Name).FirstAsync())).ShouldBe(name);

        await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions", Version("2025-03-12")), HttpStatusCode.Created);
        (await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions", Version("2025-03-11")), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ProcedureVersionOutOfOrder);
        (await VersionCount(code)).ShouldBe(versions + 1);

        // A desk officer may not edit the catalogue.
        var desk = await fx.SignInAsync(Desk);
        (await desk.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions", Version("2025-03-20"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_procedure_the_catalogue_lacks_is_added_by_hand_and_received_while_bad_codes_are_refused()
    {
        var admin = await fx.SignInAsync(Admin);
        var created = await Body(await admin.PostAsJsonAsync("/api/v1/counters/catalogue/procedures?code=HP.000123", Version("2025-03-10", schema: null)), HttpStatusCode.Created);
        created.GetProperty("code").GetString().ShouldBe("HP.000123");
        created.GetProperty("version").GetInt32().ShouldBe(1);
        created.GetProperty("versions")[0].GetProperty("sourceKind").GetString().ShouldBe("manual");
        (await Body(await admin.PostAsJsonAsync("/api/v1/counters/catalogue/procedures?code=HP.000123", Version("2025-03-10", schema: null)), HttpStatusCode.Conflict))
            .GetProperty("title").GetString().ShouldBe("Mã thủ tục “HP.000123” đã có trong danh mục.");
        (await Body(await admin.PostAsJsonAsync("/api/v1/counters/catalogue/procedures?code=a b", Version("2025-03-10", schema: null)), HttpStatusCode.BadRequest))
            .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ProcedureCodeInvalid);
        (await Body(await admin.PostAsJsonAsync("/api/v1/counters/catalogue/procedures?code=HP.000124",
            new { effectiveFrom = "2025-03-10", reason = "QĐ 1", name = "Không có thời hạn", levels = new[] { "commune" } }), HttpStatusCode.BadRequest))
            .GetProperty("code").GetString().ShouldBe(CountersErrorCodes.LegalTimeUnknown);
        (await Counters(db => db.Procedures.AnyAsync(p => p.Code == "HP.000124"))).ShouldBeFalse();

        var desk = await fx.SignInAsync(Desk);
        await Body(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake("HP.000123", null, "HT-TK-KS")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Editing_the_description_in_place_makes_a_version_and_keeps_the_components()
    {
        var code = await CommuneProcedure(3);
        var admin = await fx.SignInAsync(Admin);
        await Body(await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}/versions", Version("2025-03-10", schema: null)), HttpStatusCode.Created);
        var versions = await VersionCount(code);
        var edited = await Body(await admin.PutAsJsonAsync($"/api/v1/counters/catalogue/procedures/{code}", new
        {
            name = "Tên đã sửa", field = "Hộ tịch", levels = new[] { "commune" }, executingAgency = "UBND cấp xã", fullyOnline = false, postalAllowed = true,
        }), HttpStatusCode.OK);
        edited.GetProperty("name").GetString().ShouldBe("Tên đã sửa");
        edited.GetProperty("components").GetArrayLength().ShouldBe(2);
        edited.GetProperty("fees")[0].GetProperty("exemption").GetString().ShouldBe("Người có công với cách mạng");
        (await VersionCount(code)).ShouldBe(versions + 1);
    }
}

public sealed class PostgreSqlProcedureEditingTests(OneStopFactory factory)
    : ProcedureEditingTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteProcedureEditingTests(SqliteOneStopFactory factory)
    : ProcedureEditingTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
