using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Identity;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OneStop.Platform.Host.Localization;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Identity;

/// <summary>People sign in with ASP.NET Core Identity (cookie); systems get bearer tokens from OpenIddict (client credentials).</summary>
internal static class IdentitySetup
{
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<PlatformUser, PlatformRole>(o =>
            {
                // NIST SP 800-63B: length and a list of refused passwords (PasswordPolicyValidator), no composition rules.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Wrong passwords never lock an account (the login page passes lockoutOnFailure: false; the throttle
                // slows guessing instead); LockoutEnd remains an admin's manual lock.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<CatalogueIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PlatformClaimsPrincipalFactory>()
            .AddSignInManager<PlatformSignInManager>()
            .AddPasswordValidator<PasswordPolicyValidator>();

        // Deactivation, role changes and admin resets reach every open session within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<UserSessionStore>();
        services.AddScoped<SignInThrottler>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<UserSessionStore>((o, store) => o.SessionStore = store);

        // Secure cookies outside Development; tests on TestServer (plain http) turn it off.
        var secureCookies = configuration.GetValue("Identity:SecureCookies", !environment.IsDevelopment());
        var secure = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.SecurePolicy = secure;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.Configure<AccountOptions>(o =>
        {
            o.RequireTwoFactorForAdmins = configuration.GetValue("Identity:RequireTwoFactorForAdmins", !environment.IsDevelopment());
            o.SecureCookies = secureCookies;
        });
        services.AddSingleton<SignInKeys>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PlatformAuthentication.Scheme;
                o.DefaultAuthenticateScheme = PlatformAuthentication.Scheme; // AddIdentity set the cookie here
                o.DefaultChallengeScheme = PlatformAuthentication.Scheme;
                o.DefaultForbidScheme = PlatformAuthentication.Scheme;
            })
            .AddPolicyScheme(PlatformAuthentication.Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? PlatformAuthentication.Bearer
                    : PlatformAuthentication.Cookie);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "onestop.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API never redirects: 401/403 with ProblemDetails (written by the status-code pages).
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow();
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                // Scopes are permission names; a client may request only those granted to it (checked per client).
                o.DisableScopeValidation();
                if (OpenIddictCertificate.FromConfiguration(configuration) is { } certificate)
                {
                    // Production: one certificate shared by every instance (signing and encryption).
                    o.AddSigningCertificate(certificate).AddEncryptionCertificate(certificate);
                }
                else
                {
                    // Embedded default: keys live as long as the process (tokens do not survive a restart).
                    o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                }

                // Wrong client secrets feed the throttle (TokenThrottleMiddleware counts them after the response).
                o.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ApplyTokenResponseContext>(b => b.UseInlineHandler(ctx =>
                {
                    if (ctx.Response.Error == Errors.InvalidClient && ctx.Transaction.GetHttpRequest() is { } request)
                    {
                        request.HttpContext.Items[TokenThrottleMiddleware.InvalidClientFlag] = true;
                    }

                    return default;
                }));

                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (configuration.GetValue("OpenIddict:AllowHttp", false))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ApiPaths.IsApi(ctx.Request))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static void MapPlatformIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueTokenAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Client-credentials grant: the token carries the client's unit and the granted scopes (= permissions).</summary>
    private static async Task<IResult> IssueTokenAsync(HttpContext http, PlatformDbContext db)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new PlatformException(PlatformErrorCodes.ValidationFailed) { MessageCode = HostMessages.TokenRequestInvalid };
        if (!request.IsClientCredentialsGrantType())
        {
            return Forbid(Errors.UnsupportedGrantType, Messages.Text(HostMessages.TokenGrantUnsupported));
        }

        var client = await db.ApiClients.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(c => c.ClientId == request.ClientId && !c.IsDeleted);
        if (client is null)
        {
            return Forbid(Errors.InvalidClient, Messages.Text(HostMessages.TokenClientUnknown));
        }

        var unit = await db.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == client.UnitId);
        var requested = request.GetScopes();
        var granted = requested.IsEmpty ? client.Scopes : requested.Intersect(client.Scopes, StringComparer.Ordinal).ToList();
        if (!requested.IsEmpty && granted.Count != requested.Length)
        {
            return Forbid(Errors.InvalidScope, Messages.Text(HostMessages.TokenScopeNotGranted));
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.DisplayName)
            .SetClaim(PlatformClaims.UnitId, unit.Id.ToString())
            .SetClaim(PlatformClaims.UnitPath, unit.Path)
            .SetClaim(PlatformClaims.UnitName, unit.Name);
        identity.SetScopes(granted);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

