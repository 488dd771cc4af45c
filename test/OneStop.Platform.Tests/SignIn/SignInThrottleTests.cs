using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.SignIn;

/// <summary>
/// Password guessing is slowed per login and per address, tells nothing about which logins exist, never locks the
/// owner's own browser out, and holds the owner on a new browser for at most the wait.
/// </summary>
public sealed class SignInThrottleTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Fifty_wrong_passwords_look_the_same_for_a_real_and_an_unknown_login_and_the_owner_gets_in_after_the_wait()
    {
        factory.Clock.Set(DateTimeOffset.UtcNow);
        // The owner's own browser, used yesterday: it holds a device cookie for the login.
        var ownBrowser = SignInHelper.Client(factory, new CookieContainer(), "198.51.100.5");
        (await SignInHelper.PostLoginAsync(ownBrowser, "motcua.camthuong")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await OneStopFactory.PostFormAsync(ownBrowser, "/Units", "/Account/Logout", []);

        var attacker = SignInHelper.Client(factory, new CookieContainer(), "203.0.113.7");
        var messages = new HashSet<string>();
        foreach (var login in new[] { "motcua.camthuong", "khong.ton.tai" })
        {
            for (var i = 0; i < 50; i++)
            {
                var response = await SignInHelper.PostLoginAsync(attacker, login, $"doan-sai-{i}");
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                messages.Add(SignInHelper.LoginError(await response.Content.ReadAsStringAsync()));
            }
        }

        messages.ShouldBe(["Tên đăng nhập hoặc mật khẩu không đúng, hoặc đăng nhập tạm thời bị chặn. Vui lòng thử lại sau ít phút."]);
        (await ThrottleAsync("login:MOTCUA.CAMTHUONG")).ShouldNotBeNull().BlockedUntil.ShouldNotBeNull();
        (await ThrottleAsync("address:203.0.113.7")).ShouldNotBeNull().BlockedUntil.ShouldNotBeNull();
        // Identity's own lockout never moved: strangers cannot lock an account.
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.SingleAsync(u => u.UserName == "motcua.camthuong")))
            .ShouldSatisfyAllConditions(u => u.AccessFailedCount.ShouldBe(0), u => u.LockoutEnd.ShouldBeNull());

        // The owner's own browser is not held by strangers' failures.
        (await SignInHelper.PostLoginAsync(ownBrowser, "motcua.camthuong")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The owner on a browser never used before: held while the login's wait lasts (even with the right password),
        // in once it is over.
        var owner = SignInHelper.Client(factory, new CookieContainer(), "198.51.100.20");
        (await SignInHelper.PostLoginAsync(owner, "motcua.camthuong")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        (await SignInHelper.PostLoginAsync(owner, "motcua.camthuong")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ThrottleAsync("login:MOTCUA.CAMTHUONG")).ShouldBeNull();
    }

    [Fact]
    public async Task Waits_double_after_three_free_failures_and_an_admin_can_lift_them()
    {
        factory.Clock.Set(DateTimeOffset.UtcNow.AddHours(1));
        for (var i = 0; i < 5; i++)
        {
            var guesser = SignInHelper.Client(factory, new CookieContainer(), $"192.0.2.{10 + i}");
            await SignInHelper.PostLoginAsync(guesser, "lanhdao.tinh", "sai-mat-khau");
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var row = (await ThrottleAsync("login:LANHDAO.TINH")).ShouldNotBeNull();
        row.Failures.ShouldBe(5);
        (row.BlockedUntil!.Value - row.LastFailureAt).ShouldBe(TimeSpan.FromSeconds(4)); // 2^(5-3)

        // One more failure blocks the login for 8 s: the owner, elsewhere, waits too, until an admin lifts it.
        var owner = SignInHelper.Client(factory, new CookieContainer(), "192.0.2.99");
        await SignInHelper.PostLoginAsync(SignInHelper.Client(factory, new CookieContainer(), "192.0.2.50"), "lanhdao.tinh", "sai");
        (await SignInHelper.PostLoginAsync(owner, "lanhdao.tinh")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await factory.AsSystemAsync(async sp => { await sp.GetRequiredService<SignInThrottler>().LiftAsync("lanhdao.tinh"); return 0; });
        (await SignInHelper.PostLoginAsync(owner, "lanhdao.tinh")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Wrong_client_secrets_eventually_get_429_with_Retry_After()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(OneStopFactory.ClientAddressHeader, "203.0.113.80");
        HttpResponseMessage? response = null;
        for (var i = 0; i < 10 && response?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = ApiClientRegistrar.DemoClientId, ["client_secret"] = $"sai-{i}",
            }));
        }

        response!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.TooManyAttempts");

        // Blocked means not even checked: the right secret waits too.
        var right = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ApiClientRegistrar.DemoClientId, ["client_secret"] = ApiClientRegistrar.DemoClientSecret,
        }));
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private Task<SignInThrottle?> ThrottleAsync(string key) =>
        factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key));
}
