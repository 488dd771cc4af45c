using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Infrastructure;

namespace OneStop.Evaluation;

/// <summary>Mức độ hài lòng, Bộ chỉ số 766, chỉ tiêu kế hoạch, bảng điều hành.</summary>
public sealed class EvaluationModule : ModuleBase
{
    public override string Name => "Evaluation";
    public override string DisplayNameVi => "Đánh giá";
    public override string DisplayNameEn => "Evaluation";
    public override Assembly ContractsAssembly => typeof(EvaluationPermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => EvaluationPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Đánh giá", "Evaluation", "/Evaluation", EvaluationPermissions.Access, "bi-speedometer2"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<EvaluationDbContext>(EvaluationDbContext.SchemaName);
    }
}
