using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Portal.Contracts;
using OpenIddict.Client.AspNetCore;

namespace OneStop.Integration.Features.CitizenSignIn;

/// <summary>
/// "Đăng nhập bằng VNeID" (ADR 0046): <c>/citizen/signin</c> sends the browser to the provider; <c>/citizen/callback</c>
/// takes the code back (OpenIddict's client redeems it with the PKCE verifier, checks the id_token's signature, issuer,
/// audience and nonce, and reads userinfo), then signs the citizen in with their own cookie
/// (<see cref="CitizenAuthentication.Scheme"/>) holding only <see cref="SignedInCitizen"/>'s claims — no role, unit or
/// permission, so nothing of the staff's applies. A failed or refused sign-in goes back to the portal with a message.
/// </summary>
internal static partial class CitizenSignInEndpoints
{
    public static void Map(IEndpointRouteBuilder app, bool enabled)
    {
        app.MapGet(CitizenAuthentication.SignInPath, async (string? returnUrl, HttpContext http) =>
        {
            if (!enabled || !await HasSchemeAsync(http, CitizenAuthentication.Scheme))
            {
                return Results.Redirect(PortalAddresses.Home + "?signin=unavailable");
            }

            var properties = new AuthenticationProperties { RedirectUri = Local(returnUrl) ?? PortalAddresses.MyDossiers };
            return Results.Challenge(properties, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapMethods(CitizenAuthentication.CallbackPath, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, ILoggerFactory loggers) =>
        {
            if (!enabled || !await HasSchemeAsync(http, CitizenAuthentication.Scheme))
            {
                return Results.Redirect(PortalAddresses.Home + "?signin=unavailable");
            }

            var result = await http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
            var citizen = result.Succeeded ? FromProvider(result.Principal) : null;
            if (citizen is null)
            {
                var error = result.Properties?.Items.TryGetValue(OpenIddictClientAspNetCoreConstants.Properties.Error, out var e) == true ? e : null;
                loggers.CreateLogger(typeof(CitizenSignInEndpoints).FullName!).LogWarning(
                    "VNeID sign-in failed: {Error} {Failure}", error, result.Failure?.Message);
                return Results.Redirect(PortalAddresses.Home + (error == "access_denied" ? "?signin=cancelled" : "?signin=failed"));
            }

            await http.SignInAsync(CitizenAuthentication.Scheme, citizen.ToPrincipal(), new AuthenticationProperties { IsPersistent = false });
            return Results.Redirect(Local(result.Properties?.RedirectUri) ?? PortalAddresses.MyDossiers);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// The citizen from the provider's claims (id_token and userinfo, already validated): <c>sub</c> is the 12-digit
    /// identity number; an organisation adds its enterprise code. Null when the provider sent something unusable.
    /// </summary>
    internal static SignedInCitizen? FromProvider(ClaimsPrincipal? principal)
    {
        string? Claim(string type) => principal?.FindFirst(type)?.Value is { Length: > 0 } v ? v.Trim() : null;
        var number = Claim("sub");
        var name = Claim("name");
        if (number is null || !IdentityNumber().IsMatch(number) || name is null || name.Length > 200)
        {
            return null;
        }

        var enterprise = Claim(Simulators.VNeIdSimulator.EnterpriseCodeClaim);
        if (enterprise is not null && !EnterpriseCode().IsMatch(enterprise))
        {
            return null;
        }

        return new SignedInCitizen(number, name,
            DateOnly.TryParseExact(Claim("birthdate"), "yyyy-MM-dd", out var born) ? born : null,
            Limit(Claim("phone_number"), 20), Limit(Claim("email"), 254), enterprise, Limit(Claim(Simulators.VNeIdSimulator.OrganisationNameClaim), 200));
    }

    private static string? Limit(string? value, int max) => value is { Length: > 0 } && value.Length <= max ? value : null;

    /// <summary>Only a path of this site (never "//elsewhere" or an absolute address): no open redirect.</summary>
    internal static string? Local(string? url) =>
        url is { Length: > 0 and <= 2000 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;

    private static async Task<bool> HasSchemeAsync(HttpContext http, string scheme) =>
        await http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(scheme) is not null;

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex EnterpriseCode();
}
