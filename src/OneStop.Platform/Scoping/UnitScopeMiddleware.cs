using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OneStop.Platform.AdministrativeUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Scoping;

/// <summary>
/// Sets the request's scope from the signed-in principal: the acting unit (claims written by the platform at sign-in,
/// at a unit switch, or into a client's token). Anonymous requests get <see cref="UnitScope.None"/>.
/// </summary>
internal sealed class UnitScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentScope currentScope, IAdministrativeUnitDirectory units, TimeProvider clock)
    {
        var scope = ScopeOf(context.User);
        // The unit's path is read from the directory, not trusted from the cookie or token: after a reorganisation a
        // retired unit's data lives under its successor, and a rename shows at once, without signing in again.
        if (scope.UnitId != Guid.Empty && await units.FindAsync(scope.UnitId, context.RequestAborted) is { } unit)
        {
            scope = scope with { Path = unit.Path, Name = unit.Name };
            if (unit.ValidTo is { } gone && Domain.VietnamTime.Today(clock) is var today && today >= gone)
            {
                scope = await SuccessorScopeAsync(context, units, unit, scope, today) ?? scope;
            }
        }

        using var _ = currentScope.Change(scope, ActorIdOf(context.User), ActorNameOf(context.User));
        await next(context);
    }

    /// <summary>
    /// A session opened for a unit that has since been retired continues at its successor when the person was moved
    /// there (their membership follows the merge); someone left behind keeps the retired unit's archive only.
    /// </summary>
    private static async Task<UnitScope?> SuccessorScopeAsync(
        HttpContext context, IAdministrativeUnitDirectory units, AdministrativeUnitInfo unit, UnitScope scope, DateOnly today)
    {
        if (ActorIdOf(context.User) is not { } userId || await units.CurrentAsync(unit.Id, today, context.RequestAborted) is not { } successor
            || successor.Id == unit.Id)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<PlatformDbContext>();
        var moved = await db.UnitMemberships.IgnoreQueryFilters().ValidOn(today)
            .AnyAsync(m => m.UserId == userId && m.UnitId == successor.Id, context.RequestAborted);
        return moved ? new UnitScope(successor.Id, successor.Path, successor.Name, scope.AgencyCode) : null;
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
