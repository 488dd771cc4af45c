using OneStop.Platform.Host.Web;
using OneStop.Platform.Web;
using OneStop.Platform.Host.Localization;

namespace OneStop.Platform.Host.Identity;

/// <summary>
/// A person who must change the password (reset by an admin) or, as a system admin, enrol an authenticator, reaches
/// nothing else until done: pages redirect to the duty's page, the API answers 403. Logout, the language switch and
/// static files (served before this runs) stay open.
/// </summary>
internal sealed class AccountGateMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/ChangePassword";
    public const string EnableAuthenticatorPath = "/Account/EnableAuthenticator";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || IsAlwaysOpen(context.Request.Path))
        {
            return next(context);
        }

        if (user.HasClaim(c => c.Type == AccountClaims.MustChangePassword))
        {
            return Hold(context, ChangePasswordPath, PlatformErrorCodes.PasswordChangeRequired, PlatformErrorCodes.PasswordChangeRequired);
        }

        if (user.HasClaim(c => c.Type == AccountClaims.MustEnrolAuthenticator))
        {
            return Hold(context, EnableAuthenticatorPath, PlatformErrorCodes.TwoFactorRequired, HostMessages.TwoFactorRequired);
        }

        return next(context);
    }

    private Task Hold(HttpContext context, string page, string code, string messageCode)
    {
        if (context.Request.Path.StartsWithSegments(page))
        {
            return next(context);
        }

        if (ApiPaths.IsApi(context.Request))
        {
            return ProblemWriter.WriteAsync(context, code, StatusCodes.Status403Forbidden, messageCode);
        }

        context.Response.Redirect(page);
        return Task.CompletedTask;
    }

    private static bool IsAlwaysOpen(PathString path) =>
        path.StartsWithSegments("/Account/Logout") || path.StartsWithSegments("/Account/Culture")
        || path.StartsWithSegments("/Account/Login") || path.StartsWithSegments("/Error") || path.StartsWithSegments("/health");
}
