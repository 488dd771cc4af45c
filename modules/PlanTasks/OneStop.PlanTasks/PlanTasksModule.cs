using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks;

/// <summary>Kế hoạch đổi mới thực hiện cơ chế một cửa, một cửa liên thông 2021–2025: nhiệm vụ, tiến độ, kiểm tra.</summary>
public sealed class PlanTasksModule : ModuleBase
{
    public override string Name => "PlanTasks";
    public override string DisplayNameVi => "Nhiệm vụ kế hoạch";
    public override string DisplayNameEn => "Plan tasks";
    public override Assembly ContractsAssembly => typeof(PlanTasksPermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => PlanTasksPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Nhiệm vụ kế hoạch", "Plan tasks", "/PlanTasks", PlanTasksPermissions.Access, "bi-list-check"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<PlanTasksDbContext>(PlanTasksDbContext.SchemaName);
    }
}
