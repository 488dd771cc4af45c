using System.Net;
using System.Text.RegularExpressions;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.SignIn;

/// <summary>With Identity:RequireTwoFactorForAdmins a system admin without an authenticator is held at enrolment.</summary>
public sealed class AdminTwoFactorTests(AdminTwoFactorTests.Factory factory) : IClassFixture<AdminTwoFactorTests.Factory>
{
    public sealed class Factory : OneStopFactory
    {
        public Factory() => With("Identity:RequireTwoFactorForAdmins", "true");
    }

    [Fact]
    public async Task A_system_admin_without_an_authenticator_can_do_nothing_but_enrol()
    {
        var admin = await factory.SignInAsync("admin");
        var page = await admin.GetAsync("/Units");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldBe("/Account/EnableAuthenticator");
        (await admin.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var html = await admin.GetStringAsync("/Account/EnableAuthenticator");
        var secret = Regex.Match(html, "secret=([A-Z2-7]+)").Groups[1].Value;
        (await OneStopFactory.PostFormAsync(admin, "/Account/EnableAuthenticator", "/Account/EnableAuthenticator",
            new() { ["Code"] = Totp.Code(secret, DateTimeOffset.UtcNow) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Others are not held.
        var leader = await factory.SignInAsync("lanhdao.tinh");
        (await leader.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
