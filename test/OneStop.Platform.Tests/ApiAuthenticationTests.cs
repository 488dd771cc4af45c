using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Platform.Identity;
using OneStop.Platform.Permissions;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>Third-party systems: client-credentials tokens, scopes as permissions, 401/403 as ProblemDetails.</summary>
public sealed class ApiAuthenticationTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Client_credentials_token_opens_a_protected_endpoint_in_the_clients_unit()
    {
        var client = await factory.ApiClientAsync();
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("unitPath").GetString().ShouldBe("/30/");

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/platform/units?level=district&pageSize=50");
        page.GetProperty("items").GetArrayLength().ShouldBe(12);
    }

    [Fact]
    public async Task No_token_gives_401_ProblemDetails_with_a_stable_code()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/api/v1/platform/units");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("code").GetString().ShouldBe("Platform.Unauthenticated");
    }

    [Fact]
    public async Task A_forged_token_gives_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        var response = await client.GetAsync("/api/v1/platform/units");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ApiClientRegistrar.DemoClientId, ["client_secret"] = "sai",
        }));
        response.IsSuccessStatusCode.ShouldBeFalse();
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task A_scope_not_granted_to_the_client_is_refused()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ApiClientRegistrar.DemoClientId,
            ["client_secret"] = ApiClientRegistrar.DemoClientSecret, ["scope"] = PlatformPermissions.UnitsManage,
        }));
        response.IsSuccessStatusCode.ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_without_the_permission_gets_403_ProblemDetails()
    {
        var client = await factory.ApiClientAsync();
        var response = await client.PostAsJsonAsync("/api/v1/platform/agencies", new { code = "X1", name = "Thử", kind = "department" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.Forbidden");
    }

    [Fact]
    public async Task Signed_in_people_get_401_not_a_login_redirect_on_the_api()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/api/v1/me");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
