using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.People;

/// <summary>
/// ADR 0060: each instance keeps the permission matrix under its change version, so a grant withdrawn on one instance
/// is refused by the next request on the other, and given back the same way.
/// </summary>
public sealed class RoleGrantsAcrossInstancesTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task A_grant_changed_on_one_instance_applies_to_the_next_request_on_the_other()
    {
        await using var second = fx.AnotherInstance();
        await second.InitializeAsync();
        var system = await fx.SignInAsync("admin");
        var inspector = await second.SignInAsync("thanhtra.tinh");
        (await inspector.GetAsync("/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.GetAsync("/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK); // from its copy

        var roles = await system.GetFromJsonAsync<JsonElement>("/api/v1/platform/roles");
        var granted = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Inspector")
            .GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToList();
        try
        {
            (await system.PutAsJsonAsync("/api/v1/platform/roles/Inspector/permissions", new { permissions = granted.Where(p => p != "Platform.Audit.Read") }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            (await inspector.GetAsync("/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            (await system.PutAsJsonAsync("/api/v1/platform/roles/Inspector/permissions", new { permissions = granted })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await inspector.GetAsync("/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
