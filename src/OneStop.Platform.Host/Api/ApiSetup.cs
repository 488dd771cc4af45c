using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.Platform.Host.Identity;
using OneStop.Platform.Identity;
using OneStop.Platform.Modules;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using Scalar.AspNetCore;

namespace OneStop.Platform.Host.Api;

public sealed record CurrentUserDto(string Name, string? FullName, Guid UnitId, string UnitName, string UnitPath, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

/// <summary>REST conventions: /api/v1/{module}, OpenAPI at /openapi/v1.json, Scalar at /scalar, health checks.</summary>
internal static class ApiSetup
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        // Enums travel as their names ("Found", not 0): stable for third parties when members are added.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<OneStop.Platform.Host.OpenApi.OperationTexts>();
        // The contract (ADR 0038): ids, texts, tags, security, errors, examples and webhooks by convention (OpenApi/).
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            OneStop.Platform.Host.OpenApi.ApiContract.AddApiContract(o);
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    public static void MapPlatformApi(this WebApplication app, IReadOnlyList<ModuleBase> modules)
    {
        // Dates, lengths, counts, null items and NUL characters are refused here for every endpoint (ADR 0034).
        var api = app.MapGroup("/api/v1").RefuseMalformedInput();
        api.MapGroup("/platform").MapPlatformEndpoints();
        api.MapWorkingCalendarEndpoints();
        api.MapGet("/me", Me).WithTags("Tài khoản").RequireAuthorization()
            .WithSummary("Người dùng hoặc ứng dụng đang gọi, đơn vị đang làm việc và các quyền");
        foreach (var module in modules)
        {
            module.MapEndpoints(api.MapGroup("/" + module.ApiSegment).WithTags(module.DisplayNameVi));
            module.MapRootEndpoints(app);
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        // No fonts from Scalar's CDN: the CSP allows fonts from this host only, and visitors' addresses stay here.
        app.MapScalarApiReference("/scalar", o => o.WithTitle("OneStop.Platform API").DisableDefaultFonts());
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteReport });
    }

    /// <summary>Readiness with each check's state, for operators and load balancers.</summary>
    private static Task WriteReport(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, error = e.Value.Exception?.Message }),
        });
    }

    private static async Task<IResult> Me(HttpContext http, ICurrentScope scope, IPermissionChecker permissions, ModuleRegistry registry)
    {
        var user = http.User;
        var granted = new List<string>();
        foreach (var p in registry.AllPermissions)
        {
            if (await permissions.IsGrantedAsync(user, p.Name))
            {
                granted.Add(p.Name);
            }
        }

        return TypedResults.Ok(new CurrentUserDto(
            scope.ActorName, user.FindFirst(PlatformClaims.FullName)?.Value, scope.Unit.UnitId, scope.Unit.Name, scope.Unit.Path,
            user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList(), granted));
    }
}

/// <summary>Ready when every module's schema answers.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services, IEnumerable<DbContextRegistration> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        foreach (var registration in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"Không kết nối được cơ sở dữ liệu của phân hệ {registration.Schema}.");
            }
        }

        return HealthCheckResult.Healthy();
    }
}

/// <summary>Ready when the job storage answers (PostgreSQL in production, memory in the embedded default).</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stats = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy($"{stats.Servers} máy chủ tác vụ, {stats.Enqueued} tác vụ chờ."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Không truy cập được kho tác vụ nền.", e));
        }
    }
}
