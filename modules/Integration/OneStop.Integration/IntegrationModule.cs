using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;

namespace OneStop.Integration;

/// <summary>Kết nối Cơ sở dữ liệu quốc gia, Cổng Dịch vụ công quốc gia, Hệ thống thông tin chỉ đạo điều hành.</summary>
public sealed class IntegrationModule : ModuleBase
{
    public override string Name => "Integration";
    public override string DisplayNameVi => "Kết nối";
    public override string DisplayNameEn => "Integration";
    public override Assembly ContractsAssembly => typeof(IntegrationPermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => IntegrationPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Kết nối", "Integration", "/Integration", IntegrationPermissions.Access, "bi-diagram-3"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<IntegrationDbContext>(IntegrationDbContext.SchemaName);
    }
}
