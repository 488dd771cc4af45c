using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.TestKit;
using OneStop.Portal.Features.Citizens;
using OneStop.Portal.Infrastructure;

namespace OneStop.Platform.Tests.Portal;

/// <summary>
/// The citizen's sign-in as a server-side session in PostgreSQL (ADR 0054): the cookie carries only a random key; a
/// copy of it is refused once the citizen signed out, after 30 idle minutes and 8 hours after sign-in, on every host
/// instance; sign-in and sign-out are in the audit trail under the citizen (masked), without the key or phone.
/// </summary>
public sealed class CitizenSessionTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string CookieName = "onestop.citizen";

    /// <summary>A client of <paramref name="host"/> whose cookies the test can read, signed in through the VNeID simulator.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignedInAsync(WebApplicationFactory<Program> host, string identity, string name)
    {
        var jar = new CookieContainer();
        var client = host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        await CitizenSignIn.SignInAsync(client, identity, name);
        var cookie = jar.GetCookies(new Uri("http://localhost/"))[CookieName]?.Value;
        cookie.ShouldNotBeNullOrEmpty();
        return (client, cookie);
    }

    /// <summary>Another browser holding a copy of the cookie.</summary>
    private static HttpClient Copy(WebApplicationFactory<Program> host, string cookie)
    {
        var copy = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", CookieName + "=" + cookie);
        return copy;
    }

    private static async Task ShouldBeSignedInAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/Portal/MyDossiers");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ShouldGetTheSignInPageAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/Portal/MyDossiers");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/citizen/signin?returnUrl=");
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        using var signedOut = await OneStopFactory.PostFormAsync(client, "/Portal/MyDossiers", "/Portal/MyDossiers?handler=SignOut", []);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().ShouldBe("/Portal?signin=signedout");
    }

    private Task<List<CitizenSession>> SessionsAsync(string identity) => fx.AsSystemAsync(sp =>
        sp.GetRequiredService<PortalDbContext>().CitizenSessions.AsNoTracking().Where(s => s.IdentityNumber == identity).OrderBy(s => s.CreatedAt).ToListAsync());

    [Fact]
    public async Task A_copied_cookie_is_refused_after_sign_out_and_both_are_audited()
    {
        const string identity = "030090005551";
        var (client, cookie) = await SignedInAsync(fx, identity, "Trần Thị Sao");
        var copy = Copy(fx, cookie);
        await ShouldBeSignedInAsync(copy); // the copy works while the session lives: it is the key, nothing more

        var session = (await SessionsAsync(identity)).ShouldHaveSingleItem();
        session.FullName.ShouldBe("Trần Thị Sao");
        session.RevokedAt.ShouldBeNull();
        session.KeyHash.Length.ShouldBe(32);
        cookie.ShouldNotContain(identity);

        await SignOutAsync(client);
        await ShouldGetTheSignInPageAsync(copy);
        await ShouldGetTheSignInPageAsync(client);
        session = (await SessionsAsync(identity)).ShouldHaveSingleItem();
        session.RevokedAt.ShouldNotBeNull();
        session.RevokedReason.ShouldBe(CitizenSession.SignedOut);

        // Signing in again on the same browser is a new session with a new key; the old copy stays refused.
        var (_, second) = await SignedInAsync(fx, identity, "Trần Thị Sao");
        second.ShouldNotBe(cookie);
        await ShouldGetTheSignInPageAsync(copy);
        await ShouldBeSignedInAsync(Copy(fx, second));

        await fx.SealAuditAsync<PortalDbContext>();
        var trail = await fx.AsSystemAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.EntityType == nameof(CitizenSession) && a.EntityId == session.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        trail.Select(a => a.Action).ShouldBe(["Added", "Modified"]);
        trail.ShouldAllBe(a => a.ActorName == "VNeID ••••5551");
        trail[0].After.ShouldNotBeNull().ShouldContain(identity);
        trail[0].After!.ShouldNotContain("KeyHash");
        trail[0].After!.ShouldNotContain("0912000111"); // the phone: the trail says who signed in, not their details
        trail[1].After.ShouldNotBeNull().ShouldContain(CitizenSession.SignedOut);
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_and_8_hours_after_sign_in()
    {
        try
        {
            var (_, active) = await SignedInAsync(fx, "030090005552", "Lê Văn Bền");
            var (_, idle) = await SignedInAsync(fx, "030090005553", "Phạm Thị Nhàn");
            var busy = Copy(fx, active);
            var away = Copy(fx, idle);

            fx.Clock.Advance(TimeSpan.FromMinutes(20));
            await ShouldBeSignedInAsync(busy);
            fx.Clock.Advance(TimeSpan.FromMinutes(20));
            await ShouldBeSignedInAsync(busy); // 40 minutes in, used 20 minutes ago: still on
            await ShouldGetTheSignInPageAsync(away); // 40 minutes without a request: ended

            // Used every 20 minutes, it still ends 8 hours after sign-in.
            for (var minutes = 60; minutes < 480; minutes += 20)
            {
                fx.Clock.Advance(TimeSpan.FromMinutes(20));
                await ShouldBeSignedInAsync(busy);
            }

            fx.Clock.Advance(TimeSpan.FromMinutes(20));
            await ShouldGetTheSignInPageAsync(busy);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task Two_host_instances_share_the_session_and_its_end()
    {
        await using var second = fx.AnotherInstance();
        await second.InitializeAsync();
        var (client, cookie) = await SignedInAsync(fx, "030090005554", "Đỗ Văn Hai");
        var onSecond = Copy(second, cookie);
        await ShouldBeSignedInAsync(onSecond);

        await SignOutAsync(client);
        await ShouldGetTheSignInPageAsync(onSecond);
    }
}
