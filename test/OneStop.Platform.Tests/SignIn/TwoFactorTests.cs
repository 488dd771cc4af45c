using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.SignIn;

/// <summary>Authenticator apps (TOTP): enrolment, the second step of sign-in, recovery codes, and keys kept out of the audit trail.</summary>
public sealed class TwoFactorTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Enrol_an_authenticator_then_sign_in_again_with_a_code()
    {
        var client = SignInHelper.Client(factory, new CookieContainer());
        (await SignInHelper.PostLoginAsync(client, "thanhtra.tinh")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetStringAsync("/Account/EnableAuthenticator");
        var uri = WebUtility.HtmlDecode(Regex.Match(page, "data-testid=\"authenticator-uri\">([^<]+)<").Groups[1].Value);
        uri.ShouldStartWith("otpauth://totp/OneStop:thanhtra.tinh?secret=");
        uri.ShouldEndWith("&issuer=OneStop&digits=6");
        var secret = Regex.Match(uri, "secret=([A-Z2-7]+)").Groups[1].Value;

        var wrong = await OneStopFactory.PostFormAsync(client, "/Account/EnableAuthenticator", "/Account/EnableAuthenticator", new() { ["Code"] = "000000" });
        (await wrong.Content.ReadAsStringAsync()).ShouldNotContain("data-testid=\"recovery-codes\"");

        var enrolled = await OneStopFactory.PostFormAsync(client, "/Account/EnableAuthenticator", "/Account/EnableAuthenticator",
            new() { ["Code"] = Totp.Code(secret, DateTimeOffset.UtcNow) });
        var recovery = Regex.Matches(await enrolled.Content.ReadAsStringAsync(), "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>").Select(m => m.Groups[1].Value).ToList();
        recovery.Count.ShouldBe(10);

        // The key and the recovery codes are stored (AspNetUserTokens) but never written in clear to the audit trail.
        await factory.SealAuditAsync<PlatformDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var audit = await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditRecords.AsNoTracking()
            .Select(a => new { a.EntityType, Values = (a.Before ?? "") + (a.After ?? "") }).ToListAsync());
        audit.ShouldContain(a => a.EntityType.Contains("UserToken")); // the writes are audited, ...
        audit.ShouldNotContain(a => a.Values.Contains(secret) || a.Values.Contains(recovery[0])); // ... their values are not

        await OneStopFactory.PostFormAsync(client, "/Units", "/Account/Logout", []);

        // Again: the password alone leads to the code page, not in.
        var again = SignInHelper.Client(factory, new CookieContainer());
        var first = await SignInHelper.PostLoginAsync(again, "thanhtra.tinh");
        first.Headers.Location!.ToString().ShouldStartWith("/Account/TwoFactor");
        (await again.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var badCode = await OneStopFactory.PostFormAsync(again, first.Headers.Location!.ToString(), "/Account/TwoFactor", new() { ["Code"] = "123456" });
        badCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        var code = await OneStopFactory.PostFormAsync(again, first.Headers.Location!.ToString(), "/Account/TwoFactor",
            new() { ["Code"] = Totp.Code(secret, DateTimeOffset.UtcNow) });
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.GetAsync("/Units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A recovery code works once.
        var lost = SignInHelper.Client(factory, new CookieContainer());
        await SignInHelper.PostLoginAsync(lost, "thanhtra.tinh");
        (await OneStopFactory.PostFormAsync(lost, "/Account/TwoFactor", "/Account/TwoFactor", new() { ["Code"] = recovery[0] }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Once enabled the key is not shown again; a new phone gets a new key after the current password.
        var enabledPage = await lost.GetStringAsync("/Account/EnableAuthenticator");
        enabledPage.ShouldContain("data-testid=\"authenticator-enabled\"");
        enabledPage.ShouldNotContain(secret);
        (await OneStopFactory.PostFormAsync(lost, "/Account/EnableAuthenticator", "/Account/EnableAuthenticator?handler=Reset", new() { ["CurrentPassword"] = "sai" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OneStopFactory.PostFormAsync(lost, "/Account/EnableAuthenticator", "/Account/EnableAuthenticator?handler=Reset",
            new() { ["CurrentPassword"] = OneStop.Platform.Identity.PlatformSeeder.DemoPassword })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var newKey = Regex.Match(await lost.GetStringAsync("/Account/EnableAuthenticator"), "secret=([A-Z2-7]+)").Groups[1].Value;
        newKey.ShouldNotBeEmpty();
        newKey.ShouldNotBe(secret);
    }
}
