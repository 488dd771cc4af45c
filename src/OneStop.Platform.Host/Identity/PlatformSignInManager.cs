using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Platform.Identity;

namespace OneStop.Platform.Host.Identity;

/// <summary>
/// Identity's sign-in with one rule more: a deactivated person cannot sign in, and the periodic security-stamp check
/// ends a cookie of theirs that somehow survived (their session rows are deleted on deactivation already).
/// </summary>
internal sealed class PlatformSignInManager(
    UserManager<PlatformUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<PlatformUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PlatformUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PlatformUser> confirmation)
    : SignInManager<PlatformUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PlatformUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<PlatformUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }
}
