using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.SignIn;

/// <summary>Server-side sessions: the cookie is a key to a row of platform.UserSessions, ended by logout, by deletion, by a password change.</summary>
public sealed class SessionTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task A_cookie_captured_before_logout_is_refused_right_after()
    {
        var jar = new CookieContainer();
        var client = SignInHelper.Client(factory, jar);
        (await SignInHelper.PostLoginAsync(client, "lanhdao.tphd")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var captured = jar.GetCookieHeader(SignInHelper.Base);
        (await client.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await OneStopFactory.PostFormAsync(client, "/Units", "/Account/Logout", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var thief = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Units");
        request.Headers.Add("Cookie", captured);
        var response = await thief.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task The_cookie_carries_only_a_key_and_ending_the_persons_sessions_signs_them_out_everywhere()
    {
        var jar = new CookieContainer();
        var first = SignInHelper.Client(factory, jar);
        (await SignInHelper.PostLoginAsync(first, "chuyenvien.tphd")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Only the protected session key travels, not the person's claims (which would make it over a kilobyte).
        jar.GetCookies(SignInHelper.Base)["onestop.auth"].ShouldNotBeNull().Value.Length.ShouldBeLessThan(600);
        var second = await factory.SignInAsync("chuyenvien.tphd");
        var userId = await UserIdAsync("chuyenvien.tphd");
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().UserSessions.CountAsync(s => s.UserId == userId)))
            .ShouldBeGreaterThanOrEqualTo(2);

        await factory.Services.GetRequiredService<UserSessionStore>().EndAllAsync(userId, null, CancellationToken.None);

        (await first.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_expired_session_row_is_not_a_session()
    {
        var client = await factory.SignInAsync("lanhdao.tphd");
        (await client.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var userId = await UserIdAsync("lanhdao.tphd");
        await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().UserSessions.Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1))));

        (await client.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in_and_gets_the_generic_message()
    {
        await SetAsync("buudien.tinh", u => u.IsActive = false);
        var client = SignInHelper.Client(factory, new CookieContainer());
        var response = await SignInHelper.PostLoginAsync(client, "buudien.tinh");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        SignInHelper.LoginError(await response.Content.ReadAsStringAsync()).ShouldStartWith("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    [Fact]
    public async Task A_person_deactivated_while_signed_in_is_signed_out_at_the_next_stamp_check()
    {
        factory.Clock.Set(DateTimeOffset.UtcNow);
        var client = await factory.SignInAsync("chuyenvien.stttt");
        (await client.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Only the flag (the people admin also ends the sessions): the periodic check alone must notice.
        await SetAsync("chuyenvien.stttt", u => u.IsActive = false);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));

        var response = await client.GetAsync("/Units");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var userId = await UserIdAsync("chuyenvien.stttt");
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().UserSessions.CountAsync(s => s.UserId == userId))).ShouldBe(0);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_keeps_this_one_and_checks_the_policy()
    {
        var other = await factory.SignInAsync("lanhdao.camthuong");
        var jar = new CookieContainer();
        var client = SignInHelper.Client(factory, jar);
        (await SignInHelper.PostLoginAsync(client, "lanhdao.camthuong")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var (weak, message) in new[]
                 {
                     ("Ngan@12", "ít nhất 10 ký tự"),
                     ("Matkhau@123", "quá phổ biến"),
                     ("123456789A", "quá phổ biến"),
                     ("xx-LANHDAO.CAMTHUONG-xx", "không được chứa tên đăng nhập"),
                 })
        {
            var refused = await ChangeAsync(client, PlatformSeeder.DemoPassword, weak);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain(message);
        }

        var changed = await ChangeAsync(client, PlatformSeeder.DemoPassword, "mua thu ha noi vang");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await client.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInHelper.PostLoginAsync(SignInHelper.Client(factory, new CookieContainer()), "lanhdao.camthuong", "mua thu ha noi vang"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_person_who_must_change_the_password_reaches_nothing_else_until_done()
    {
        await SetAsync("motcua.binhhan", u => u.MustChangePassword = true);
        var client = await factory.SignInAsync("motcua.binhhan");

        var page = await client.GetAsync("/Units");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldBe("/Account/ChangePassword");
        var api = await client.GetAsync("/api/v1/me");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.PasswordChangeRequired");
        (await client.GetAsync("/lib/bootstrap/css/bootstrap.min.css")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ChangeAsync(client, PlatformSeeder.DemoPassword, "cong chuc binh han 2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await client.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.SingleAsync(u => u.UserName == "motcua.binhhan")))
            .MustChangePassword.ShouldBeFalse();
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        OneStopFactory.PostFormAsync(client, "/Account/ChangePassword", "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

    private Task<Guid> UserIdAsync(string login) =>
        factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    private Task SetAsync(string login, Action<PlatformUser> change) =>
        factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == login);
            change(user);
            return await db.SaveChangesAsync();
        });
}
