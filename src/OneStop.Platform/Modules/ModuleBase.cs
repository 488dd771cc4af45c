using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Platform.Modules;

/// <summary>
/// The contract every bounded module fulfils: its services, endpoints, permissions, navigation, recurring jobs and
/// seed data. The host composes modules from one list and can switch each off by configuration
/// (<c>Modules:{Name}:Enabled</c>).
/// </summary>
public abstract class ModuleBase
{
    /// <summary>Module name, also its Razor area, API segment (lower-case) and permission prefix.</summary>
    public abstract string Name { get; }
    public abstract string DisplayNameVi { get; }
    public abstract string DisplayNameEn { get; }

    public virtual IEnumerable<PermissionDefinition> Permissions => [];
    public virtual IEnumerable<NavigationItem> Navigation => [];

    public Assembly Assembly => GetType().Assembly;

    /// <summary>The module's .Contracts assembly (public events, API, DTOs).</summary>
    public abstract Assembly ContractsAssembly { get; }

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>Maps the module's REST endpoints under <paramref name="api"/> (already <c>/api/v1/{module}</c>).</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder api) { }

    /// <summary>Endpoints outside the API (e.g. simulators under /sandbox); most modules have none.</summary>
    public virtual void MapRootEndpoints(IEndpointRouteBuilder app) { }

    public virtual void ConfigureJobs(IRecurringJobManager jobs) { }

    /// <summary>Idempotent seeding, run at start-up after migrations (in the unrestricted scope).</summary>
    public virtual Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public string ApiSegment => Name.ToLowerInvariant();
}

/// <summary>A menu entry; shown only to people holding <see cref="Permission"/>.</summary>
public sealed record NavigationItem(string TitleVi, string TitleEn, string Url, string? Permission, string Icon = "bi-circle");

/// <summary>Permissions a feature registers with its services (<see cref="ModuleServiceCollectionExtensions.AddPermissionDefinitions"/>).</summary>
public sealed record FeaturePermissions(IReadOnlyList<PermissionDefinition> Definitions);

/// <summary>
/// A search box in the header of every page, shown to people holding <see cref="Permission"/>; it sends the words as
/// <c>q</c> to <see cref="Url"/>. The first one registered that a person may use is shown.
/// </summary>
public sealed record ShellSearchBox(string Url, string Permission, string PlaceholderVi, string PlaceholderEn);

public static class ModuleServiceCollectionExtensions
{
    /// <summary>Lets a feature bring its permissions (seeded with their default roles like a module's own).</summary>
    public static IServiceCollection AddPermissionDefinitions(this IServiceCollection services, params PermissionDefinition[] definitions) =>
        services.AddSingleton(new FeaturePermissions(definitions));
}

/// <summary>The enabled modules of this host, in composition order.</summary>
public sealed class ModuleRegistry(IReadOnlyList<ModuleBase> modules, IEnumerable<FeaturePermissions>? featurePermissions = null)
{
    private readonly IReadOnlyList<PermissionDefinition> _featurePermissions = featurePermissions?.SelectMany(f => f.Definitions).ToList() ?? [];

    public IReadOnlyList<ModuleBase> Modules { get; } = modules;

    public IEnumerable<PermissionDefinition> AllPermissions =>
        Permissions.PlatformPermissions.All.Concat(Modules.SelectMany(m => m.Permissions)).Concat(_featurePermissions);
}

/// <summary>
/// Counts shown beside menu entries (what waits for the person: dossiers to receive, to approve, to return). A module
/// registers one as a scoped service; the shell asks each once per page, for the entries the person sees.
/// </summary>
public interface IMenuCounter
{
    /// <summary>Count per menu URL for the signed-in person (URLs without a count are absent).</summary>
    Task<IReadOnlyDictionary<string, int>> CountsAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct = default);
}
