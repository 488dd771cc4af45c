using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Identity;
using OneStop.Platform.TestKit;
using OneStop.Platform.Web;

namespace OneStop.Platform.Tests.Api;

/// <summary>
/// The API quota across host instances (ADR 0044): two hosts on one PostgreSQL database, a client's requests spread over
/// both, and the quota met exactly — not once per instance — with "requests today" the sum of both.
/// </summary>
public sealed class SharedApiQuotaTests(SharedApiQuotaTests.Fixture fx) : IClassFixture<SharedApiQuotaTests.Fixture>
{
    public const int Quota = 10;

    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Api:RateLimit:PermitsPerMinute", Quota.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Requests_spread_over_two_instances_meet_the_quota_exactly_and_are_counted_once()
    {
        // The second instance: its own server, services and memory, the same database and settings.
        await using var second = fx.AnotherInstance();
        await second.InitializeAsync();
        // Without a shared certificate each instance signs its own tokens: one token from each, for the same client.
        using var onFirst = await fx.ApiClientAsync();
        using var onSecond = await ClientOfAsync(second);
        HttpClient[] instances = [onFirst, onSecond];

        // Sequential first, alternating: the remaining quota each answer gives counts the other instance's requests too.
        var remaining = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await instances[i % 2].GetAsync("/api/v1/platform/units/summary");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            remaining.Add(int.Parse(response.Headers.GetValues("RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture));
        }

        remaining.ShouldBe([Quota - 1, Quota - 2, Quota - 3, Quota - 4]);

        // Then 20 more at once, half on each: exactly the rest of the quota passes, whichever instance serves them.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await instances[i % 2].GetAsync("/api/v1/platform/units/summary");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter.ShouldNotBeNull();
                (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(ApiRateLimiting.RateLimited);
            }

            return response.StatusCode;
        }));
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(Quota - 4);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(20 - (Quota - 4));

        // "Requests today" is the same on both instances: all 24, refused ones included.
        foreach (var host in new WebApplicationFactory<Program>[] { fx, second })
        {
            using var scope = host.Services.CreateScope();
            (await scope.ServiceProvider.GetRequiredService<ApiUsageMeter>().TodayAsync(ApiClientRegistrar.DemoClientId)).ShouldBe(24);
        }
    }

    private static async Task<HttpClient> ClientOfAsync(WebApplicationFactory<Program> host)
    {
        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var token = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ApiClientRegistrar.DemoClientId,
            ["client_secret"] = ApiClientRegistrar.DemoClientSecret,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        token.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }
}
