using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Features;
using OneStop.Queue.Infrastructure;

namespace OneStop.Queue;

/// <summary>Hàng đợi: cấp số, gọi số, bảng hiển thị, lịch hẹn và thời gian chờ tại Bộ phận Một cửa (ADR 0008, 0021).</summary>
public sealed class QueueModule : ModuleBase
{
    public override string Name => "Queue";
    public override string DisplayNameVi => "Xếp hàng";
    public override string DisplayNameEn => "Queue";
    public override Assembly ContractsAssembly => typeof(QueuePermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => QueuePermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Xếp hàng", "Queue", "/Queue", QueuePermissions.Read, "bi-people"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<QueueDbContext>(QueueDbContext.SchemaName);
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, Features.Kpis.QueueKpiCalculator>(); // KPIs for Evaluation's engine
        services.AddScoped<Contracts.IQueueApi, Features.Visits.QueueApi>();
        services.AddFollowsPrimarySuccessor<QueueDbContext, QueueDesk>("Quầy tiếp nhận (xếp hàng)");
        services.AddFollowsPrimarySuccessor<QueueDbContext, QueueCounter>("Quầy dịch vụ (xếp hàng)");
        services.AddScoped<IDemoDataContributor, Features.Demo.DemoQueueVisits>();
        services.AddQueue();
    }

    public override void MapEndpoints(IEndpointRouteBuilder api) => api.MapQueue();

    /// <summary>The pages and API lived under Counters until ADR 0021: old bookmarks, kiosks and displays are sent on.</summary>
    public override void MapRootEndpoints(IEndpointRouteBuilder app) => QueueRedirects.Map(app);

    public override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await EmbeddedQueueCopy.RunAsync(scope.ServiceProvider.GetRequiredService<QueueDbContext>(), cancellationToken);
    }
}