/// <summary>
/// Adds the acting unit (last chosen, else the default membership), the roles held there and the full name to the cookie
/// principal. Only memberships valid today count; roles come from the acting membership, never from elsewhere.
/// </summary>
internal sealed class PlatformClaimsPrincipalFactory(
    UserManager<PlatformUser> users,
    RoleManager<PlatformRole> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options,
    PlatformDbContext db,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<AccountOptions> account)
    : UserClaimsPrincipalFactory<PlatformUser, PlatformRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Identity's own user-role table is not used: roles belong to memberships.
        foreach (var claim in identity.FindAll(identity.RoleClaimType).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(PlatformClaims.FullName, user.FullName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountClaims.MustChangePassword, "true"));
        }

        if (user.Position is { Length: > 0 } position)
        {
            identity.AddClaim(new Claim(PlatformClaims.Position, position));
        }

        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        var memberships = (await db.UnitMemberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync())
            .Where(m => m.IsValidOn(today)).ToList();
        var acting = memberships.FirstOrDefault(m => m.UnitId == user.ActingUnitId)
            ?? memberships.FirstOrDefault(m => m.IsDefault) ?? memberships.FirstOrDefault();
        if (acting is not null)
        {
            var unit = await db.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == acting.UnitId);
            identity.AddClaim(new Claim(PlatformClaims.UnitId, unit.Id.ToString()));
            identity.AddClaim(new Claim(PlatformClaims.UnitPath, unit.Path));
            identity.AddClaim(new Claim(PlatformClaims.UnitName, unit.Name));
            foreach (var role in acting.Roles.Distinct(StringComparer.Ordinal))
            {
                identity.AddClaim(new Claim(identity.RoleClaimType, role));
            }

            if (account.Value.RequireTwoFactorForAdmins && acting.Roles.Contains(Roles.SystemAdmin) && !user.TwoFactorEnabled)
            {
                identity.AddClaim(new Claim(AccountClaims.MustEnrolAuthenticator, "true"));
            }

            if (acting.AgencyCode is { Length: > 0 } agency)
            {
                identity.AddClaim(new Claim(PlatformClaims.AgencyCode, agency));
                var agencyName = await db.Agencies.IgnoreQueryFilters().AsNoTracking()
                    .Where(a => a.UnitId == unit.Id && a.Code == agency).Select(a => a.Name).FirstOrDefaultAsync();
                identity.AddClaim(new Claim(PlatformClaims.AgencyName, agencyName ?? agency));
            }
        }

        return identity;
    }
}

/// <summary>Identity's messages (password policy, duplicates) by code, in the reader's language (ADR 0020).</summary>
internal sealed class CatalogueIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), HostMessages.PasswordTooShort, length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), HostMessages.PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), HostMessages.PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), HostMessages.PasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), HostMessages.PasswordRequiresNonAlphanumeric);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), HostMessages.PasswordRequiresUniqueChars, uniqueChars);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), HostMessages.PasswordMismatch);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), HostMessages.DuplicateUserName, userName);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), HostMessages.InvalidUserName, userName);

    // Identity's code stays (pages branch on it); the description is ours, in the culture of the request that failed.
    private static IdentityError Error(string identityCode, string messageCode, params object?[] arguments) =>
        new() { Code = identityCode, Description = Messages.Text(messageCode, arguments) };
}
