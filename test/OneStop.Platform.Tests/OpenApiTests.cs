using System.Text.Json;
using Microsoft.OpenApi;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

public sealed class OpenApiTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task OpenApi_document_is_valid_OpenAPI_3_and_lists_the_api()
    {
        var client = factory.CreateClient();
        await using var stream = await client.GetStreamAsync("/openapi/v1.json");
        var result = await OpenApiDocument.LoadAsync(stream, "json");

        result.Diagnostic!.Errors.ShouldBeEmpty();
        result.Diagnostic.SpecificationVersion.ToString().ShouldStartWith("OpenApi3");
        result.Document!.Paths.Keys.ShouldContain("/api/v1/platform/units");
        result.Document.Paths.Keys.ShouldAllBe(p => p.StartsWith("/api/v1/"));
    }

    [Fact]
    public async Task Scalar_reference_is_served()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/scalar");
        html.ShouldContain("OneStop.Platform API");
    }

    [Fact]
    public async Task Health_checks_report_live_and_ready()
    {
        var client = factory.CreateClient();
        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        var ready = await client.GetAsync("/health/ready");
        var report = await ready.Content.ReadAsStringAsync();
        ready.IsSuccessStatusCode.ShouldBeTrue(report);
        JsonDocument.Parse(report).RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Validation_errors_are_ProblemDetails_with_field_messages_in_Vietnamese()
    {
        var admin = await factory.SignInAsync("admin");
        var response = await admin.PostAsync("/api/v1/platform/agencies",
            new StringContent("{\"code\":\"có dấu\",\"name\":\"\",\"kind\":\"unknown\"}", System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).ShouldBe(400);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("Code")[0].GetString()!.ShouldContain("Mã cơ quan");
        errors.GetProperty("Name")[0].GetString()!.ShouldContain("Tên cơ quan");
        errors.GetProperty("Kind")[0].GetString()!.ShouldContain("Loại cơ quan");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_ProblemDetails()
    {
        var admin = await factory.SignInAsync("admin");
        var response = await admin.PostAsync("/api/v1/platform/agencies",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).ShouldBe(400);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_tampered_cursor_is_a_400_with_its_own_code()
    {
        var client = await factory.ApiClientAsync();
        var response = await client.GetAsync("/api/v1/platform/units?cursor=khong-hop-le!");
        ((int)response.StatusCode).ShouldBe(400, (await response.Content.ReadAsStringAsync())[..Math.Min(3000, (int)(response.Content.Headers.ContentLength ?? 3000))]);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString().ShouldBe("Platform.InvalidCursor");
    }

    [Fact]
    public async Task Keyset_pages_walk_every_unit_exactly_once()
    {
        var client = await factory.ApiClientAsync();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/platform/units?pageSize=37{(cursor is null ? "" : "&cursor=" + cursor)}")).RootElement;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.Count.ShouldBe(248);
        seen.Distinct().Count().ShouldBe(248);
    }
}
