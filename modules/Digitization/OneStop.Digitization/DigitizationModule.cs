using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Infrastructure;

namespace OneStop.Digitization;

/// <summary>Số hóa hồ sơ, kết quả; ký số; lưu trữ điện tử; kho dữ liệu công dân, tổ chức.</summary>
public sealed class DigitizationModule : ModuleBase
{
    public override string Name => "Digitization";
    public override string DisplayNameVi => "Số hóa";
    public override string DisplayNameEn => "Digitization";
    public override Assembly ContractsAssembly => typeof(DigitizationPermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => DigitizationPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Số hóa", "Digitization", "/Digitization", DigitizationPermissions.Access, "bi-file-earmark-lock"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<DigitizationDbContext>(DigitizationDbContext.SchemaName);
    }
}
