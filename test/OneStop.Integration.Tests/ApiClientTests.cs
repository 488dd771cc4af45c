using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>Third-party clients: registered per unit with scopes, secrets rotated, rate-limited, usage counted.</summary>
public sealed class ApiClientTests(ApiClientTests.Fixture fx) : IClassFixture<ApiClientTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Api:RateLimit:PermitsPerMinute", "8");
    }

    [Fact]
    public async Task A_client_registered_for_a_commune_sees_that_commune_only_and_a_rotated_secret_replaces_the_old()
    {
        var admin = await fx.SignInAsync("admin");
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/v1/platform/units/?level=commune&pageSize=200");
        var camThuong = units.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "10507").GetProperty("id").GetGuid();

        var created = await admin.PostAsJsonAsync("/api/v1/integration/clients",
            new { clientId = "phan-mem-ho-tich", displayName = "Phần mềm hộ tịch phường", unitId = camThuong, scopes = new[] { "Platform.Units.Read" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        var client = await fx.ApiClientAsync("phan-mem-ho-tich", secret);
        var seen = await client.GetFromJsonAsync<JsonElement>("/api/v1/platform/units/");
        seen.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ShouldBe(["10507"]);

        var rotated = await admin.PostAsync("/api/v1/integration/clients/phan-mem-ho-tich/rotate-secret", null);
        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        await Should.ThrowAsync<Exception>(fx.TokenAsync("phan-mem-ho-tich", secret));
        (await fx.TokenAsync("phan-mem-ho-tich", newSecret)).ShouldNotBeNullOrEmpty();

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/clients/");
        list.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "phan-mem-ho-tich").GetProperty("requestsToday").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Unknown_scopes_are_refused_and_desk_staff_cannot_register_clients()
    {
        var admin = await fx.SignInAsync("admin");
        var refused = await admin.PostAsJsonAsync("/api/v1/integration/clients", new { clientId = "x-app", displayName = "X", scopes = new[] { "Counters.Everything" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var desk = await fx.SignInAsync("motcua.camthuong");
        (await desk.PostAsJsonAsync("/api/v1/integration/clients", new { clientId = "y-app", displayName = "Y", scopes = new[] { "Platform.Units.Read" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_ProblemDetails_with_Retry_After()
    {
        var client = await fx.ApiClientAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/platform/units/summary")).StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(8);
        var limited = await client.GetAsync("/api/v1/platform/units/summary");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.RateLimited");

        // People are not limited by the client quota.
        var person = await fx.SignInAsync("lanhdao.tinh");
        (await person.GetAsync("/api/v1/platform/units/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
