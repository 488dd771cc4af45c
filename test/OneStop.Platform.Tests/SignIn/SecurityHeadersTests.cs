using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.SignIn;

/// <summary>Browser protections on every page, and the API refusing cookie-carried changes sent from another site.</summary>
public sealed class SecurityHeadersTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Every_page_route_answers_with_the_security_headers()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + string.Join('/', (e.RoutePattern.RawText ?? "").Split('/').Where(s => !(s.StartsWith('{') && s.EndsWith("?}")))))
            .Where(r => !r.Contains('{')) // pages that need an id are reached with one in their own tests
            .Distinct().Order().ToList();
        routes.Count.ShouldBeGreaterThan(30);
        routes.ShouldContain("/Account/ChangePassword");

        var client = await factory.SignInAsync("admin");
        var missing = new List<string>();
        foreach (var route in routes.Where(r => !r.StartsWith("/Account/Logout")))
        {
            using var response = await client.GetAsync(route);
            var headers = response.Headers;
            var csp = response.Headers.TryGetValues("Content-Security-Policy", out var v) ? string.Join(",", v) : "";
            if (!csp.Contains("frame-ancestors 'none'") || !csp.Contains("object-src 'none'") || csp.Contains("script-src 'self' 'unsafe-inline'")
                || !Has(response, "X-Content-Type-Options", "nosniff") || !Has(response, "X-Frame-Options", "DENY")
                || !Has(response, "Referrer-Policy", "strict-origin-when-cross-origin") || (int)response.StatusCode >= 500)
            {
                missing.Add($"{route} {(int)response.StatusCode} {csp}");
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_API_reference_and_the_jobs_dashboard_still_render_under_their_looser_policy()
    {
        var client = await factory.SignInAsync("admin");
        foreach (var page in new[] { "/scalar", "/jobs" })
        {
            var response = await client.GetAsync(page);
            if (response.StatusCode == HttpStatusCode.Found)
            {
                response = await client.GetAsync(response.Headers.Location); // Scalar's page lives at /scalar/
            }

            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("frame-ancestors 'none'");
            csp.ShouldContain("script-src 'self' 'unsafe-inline'");
        }
    }

    [Fact]
    public async Task Pages_run_only_their_own_inline_script_by_nonce()
    {
        var leader = await factory.SignInAsync("lanhdao.camthuong");
        (await leader.PostAsJsonAsync("/api/v1/queue/desks", new
        {
            code = "CSP", name = "Bộ phận Một cửa (thử CSP)", priorityHeadStartMinutes = 15, slotMinutes = 30, slotCapacity = 2,
            counters = new[] { new { name = "Quầy 1", fields = new[] { "Hộ tịch" } } },
        })).EnsureSuccessStatusCode();

        var board = await leader.GetAsync("/Queue/Board/CSP");
        board.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = board.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        var html = await board.Content.ReadAsStringAsync();
        html.ShouldContain($"<script nonce=\"{nonce}\">");
        html.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task A_cookie_carried_change_from_another_site_gets_403_ForeignOrigin()
    {
        var client = await factory.SignInAsync("admin");
        foreach (var (header, value) in new[] { ("Origin", "https://ke-gian.example"), ("Sec-Fetch-Site", "cross-site"), ("Origin", "null") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/agencies") { Content = JsonContent.Create(new { code = "X9", name = "Giả mạo", kind = "department" }) };
            request.Headers.Add(header, value);
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.ForeignOrigin");
        }

        // The same request from this host's own page goes through to the endpoint.
        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/agencies") { Content = JsonContent.Create(new { code = "X8", name = "Cùng trang", kind = "department" }) };
        own.Headers.Add("Origin", "http://localhost");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        var ok = await client.SendAsync(own);
        ok.IsSuccessStatusCode.ShouldBeTrue(await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bearer_token_calls_are_not_origin_checked()
    {
        var client = await factory.ApiClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/agencies") { Content = JsonContent.Create(new { code = "X7", name = "Thử", kind = "department" }) };
        request.Headers.Add("Origin", "https://ke-gian.example");
        var response = await client.SendAsync(request);
        // Refused for want of the permission, not for the origin.
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.Forbidden");
    }

    private static bool Has(HttpResponseMessage response, string name, string value) =>
        (response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v)) && v.Contains(value);
}
