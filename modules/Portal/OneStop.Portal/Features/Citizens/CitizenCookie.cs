using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Portal.Contracts;

namespace OneStop.Portal.Features.Citizens;

/// <summary>
/// The citizen's own cookie (ADR 0046), separate from the staff's: another name, another scheme, read only by the pages
/// that ask for <see cref="CitizenAuthentication.Scheme"/>. It carries only the key of a server-side session
/// (<see cref="CitizenSessionStore"/>, ADR 0054), which ends after 30 minutes of inactivity, 8 hours after sign-in or at
/// sign-out, on every instance; the cookie never outlives the browser session, as a public service portal on shared
/// computers must.
/// </summary>
internal static class CitizenCookie
{
    public const string Name = "onestop.citizen";

    public static void AddCitizenCookie(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(CitizenAuthentication.Scheme, o =>
        {
            o.Cookie.Name = Name;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax; // the provider sends the browser back with a top-level GET
            o.LoginPath = CitizenAuthentication.SignInPath;
            o.ReturnUrlParameter = "returnUrl";
            o.AccessDeniedPath = PortalAddresses.Home;
            // The session's row decides its life (idle and absolute timeouts); the cookie handler's own expiry would
            // only be a second, weaker clock, and its renewals extra writes.
            o.ExpireTimeSpan = CitizenSessionStore.AbsoluteTimeout;
            o.SlidingExpiration = false;
        });
        services.AddSingleton<CitizenSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(CitizenAuthentication.Scheme).Configure<CitizenSessionStore>((o, store) => o.SessionStore = store);
        // Secure outside Development, as the staff cookie (tests on plain http turn it off with Identity:SecureCookies=false).
        services.AddOptions<CookieAuthenticationOptions>(CitizenAuthentication.Scheme).Configure<IConfiguration, IHostEnvironment>((o, configuration, environment) =>
            o.Cookie.SecurePolicy = configuration.GetValue("Identity:SecureCookies", !environment.IsDevelopment()) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
    }
}
