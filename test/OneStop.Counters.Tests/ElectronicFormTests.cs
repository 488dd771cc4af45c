using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;
using OneStop.Counters.Domain.Catalogue.ElectronicForms;

namespace OneStop.Counters.Tests;

/// <summary>
/// The e-form engine (biểu mẫu điện tử) of a procedure version, pure: the supported JSON Schema subset read into fields
/// or refused with a message, filled data checked with Vietnamese (and English) messages naming the field, page inputs
/// to typed JSON and back, and the editor's add-a-field helper. No database.
/// </summary>
public sealed class ElectronicFormTests
{
    private const string BirthForm = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Tờ khai đăng ký khai sinh",
          "type": "object",
          "properties": {
            "hoTen": { "title": "Họ và tên", "type": "string", "maxLength": 100, "minLength": 2 },
            "ghiChu": { "title": "Ghi chú", "description": "Nếu có", "type": "string", "maxLength": 2000 },
            "ngaySinh": { "title": "Ngày sinh", "type": "string", "format": "date" },
            "email": { "title": "Thư điện tử", "type": "string", "format": "email" },
            "soCon": { "title": "Số con", "type": "integer", "minimum": 1, "maximum": 10 },
            "canNang": { "title": "Cân nặng (kg)", "type": "number", "minimum": 0.5 },
            "camKet": { "title": "Tôi cam đoan", "type": "boolean" },
            "gioiTinh": { "title": "Giới tính", "type": "string", "enum": ["Nam", "Nữ"] },
            "maSo": { "title": "Mã số", "type": "string", "pattern": "^[0-9]{4}$" }
          },
          "required": ["hoTen", "ngaySinh", "gioiTinh"],
          "additionalProperties": false
        }
        """;

    private static ElectronicForm Form(string text = BirthForm)
    {
        ElectronicForm.TryParse(text, out var form, out var errors).ShouldBeTrue(string.Join(" | ", errors));
        return form;
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Valid() => new()
    {
        ["hoTen"] = "Nguyễn Văn An", ["ngaySinh"] = "2024-02-29", ["gioiTinh"] = "Nam", ["soCon"] = 2, ["canNang"] = 3.2m,
        ["email"] = "an@example.vn", ["camKet"] = true, ["maSo"] = "0123",
    };

    [Fact]
    public void A_valid_schema_gives_its_fields_in_order_with_their_types()
    {
        using var culture = Culture.Vietnamese();
        var form = Form();

        form.IsNone.ShouldBeFalse();
        form.SchemaText!.ShouldContain("\n");
        form.SchemaText!.ShouldContain("Họ và tên"); // readable, not \u-escaped
        form.Fields.Select(f => (f.Key, f.Type)).ShouldBe([
            ("hoTen", "text"), ("ghiChu", "longtext"), ("ngaySinh", "date"), ("email", "email"), ("soCon", "integer"),
            ("canNang", "number"), ("camKet", "boolean"), ("gioiTinh", "choice"), ("maSo", "text")]);
        var hoTen = form.Fields[0];
        hoTen.Title.ShouldBe("Họ và tên");
        hoTen.Required.ShouldBeTrue();
        hoTen.MaxLength.ShouldBe(100);
        form.Fields[1].Description.ShouldBe("Nếu có");
        form.Fields[1].Required.ShouldBeFalse();
        form.Fields[4].Minimum.ShouldBe(1m);
        form.Fields[4].Maximum.ShouldBe(10m);
        form.Fields[5].Minimum.ShouldBe(0.5m);
        form.Fields[7].Options.ShouldBe(["Nam", "Nữ"]);
        ElectronicFormFieldTypes.All.ShouldContain(ElectronicFormFieldTypes.LongText);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n")]
    public void No_schema_text_is_a_version_without_an_eform(string? text)
    {
        ElectronicForm.TryParse(text, out var form, out var errors).ShouldBeTrue();
        errors.ShouldBeEmpty();
        form.ShouldBeSameAs(ElectronicForm.None);
        form.IsNone.ShouldBeTrue();
        form.SchemaText.ShouldBeNull();
        form.Fields.ShouldBeEmpty();
        form.Validate(new JsonObject { ["x"] = 1 }).ShouldBeEmpty();
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused_naming_the_line()
    {
        using var culture = Culture.Vietnamese();
        ElectronicForm.TryParse("{\n  \"type\": \"object\",\n  \"properties\": { oops }\n}", out var form, out var errors).ShouldBeFalse();

        form.IsNone.ShouldBeTrue();
        errors.Count.ShouldBe(1);
        errors[0].ShouldContain("JSON");
        errors[0].ShouldContain("dòng 3");
    }

    [Fact]
    public void An_array_property_is_refused_as_not_supported()
    {
        using var culture = Culture.Vietnamese();
        const string text = """{"type":"object","properties":{"con":{"title":"Các con","type":"array","items":{"type":"string"}}}}""";

        ElectronicForm.TryParse(text, out _, out var errors).ShouldBeFalse();

        errors.ShouldHaveSingleItem().ShouldBe("Trường \"con\": không hỗ trợ kiểu \"array\" (đối tượng lồng nhau, mảng); chỉ hỗ trợ string, integer, number, boolean.");
    }

    [Theory]
    [InlineData("""[1, 2]""", "kiểu đối tượng")]
    [InlineData("""{"type":"object","properties":{"diaChi":{"title":"Địa chỉ","type":"object","properties":{}}}}""", "\"diaChi\": không hỗ trợ kiểu \"object\"")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/x","title":"A","type":"string"}}}""", "\"a\": không hỗ trợ từ khóa \"$ref\"")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"date"}}}""", "\"a\": không hỗ trợ kiểu \"date\"")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}}}""", "\"a\": thiếu tiêu đề")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A"}}}""", "\"a\": thiếu kiểu dữ liệu")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"string","format":"uri"}}}""", "không hỗ trợ định dạng \"uri\"")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"integer","minimum":5,"maximum":1}}}""", "\"a\": giới hạn dưới lớn hơn giới hạn trên")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"string","pattern":"(["}}}""", "giá trị của \"pattern\"")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"string","enum":[]}}}""", "giá trị của \"enum\"")]
    [InlineData("""{"type":"object","properties":{"A b":{"title":"A","type":"string"}}}""", "Mã trường \"A b\" không hợp lệ")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"string"}},"required":["b"]}""", "trường \"b\" không có trong \"properties\"")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"string"}},"allOf":[]}""", "không hỗ trợ từ khóa \"allOf\" ở gốc")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"a":{"title":"A","type":"string"}}}""", "draft 2020-12")]
    [InlineData("""{"type":"object","properties":{}}""", "chưa có trường nào")]
    [InlineData("""{"type":"object","properties":{"a":{"title":"A","type":"string","title":"B"}}}""", "không phải JSON hợp lệ (lỗi ở dòng 1")]
    public void Outside_the_supported_subset_is_refused_with_a_message_saying_what(string text, string expected)
    {
        using var culture = Culture.Vietnamese();
        ElectronicForm.TryParse(text, out var form, out var errors).ShouldBeFalse();
        form.IsNone.ShouldBeTrue();
        errors.ShouldContain(e => e.Contains(expected), string.Join(" | ", errors));
    }

    [Fact]
    public void More_than_sixty_fields_or_a_too_long_text_is_refused()
    {
        using var culture = Culture.Vietnamese();
        var properties = new JsonObject();
        for (var i = 0; i < 61; i++)
        {
            properties[$"f{i}"] = new JsonObject { ["title"] = $"Trường {i}", ["type"] = "string" };
        }

        ElectronicForm.TryParse(new JsonObject { ["type"] = "object", ["properties"] = properties }.ToJsonString(), out _, out var errors).ShouldBeFalse();
        errors.ShouldHaveSingleItem().ShouldBe("Biểu mẫu điện tử có tối đa 60 trường.");

        ElectronicForm.TryParse(new string(' ', 100) + "{" + new string(' ', 32_000) + "}", out _, out errors).ShouldBeFalse();
        errors.ShouldHaveSingleItem().ShouldBe("Biểu mẫu điện tử dài tối đa 32000 ký tự.");
    }

    [Fact]
    public void Valid_data_has_no_errors_and_null_counts_as_absent()
    {
        using var culture = Culture.Vietnamese();
        var form = Form();
        form.Validate(Valid()).ShouldBeEmpty();

        var withNull = Valid();
        withNull["ghiChu"] = null;
        form.Validate(withNull).ShouldBeEmpty();
    }

    [Fact]
    public void Missing_required_fields_are_named_by_their_title()
    {
        using var culture = Culture.Vietnamese();
        var errors = Form().Validate(null);

        errors.Keys.ShouldBe(["hoTen", "ngaySinh", "gioiTinh"]);
        errors["hoTen"].ShouldBe(["Họ và tên: bắt buộc nhập."]);
        errors["gioiTinh"].ShouldBe(["Giới tính: bắt buộc nhập."]);
    }

    [Fact]
    public void Wrong_types_ranges_options_dates_and_lengths_are_named_by_their_title()
    {
        using var culture = Culture.Vietnamese();
        var data = Valid();
        data["soCon"] = "hai";
        data["canNang"] = 0.1m;
        data["gioiTinh"] = "Khác";
        data["ngaySinh"] = "2023-02-29";
        data["email"] = "không phải thư";
        data["hoTen"] = "A";
        data["maSo"] = "12a4";
        data["camKet"] = "có";

        var errors = Form().Validate(data);

        errors["soCon"].ShouldBe(["Số con: phải là số nguyên."]);
        errors["canNang"].ShouldBe(["Cân nặng (kg): không được nhỏ hơn 0,5."]);
        errors["gioiTinh"].ShouldBe(["Giới tính: chọn một trong: Nam, Nữ."]);
        errors["ngaySinh"].ShouldBe(["Ngày sinh: ngày không hợp lệ."]);
        errors["email"].ShouldBe(["Thư điện tử: địa chỉ thư điện tử không hợp lệ."]);
        errors["hoTen"].ShouldBe(["Họ và tên: tối thiểu 2 ký tự."]);
        errors["maSo"].ShouldBe(["Mã số: không đúng định dạng yêu cầu."]);
        errors["camKet"].ShouldBe(["Tôi cam đoan: phải là có hoặc không."]);
        errors.Keys.ShouldNotContain("ghiChu");
    }

    [Fact]
    public void Above_the_maximum_too_long_and_unknown_values_are_reported()
    {
        using var culture = Culture.Vietnamese();
        var data = Valid();
        data["soCon"] = 11;
        data["hoTen"] = new string('x', 101);
        data["ngoaiLe"] = "?";

        var errors = Form().Validate(data);

        errors["soCon"].ShouldBe(["Số con: không được lớn hơn 10."]);
        errors["hoTen"].ShouldBe(["Họ và tên: tối đa 100 ký tự."]);
        errors["ngoaiLe"].ShouldBe(["Tờ khai điện tử không có trường \"ngoaiLe\"."]);
    }

    [Fact]
    public void An_English_reader_gets_English_messages()
    {
        using var culture = Culture.English();
        Form().Validate(null)["hoTen"].ShouldBe(["Họ và tên: required."]);
        ElectronicForm.TryParse("{", out _, out var errors).ShouldBeFalse();
        errors.ShouldHaveSingleItem().ShouldStartWith("The electronic form is not valid JSON");
    }

    [Fact]
    public void Page_inputs_become_typed_JSON_in_invariant_and_Vietnamese_notation()
    {
        using var culture = Culture.Vietnamese();
        var form = Form();
        var data = form.FromInputs(new Dictionary<string, string?>
        {
            ["hoTen"] = "  Nguyễn Văn An ",
            ["ghiChu"] = "   ",
            ["ngaySinh"] = "29/02/2024",
            ["soCon"] = "1.000",
            ["canNang"] = "1.000,5",
            ["camKet"] = "on",
            ["gioiTinh"] = "Nữ",
            ["khongCo"] = "bỏ qua",
        }, out var errors);

        errors.ShouldBeEmpty();
        data.ToJsonString(Readable).ShouldBe("""{"hoTen":"Nguyễn Văn An","ngaySinh":"2024-02-29","soCon":1000,"canNang":1000.5,"camKet":true,"gioiTinh":"Nữ"}""",
            customMessage: data.ToJsonString(ElectronicForm.Indented));

        Number(form, "3.25").ShouldBe("3.25");     // what a number input posts
        Number(form, "3,25").ShouldBe("3.25");     // Vietnamese decimal comma
        Number(form, "1,000.5").ShouldBe("1000.5"); // invariant thousands
        Number(form, "2.50").ShouldBe("2.5");
        form.FromInputs(new Dictionary<string, string?> { ["camKet"] = "true" }, out _)["camKet"]!.GetValue<bool>().ShouldBeTrue();
    }

    private static string Number(ElectronicForm form, string input)
    {
        var data = form.FromInputs(new Dictionary<string, string?> { ["canNang"] = input }, out var errors);
        errors.ShouldBeEmpty();
        return data["canNang"]!.ToJsonString();
    }

    [Fact]
    public void Values_that_cannot_be_converted_are_reported_and_left_out()
    {
        using var culture = Culture.Vietnamese();
        var data = Form().FromInputs(new Dictionary<string, string?>
        {
            ["hoTen"] = "An",
            ["soCon"] = "2,5",
            ["canNang"] = "ba cân",
            ["camKet"] = "có lẽ",
            ["ngaySinh"] = "30/02/2024",
        }, out var errors);

        data.Select(kv => kv.Key).ShouldBe(["hoTen"]);
        errors["soCon"].ShouldBe(["Số con: phải là số nguyên."]);
        errors["canNang"].ShouldBe(["Cân nặng (kg): phải là số."]);
        errors["camKet"].ShouldBe(["Tôi cam đoan: phải là có hoặc không."]);
        errors["ngaySinh"].ShouldBe(["Ngày sinh: ngày không hợp lệ."]);
    }

    [Fact]
    public void Inputs_round_trip_through_typed_JSON()
    {
        using var culture = Culture.Vietnamese();
        var form = Form();
        var inputs = new Dictionary<string, string?>
        {
            ["hoTen"] = "Trần Thị Bình", ["ghiChu"] = "Dòng 1\nDòng 2", ["ngaySinh"] = "2020-01-31", ["email"] = "binh@example.vn",
            ["soCon"] = "3", ["canNang"] = "2.75", ["camKet"] = "true", ["gioiTinh"] = "Nữ", ["maSo"] = "0042",
        };

        var data = form.FromInputs(inputs, out var errors);
        errors.ShouldBeEmpty();
        form.Validate(data).ShouldBeEmpty();

        var back = form.ToInputs(data);
        back.ShouldBe(inputs, ignoreOrder: true);
        form.ToInputs(null).Values.ShouldAllBe(v => v == null);
        form.ToInputs(new JsonObject { ["camKet"] = false })["camKet"].ShouldBe("false");
    }

    [Fact]
    public void The_editor_adds_fields_to_a_new_or_existing_schema()
    {
        using var culture = Culture.Vietnamese();
        ElectronicFormSchema.TryAddField(null, "hoTen", " Họ và tên ", "text", true, null, out var text, out var errors).ShouldBeTrue(string.Join(" | ", errors));
        ElectronicFormSchema.TryAddField(text, "gioiTinh", "Giới tính", "choice", false, ["Nam", " Nữ ", "", "Nam"], out text, out errors).ShouldBeTrue();
        foreach (var (key, type) in new[] { ("ghiChu", "longtext"), ("ngaySinh", "date"), ("email", "email"), ("soCon", "integer"), ("canNang", "number"), ("camKet", "boolean") })
        {
            ElectronicFormSchema.TryAddField(text, key, key, type, key == "ngaySinh", null, out text, out errors).ShouldBeTrue(string.Join(" | ", errors));
        }

        var form = Form(text);
        form.SchemaText.ShouldBe(text);
        form.SchemaText!.ShouldContain(ElectronicForm.Draft202012);
        form.Fields.Select(f => (f.Key, f.Type, f.Required)).ShouldBe([
            ("hoTen", "text", true), ("gioiTinh", "choice", false), ("ghiChu", "longtext", false), ("ngaySinh", "date", true),
            ("email", "email", false), ("soCon", "integer", false), ("canNang", "number", false), ("camKet", "boolean", false)]);
        form.Fields[0].Title.ShouldBe("Họ và tên");
        form.Fields[0].MaxLength.ShouldBe(500);
        form.Fields[1].Options.ShouldBe(["Nam", "Nữ"]);
        form.Validate(null).Keys.ShouldBe(["hoTen", "ngaySinh"]);
    }

    [Theory]
    [InlineData("HoTen", "Họ tên", "text", "Mã trường \"HoTen\" không hợp lệ")]
    [InlineData("ho ten", "Họ tên", "text", "Mã trường \"ho ten\" không hợp lệ")]
    [InlineData("hoTen", "Khác", "text", "Biểu mẫu đã có trường mã \"hoTen\".")]
    [InlineData("diaChi", "  ", "text", "Nhập tiêu đề (nhãn) của trường.")]
    [InlineData("diaChi", "Địa chỉ", "address", "Loại trường \"address\" không hợp lệ; chọn một trong: text, longtext, date, email, integer, number, boolean, choice.")]
    [InlineData("loai", "Loại", "choice", "Trường lựa chọn cần ít nhất một phương án.")]
    public void The_editor_refuses_a_bad_field(string key, string title, string type, string expected)
    {
        using var culture = Culture.Vietnamese();
        ElectronicFormSchema.TryAddField(null, "hoTen", "Họ và tên", "text", true, null, out var text, out _).ShouldBeTrue();

        ElectronicFormSchema.TryAddField(text, key, title, type, false, ["  "], out var unchanged, out var errors).ShouldBeFalse();

        errors.ShouldContain(e => e.StartsWith(expected), string.Join(" | ", errors));
        unchanged.ShouldBe(text);
    }

    [Fact]
    public void The_editor_refuses_a_sixty_first_field_and_a_schema_that_does_not_parse()
    {
        using var culture = Culture.Vietnamese();
        string? text = null;
        for (var i = 0; i < ElectronicForm.MaxFields; i++)
        {
            ElectronicFormSchema.TryAddField(text, $"f{i}", $"Trường {i}", "text", false, null, out var next, out var errors).ShouldBeTrue(string.Join(" | ", errors));
            text = next;
        }

        ElectronicFormSchema.TryAddField(text, "thua", "Thừa", "text", false, null, out _, out var refused).ShouldBeFalse();
        refused.ShouldHaveSingleItem().ShouldBe("Biểu mẫu điện tử có tối đa 60 trường.");

        ElectronicFormSchema.TryAddField("{ not json", "a", "A", "text", false, null, out _, out refused).ShouldBeFalse();
        refused.ShouldHaveSingleItem().ShouldContain("JSON");
    }

    [Fact]
    public async Task The_partial_renders_one_labelled_input_per_field_with_its_value_and_errors()
    {
        using var culture = Culture.Vietnamese();
        var form = Form();
        var values = new Dictionary<string, string?> { ["hoTen"] = "An & Bình", ["gioiTinh"] = "Nữ", ["camKet"] = "true", ["soCon"] = "2" };
        var errors = new Dictionary<string, string[]> { ["ngaySinh"] = ["Ngày sinh: bắt buộc nhập."] };

        var html = await Render(new ElectronicFormFieldsModel(form, values, "Input.Form", errors));

        html.ShouldContain("<legend class=\"h5\">EForm.Legend</legend>");
        html.ShouldContain("<label class=\"form-label\" for=\"eform-hoTen\">Họ và tên<span class=\"text-danger\" aria-hidden=\"true\"> *</span>");
        html.ShouldContain("id=\"eform-hoTen\" name=\"Input.Form[hoTen]\" value=\"An &amp; B");
        html.ShouldContain("data-testid=\"eform-hoTen\"");
        html.ShouldContain("maxlength=\"100\"");
        html.ShouldContain("<textarea class=\"form-control\" id=\"eform-ghiChu\" name=\"Input.Form[ghiChu]\" rows=\"4\"");
        html.ShouldContain("<div class=\"form-text\" id=\"eform-ghiChu-help\">N");
        html.ShouldContain("type=\"date\" id=\"eform-ngaySinh\"");
        html.ShouldContain("class=\"form-control is-invalid\" type=\"date\"");
        html.ShouldContain("data-testid=\"eform-error-ngaySinh\"");
        html.ShouldContain("type=\"email\" id=\"eform-email\"");
        html.ShouldContain("type=\"number\" id=\"eform-soCon\" name=\"Input.Form[soCon]\" value=\"2\"");
        html.ShouldContain("step=\"1\" min=\"1\" max=\"10\"");
        html.ShouldContain("step=\"any\" min=\"0.5\"");
        html.ShouldContain("type=\"checkbox\" id=\"eform-camKet\" name=\"Input.Form[camKet]\" value=\"true\" data-testid=\"eform-camKet\" checked=\"checked\"");
        html.ShouldContain("<option value=\"\">EForm.ChooseOption</option>");
        html.ShouldContain("<option value=\"Nữ\" selected=\"selected\">Nữ</option>");
        html.ShouldNotContain("eform-error-hoTen");

        (await Render(new ElectronicFormFieldsModel(ElectronicForm.None, new Dictionary<string, string?>(), "Input.Form", null))).Trim().ShouldBeEmpty();
    }

    /// <summary>Renders the partial from the module's compiled views (labels are their keys: no JSON localizer here).</summary>
    private static async Task<string> Render(ElectronicFormFieldsModel model)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddRazorPages().AddApplicationPart(typeof(CountersModule).Assembly);
        builder.Services.AddLocalization();
        // As the host does: Vietnamese letters as they are, not &#x…; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var engine = scope.ServiceProvider.GetRequiredService<IRazorViewEngine>();
        var view = engine.GetView(null, "/Areas/Counters/Pages/Shared/_ElectronicFormFields.cshtml", isMainPage: false).EnsureSuccessful(null).View;
        var viewData = new ViewDataDictionary<ElectronicFormFieldsModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = scope.ServiceProvider.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        await using var writer = new StringWriter();
        await view!.RenderAsync(new ViewContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), view, viewData, tempData, writer, new HtmlHelperOptions()));
        return System.Text.RegularExpressions.Regex.Replace(writer.ToString(), @"\s+", " "); // one space between attributes and tags
    }

    /// <summary>Sets the reader's language for one test (messages follow CurrentUICulture) and puts it back.</summary>
    private sealed class Culture : IDisposable
    {
        private readonly (CultureInfo, CultureInfo) _previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        private Culture(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

        public static Culture Vietnamese() => new("vi-VN");

        public static Culture English() => new("en-GB");

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _previous;
    }
}
