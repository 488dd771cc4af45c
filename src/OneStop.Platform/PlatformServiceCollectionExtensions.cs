using OneStop.Platform.Notifications;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Auditing;
using OneStop.Platform.Jobs;
using OneStop.Platform.Localization;
using OneStop.Platform.Messaging;
using OneStop.Platform.Modules;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Search;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Registers the kernel: scope, persistence, auditing, outbox relay, permissions, localization, errors.</summary>
    public static IServiceCollection AddOneStopPlatform(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<ModuleBase> modules)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(sp => new ModuleRegistry(modules, sp.GetServices<FeaturePermissions>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentScope, AmbientScope>();
        services.AddSingleton<PlatformSaveChangesInterceptor>();
        services.AddPlatformDbContext<PlatformDbContext>(PlatformDbContext.SchemaName);

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));

        // One validation mechanism, messages by code (ADR 0020). FluentValidation's options are process-wide.
        ValidatorOptions.Global.LanguageManager = new MessageLanguageManager();
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssemblies([typeof(PlatformServiceCollectionExtensions).Assembly, .. modules.Select(m => m.Assembly)], includeInternalTypes: true);

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PermissionChecker>();
        services.AddSingleton<IPermissionChecker>(sp => sp.GetRequiredService<PermissionChecker>());
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();

        services.AddPlatformProblemDetails();
        services.AddPlatformBlobStorage(configuration);

        services.AddSingleton<OrderedDelivery>();
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<IDeliveryLeg>(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddNotifications(); // the notifications' leg of the same relay (ADR 0043)
        if (configuration.GetValue("Outbox:PollingEnabled", true))
        {
            services.AddHostedService<DeliveryRelayService>();
        }

        if (configuration.GetValue("Audit:SealingEnabled", true))
        {
            services.AddHostedService<OneStop.Platform.Auditing.AuditSealingService>(); // pending audit records into the chains (ADR 0047)
        }

        services.AddSingleton<UnitScopeJobFilter>();
        services.AddSingleton<IAdministrativeUnitDirectory, AdministrativeUnitDirectory>();
        services.AddSingleton<OneStop.Platform.AdministrativeUnits.Reorganisations.Reorganiser>();
        services.AddScoped<OneStop.Platform.AdministrativeUnits.Reorganisations.UnitChanges>();
        services.AddScoped<OneStop.Platform.AdministrativeUnits.UnitDesignationHandler>();
        services.AddScoped<OneStop.Platform.People.IPeopleDirectory, OneStop.Platform.People.PeopleDirectory>();
        services.AddScoped<OneStop.Platform.People.PeopleAdministration>();
        services.AddScoped<OneStop.Platform.People.PeopleImport>();
        services.AddScoped<OneStop.Platform.Calendar.IWorkingCalendar, OneStop.Platform.Calendar.WorkingCalendarReader>();
        services.AddSingleton<OneStop.Platform.Calendar.WorkingCalendarCache>();
        services.AddPlatformSearch(configuration);
        return services;
    }

    /// <summary>Adds the scope middleware (after authentication) so every request runs in its acting unit.</summary>
    public static IApplicationBuilder UseUnitScope(this IApplicationBuilder app) => app.UseMiddleware<UnitScopeMiddleware>();

    /// <summary>Jobs carry and restore the unit scope and are timed (Hangfire's filter list is process-wide: added once).</summary>
    public static void UsePlatformJobFilters(this IServiceProvider services)
    {
        lock (GlobalJobFilters.Filters)
        {
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is UnitScopeJobFilter))
            {
                GlobalJobFilters.Filters.Add(services.GetRequiredService<UnitScopeJobFilter>());
            }

            // Durations of every job (onestop.job.duration, ADR 0041).
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is OneStop.Platform.Telemetry.JobTelemetryFilter))
            {
                GlobalJobFilters.Filters.Add(new OneStop.Platform.Telemetry.JobTelemetryFilter());
            }
        }
    }

    /// <summary>Maps the kernel's REST endpoints under /api/v1/platform.</summary>
    public static void MapPlatformEndpoints(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder api)
    {
        UnitsEndpoints.Map(api);
        OneStop.Platform.AdministrativeUnits.Reorganisations.ReorganisationEndpoints.Map(api);
        AuditEndpoints.Map(api);
        OneStop.Platform.People.PeopleEndpoints.Map(api);
    }

    /// <summary>Maps the working calendar's REST endpoints, at the URLs they had under Counters (<c>/api/v1/counters/calendar</c>).</summary>
    public static void MapWorkingCalendarEndpoints(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder api) =>
        OneStop.Platform.Calendar.CalendarEndpoints.Map(api);
}
