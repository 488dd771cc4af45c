using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Identity;

namespace OneStop.Platform.Scoping;

/// <summary>
/// Sets the request's scope from the signed-in principal: the acting unit (claims written by the platform at sign-in,
/// at a unit switch, or into a client's token). Anonymous requests get <see cref="UnitScope.None"/>.
/// </summary>
internal sealed class UnitScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentScope currentScope, IAdministrativeUnitDirectory units)
    {
        var scope = ScopeOf(context.User);
        // The unit's path is read from the directory, not trusted from the cookie or token: after a reorganisation a
        // retired unit's data lives under its successor, and a rename shows at once, without signing in again.
        if (scope.UnitId != Guid.Empty && await units.FindAsync(scope.UnitId, context.RequestAborted) is { } unit)
        {
            scope = scope with { Path = unit.Path, Name = unit.Name };
        }

        using var _ = currentScope.Change(scope, ActorIdOf(context.User), ActorNameOf(context.User));
        await next(context);
    }

    internal static UnitScope ScopeOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(PlatformClaims.UnitId), out var unitId)
            || user.FindFirstValue(PlatformClaims.UnitPath) is not { Length: > 0 } path)
        {
            return UnitScope.None;
        }

        return new UnitScope(unitId, path, user.FindFirstValue(PlatformClaims.UnitName) ?? "", user.FindFirstValue(PlatformClaims.AgencyCode));
    }

    private static Guid? ActorIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"), out var id) ? id : null;

    private static string ActorNameOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("name") ?? user.FindFirstValue("sub") ?? user.FindFirstValue("client_id") ?? "?"
            : "anonymous";
}
