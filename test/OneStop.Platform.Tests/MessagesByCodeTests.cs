using System.Net;
using System.Text.Json;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>
/// Messages by code (ADR 0020) in the kernel and the host: the API answers in the language of Accept-Language
/// (Vietnamese without it) with the same stable codes; framework messages (unreadable body, required fields) are ours too.
/// </summary>
public sealed class MessagesByCodeTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string InvalidAgency = "{\"code\":\"có dấu\",\"name\":\"\",\"kind\":\"unknown\"}";

    [Fact]
    public async Task A_kernel_validation_failure_is_English_for_an_English_caller_and_Vietnamese_otherwise()
    {
        var admin = await factory.SignInAsync("admin");

        var english = await ProblemAsync(admin, HttpMethod.Post, "/api/v1/platform/agencies", InvalidAgency, "en");
        english.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        english.GetProperty("title").GetString().ShouldBe("The data is not valid.");
        var errors = english.GetProperty("errors");
        errors.GetProperty("Code")[0].GetString().ShouldBe("The agency code is required: at most 32 characters, only letters without diacritics, digits and hyphens.");
        errors.GetProperty("Name")[0].GetString().ShouldBe("The agency name is required, at most 256 characters.");
        errors.GetProperty("Kind")[0].GetString().ShouldBe("The agency kind must be one of: department, vertical, service-center, one-stop-desk, post, office.");

        var vietnamese = await ProblemAsync(admin, HttpMethod.Post, "/api/v1/platform/agencies", InvalidAgency, null);
        vietnamese.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        vietnamese.GetProperty("title").GetString().ShouldBe("Dữ liệu không hợp lệ.");
        vietnamese.GetProperty("errors").GetProperty("Code")[0].GetString()
            .ShouldBe("Mã cơ quan bắt buộc, tối đa 32 ký tự, chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang.");

        // People's shared rules (PersonRules) speak English too.
        var person = await ProblemAsync(admin, HttpMethod.Post, "/api/v1/platform/users",
            "{\"login\":\"Có Dấu\",\"fullName\":\"Nguyễn Văn A\",\"membership\":{\"unitId\":\"" + Guid.NewGuid() + "\",\"roles\":[\"DeskOfficer\"]}}", "en");
        person.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        person.GetProperty("errors").GetProperty("Login")[0].GetString()!.ShouldStartWith("A login has 3–64 characters");
    }

    [Fact]
    public async Task Business_errors_of_the_kernel_follow_Accept_Language_whether_returned_or_thrown()
    {
        var admin = await factory.SignInAsync("admin");

        // Returned by the endpoint.
        var missing = await ProblemAsync(admin, HttpMethod.Get, $"/api/v1/platform/units/{Guid.NewGuid()}", null, "en", HttpStatusCode.NotFound);
        missing.GetProperty("code").GetString().ShouldBe("Platform.NotFound");
        missing.GetProperty("title").GetString().ShouldBe("No such administrative unit within your scope.");

        // Thrown (PlatformException) and written by the exception handler.
        var cursor = await ProblemAsync(admin, HttpMethod.Get, "/api/v1/platform/units?cursor=khong-hop-le!", null, "en");
        cursor.GetProperty("code").GetString().ShouldBe("Platform.InvalidCursor");
        cursor.GetProperty("title").GetString().ShouldBe("The page cursor is not valid.");
        (await ProblemAsync(admin, HttpMethod.Get, "/api/v1/platform/units?cursor=khong-hop-le!", null, null))
            .GetProperty("title").GetString().ShouldBe("Con trỏ phân trang không hợp lệ.");
    }

    [Fact]
    public async Task A_malformed_JSON_body_is_a_ProblemDetails_titled_with_our_RequestUnreadable_text()
    {
        var admin = await factory.SignInAsync("admin");

        var english = await ProblemAsync(admin, HttpMethod.Post, "/api/v1/platform/agencies", "{not json", "en");
        english.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        english.GetProperty("title").GetString().ShouldBe("The request cannot be read: check the JSON format, the data types and the Content-Type.");

        var vietnamese = await ProblemAsync(admin, HttpMethod.Post, "/api/v1/platform/agencies", "{not json", null);
        vietnamese.GetProperty("title").GetString().ShouldBe(OneStop.Platform.Localization.Messages.Text(
            new System.Globalization.CultureInfo("vi"), OneStop.Platform.Web.PlatformMessages.RequestUnreadable));
    }

    [Fact]
    public async Task The_sign_in_page_posted_empty_shows_English_required_messages_with_culture_en()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await OneStopFactory.PostFormAsync(client, "/Account/Login?culture=en", "/Account/Login?culture=en", new()
        {
            ["Input.UserName"] = "",
            ["Input.Password"] = "",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Please enter your login.");
        html.ShouldContain("Please enter your password.");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"The \w+ field is required").ShouldBeFalse(); // the framework's own text
        html.ShouldNotContain("Vui lòng nhập");
    }

    [Fact]
    public async Task The_sign_in_page_follows_the_culture_cookie_and_stays_Vietnamese_without_it()
    {
        // The language menu sets the culture cookie.
        var english = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await OneStopFactory.PostFormAsync(english, "/Account/Login", "/Account/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/Account/Login" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await (await OneStopFactory.PostFormAsync(english, "/Account/Login", "/Account/Login", new() { ["Input.UserName"] = "", ["Input.Password"] = "" }))
            .Content.ReadAsStringAsync();
        html.ShouldContain("Please enter your login.");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"The \w+ field is required").ShouldBeFalse(); // the framework's own text

        var vietnamese = factory.CreateClient(new() { AllowAutoRedirect = false });
        html = await (await OneStopFactory.PostFormAsync(vietnamese, "/Account/Login", "/Account/Login", new() { ["Input.UserName"] = "", ["Input.Password"] = "" }))
            .Content.ReadAsStringAsync();
        html.ShouldContain("Vui lòng nhập tên đăng nhập.");
        html.ShouldContain("Vui lòng nhập mật khẩu.");
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, HttpMethod method, string path, string? json, string? language,
        HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
