using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;

namespace OneStop.Counters;

/// <summary>Tiếp nhận, xử lý, luân chuyển và trả kết quả hồ sơ thủ tục hành chính.</summary>
public sealed class CountersModule : ModuleBase
{
    public override string Name => "Counters";
    public override string DisplayNameVi => "Một cửa";
    public override string DisplayNameEn => "One-stop counters";
    public override Assembly ContractsAssembly => typeof(CountersPermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => CountersPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Một cửa", "One-stop counters", "/Counters", CountersPermissions.Access, "bi-person-workspace"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<CountersDbContext>(CountersDbContext.SchemaName);
    }
}
