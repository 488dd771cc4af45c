using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Permissions;

/// <summary>Requires a permission: people get it through their roles, API clients through their granted scopes.</summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

/// <summary>Puts <c>[Permission("Counters.Dossiers.Read")]</c> on a page model.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class PermissionAttribute : AuthorizeAttribute
{
    public PermissionAttribute(string permission) : base(PermissionPolicies.For(permission)) { }
}

public static class PermissionPolicies
{
    public const string Prefix = "perm:";
    public static string For(string permission) => Prefix + permission;

    /// <summary>Checks the permission on every call of this endpoint.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(permission));
}

/// <summary>Builds "perm:X" policies on demand so modules need not register each one.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new();

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(PermissionPolicies.Prefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }

        return _policies.GetOrAdd(policyName, name => new AuthorizationPolicyBuilder(PlatformAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(name[PermissionPolicies.Prefix.Length..]))
            .Build());
    }
}

/// <summary>
/// One default scheme that forwards to the bearer scheme when a request carries a token (systems) and to the cookie
/// otherwise (people), so the acting unit is known before any endpoint runs.
/// </summary>
public static class PlatformAuthentication
{
    public const string Scheme = "OneStop";
    public const string Cookie = "Identity.Application";
    public const string Bearer = "OpenIddict.Validation.AspNetCore";
}

public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(ClaimsPrincipal principal, string permission);
}

/// <summary>
/// A person's permissions are those of the roles of the membership they act for (claims). The roles' grants are
/// checked against the database once per request, so an admin's change to the matrix applies from everyone's next
/// request on every instance: on PostgreSQL the request asks the grants' change version (ADR 0060, one row) and uses the
/// instance's copy of the whole matrix while it is the same; on SQLite it reads its roles' rows. Outside a request
/// (jobs, tests) they are cached until <see cref="Invalidate"/>.
/// </summary>
internal sealed class PermissionChecker(IServiceScopeFactory scopes, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IPermissionChecker
{
    /// <summary>The name of the grants' change version (migration <c>RoleGrantsVersion</c>).</summary>
    public const string VersionName = "role-grants";

    private const string RequestKey = "onestop:role-grants";
    private volatile Dictionary<string, HashSet<string>>? _grants;
    private readonly VersionedCopy<Dictionary<string, HashSet<string>>> _matrix = new(PlatformDbContext.SchemaName, VersionName);

    public async Task<bool> IsGrantedAsync(ClaimsPrincipal principal, string permission)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        // Systems (client credentials) carry their grants as scopes.
        if (principal.FindAll("oi_scp").Concat(principal.FindAll("scope")).SelectMany(c => c.Value.Split(' ')).Contains(permission))
        {
            return true;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Concat(principal.FindAll("role").Select(c => c.Value)).ToList();
        if (roles.Count == 0)
        {
            return false;
        }

        var grants = await GrantsAsync(roles);
        return roles.Any(role => grants.TryGetValue(role, out var set) && set.Contains(permission));
    }

    public void Invalidate() => _grants = null;

    private async Task<Dictionary<string, HashSet<string>>> GrantsAsync(List<string> roles)
    {
        if (http.HttpContext is { } context)
        {
            // The request's own principal: its roles do not change within the request.
            if (context.Items.TryGetValue(RequestKey, out var memo) && memo is Dictionary<string, HashSet<string>> loaded && roles.All(loaded.ContainsKey))
            {
                return loaded;
            }

            // The request's own context: a scope of its own per request only to read the grants cost every page a
            // second set of scoped services and a second context.
            var fresh = await LoadForRequestAsync(context.RequestServices.GetRequiredService<PlatformDbContext>());
            if (roles.Any(role => !fresh.ContainsKey(role)))
            {
                // Roles without grants, so the memo above knows them (a copy: the matrix is shared).
                fresh = new Dictionary<string, HashSet<string>>(fresh);
                foreach (var role in roles)
                {
                    fresh.TryAdd(role, []);
                }
            }

            context.Items[RequestKey] = fresh;
            return fresh;
        }

        return _grants ??= await LoadAsync();
    }

    /// <summary>The whole matrix, the instance's copy under its change version when PostgreSQL keeps one.</summary>
    private Task<Dictionary<string, HashSet<string>>> LoadForRequestAsync(PlatformDbContext db) =>
        _matrix.GetAsync(db.Database, ct => LoadAsync(db, ct), default);

    private async Task<Dictionary<string, HashSet<string>>> LoadAsync()
    {
        using var scope = scopes.CreateScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), default);
    }

    private static async Task<Dictionary<string, HashSet<string>>> LoadAsync(PlatformDbContext db, CancellationToken ct)
    {
        var rows = await db.RolePermissions.AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.Select(r => r.Permission).ToHashSet(StringComparer.Ordinal));
    }
}

internal sealed class PermissionHandler(IPermissionChecker checker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await checker.IsGrantedAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
