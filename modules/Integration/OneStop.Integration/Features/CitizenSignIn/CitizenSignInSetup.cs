using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Integration.Connectors;
using OneStop.Integration.Simulators;
using OneStop.Portal.Contracts;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;

namespace OneStop.Integration.Features.CitizenSignIn;

/// <summary>
/// Citizens sign in through VNeID with OpenIddict's client (ADR 0046): the authorisation-code flow with PKCE, one
/// registration from <c>Citizen:Oidc:Issuer|ClientId|ClientSecret</c>. Without an issuer and with the sandbox on it is
/// this host's simulator (<c>/sandbox/vneid/</c>, its sandbox client); without either, citizens cannot sign in and the
/// sign-in address says so. It lives here because only Integration talks to systems outside (architecture test).
/// </summary>
internal static class CitizenSignInSetup
{
    public const string ProviderName = "VNeID";

    /// <summary>Whether a provider is configured (or the sandbox stands in for it).</summary>
    public static bool Enabled(IConfiguration configuration, bool sandbox) =>
        configuration["Citizen:Oidc:Issuer"] is { Length: > 0 } || sandbox;

    public static void AddCitizenSignIn(this IServiceCollection services, IConfiguration configuration, bool sandbox)
    {
        if (!Enabled(configuration, sandbox))
        {
            return;
        }

        services.AddOpenIddict().AddClient(o =>
        {
            o.AllowAuthorizationCodeFlow();
            o.SetRedirectionEndpointUris(CitizenAuthentication.CallbackPath.TrimStart('/'));
            // The claims as the provider names them ("sub", "name", "birthdate"…), read by CitizenSignInEndpoints.
            o.DisableWebServicesFederationClaimMapping();
            if (OneStop.Platform.Identity.OpenIddictCertificate.FromConfiguration(configuration) is { } certificate)
            {
                // Production: the server's certificate, shared by every instance (a state token issued by one is read by another).
                o.AddSigningCertificate(certificate).AddEncryptionCertificate(certificate);
            }
            else
            {
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            }

            // State tokens protected with ASP.NET Core data protection, whose keys every instance shares like the cookies'.
            o.UseDataProtection();
            var aspNetCore = o.UseAspNetCore().EnableRedirectionEndpointPassthrough();
            if (configuration.GetValue("OpenIddict:AllowHttp", false))
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }

            o.UseSystemNetHttp().SetProductInformation(typeof(CitizenSignInSetup).Assembly);
        });

        // The correlation cookie that binds the provider's answer to this browser: Lax, as the answer comes back by a
        // top-level GET (response_mode=query); Secure as the other cookies are (plain http only where they are too).
        services.AddOptions<OpenIddictClientAspNetCoreOptions>().Configure<IHostEnvironment>((o, environment) =>
        {
            o.CookieBuilder.SameSite = SameSiteMode.Lax;
            o.CookieBuilder.SecurePolicy = configuration.GetValue("Identity:SecureCookies", !environment.IsDevelopment())
                ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        if (configuration["Citizen:Oidc:Issuer"] is not { Length: > 0 })
        {
            services.AddHostedService<SandboxIssuerRefresh>();
        }

        // Added when the options are first read (again once the host listens, see SandboxIssuerRefresh): the simulator's address is this host's.
        services.AddOptions<OpenIddictClientOptions>().Configure<ConnectorAddresses>((options, addresses) =>
        {
            var section = configuration.GetSection("Citizen:Oidc");
            var issuer = section["Issuer"] is { Length: > 0 } configured ? new Uri(configured.TrimEnd('/') + "/") : addresses.Sandbox(VNeIdSimulator.Key);
            var simulated = section["Issuer"] is not { Length: > 0 };
            var registration = new OpenIddictClientRegistration
            {
                ProviderName = ProviderName,
                ProviderDisplayName = "VNeID",
                Issuer = issuer,
                ClientId = section["ClientId"] is { Length: > 0 } id ? id : simulated ? VNeIdSimulator.DefaultClientId : throw new InvalidOperationException("Citizen:Oidc:ClientId is required with Citizen:Oidc:Issuer."),
                ClientSecret = section["ClientSecret"] is { Length: > 0 } secret ? secret : simulated ? VNeIdSimulator.DefaultClientSecret : throw new InvalidOperationException("Citizen:Oidc:ClientSecret is required with Citizen:Oidc:Issuer."),
                RedirectUri = new Uri(CitizenAuthentication.CallbackPath.TrimStart('/'), UriKind.Relative),
            };
            foreach (var scope in new[] { "profile", "email", "phone" })
            {
                registration.Scopes.Add(scope);
            }

            options.Registrations.Add(registration);
        });
    }
}
