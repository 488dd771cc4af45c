using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using OneStop.Platform.Jobs;
using OneStop.Platform.Permissions;

namespace OneStop.Platform.Host.Jobs;

/// <summary>Hangfire: PostgreSQL storage in production (many servers share it), memory in the embedded default.</summary>
internal static class JobsSetup
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration["Jobs:Storage"] ?? "InMemory";
        // The storage belongs to this host's container, not to Hangfire's process-wide JobStorage.Current:
        // the job server, client, recurring jobs and dashboard all resolve it from DI (and it is disposed with the host).
        services.AddSingleton<JobStorage>(_ =>
        {
            if (string.Equals(storage, "PostgreSql", StringComparison.OrdinalIgnoreCase))
            {
                var connection = configuration["Jobs:ConnectionString"] ?? configuration["Database:ConnectionString"];
                var options = new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // Workers poll the queue table; the package's default of 15 s makes enqueued work wait too long.
                    QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:QueuePollIntervalSeconds", 5.0)),
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
            }

            return new InMemoryStorage(new InMemoryStorageOptions());
        });
        // Recurring jobs carry the zone Asia/Ho_Chi_Minh (ADR 0039); resolve it even on a host without tzdata.
        services.AddSingleton(RecurringJobs.ZoneResolver);
        services.AddHangfire((sp, cfg) => cfg
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (configuration.GetValue("Jobs:ServerEnabled", true))
        {
            services.AddHangfireServer((sp, o) =>
            {
                // This host's own container, never Hangfire's process-wide JobActivator.Current: that one belongs to the
                // host built last in the process (tests build many) and may be disposed while this server still runs.
                o.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
                o.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                o.TimeZoneResolver = RecurringJobs.ZoneResolver;
            });
        }

        return services;
    }

    public static void MapPlatformJobs(this WebApplication app)
    {
        // Dashboard for system admins only: the endpoint policy checks the permission (and sends others to login).
        app.MapHangfireDashboard("/jobs", new DashboardOptions
            {
                Authorization = [new AuthenticatedDashboardFilter()],
                DashboardTitle = "Tác vụ nền — OneStop",
                AppPath = "/",
            })
            .RequireAuthorization(PermissionPolicies.For(PlatformPermissions.JobsDashboard));
    }

    /// <summary>Endpoint authorization already checked the permission; Hangfire's default would allow local requests only.</summary>
    private sealed class AuthenticatedDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity?.IsAuthenticated == true;
    }
}
