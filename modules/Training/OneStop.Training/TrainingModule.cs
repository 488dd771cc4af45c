using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Training.Contracts;
using OneStop.Training.Features;
using OneStop.Training.Features.Certificates;
using OneStop.Training.Features.Classes;
using OneStop.Training.Features.Courses;
using OneStop.Training.Features.Plans;
using OneStop.Training.Features.Staff;
using OneStop.Training.Infrastructure;

namespace OneStop.Training;

/// <summary>Khóa học, lớp bồi dưỡng, điểm danh, chứng nhận cho cán bộ một cửa.</summary>
public sealed class TrainingModule : ModuleBase
{
    public override string Name => "Training";
    public override string DisplayNameVi => "Đào tạo";
    public override string DisplayNameEn => "Training";
    public override Assembly ContractsAssembly => typeof(TrainingPermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => TrainingPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Đào tạo", "Training", "/Training", TrainingPermissions.Access, "bi-mortarboard"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<TrainingDbContext>(TrainingDbContext.SchemaName);
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, OneStop.Training.Features.Kpis.TrainingKpiCalculator>(); // KPIs for Evaluation's engine
        services.AddScoped<ClassHandler>();
        services.AddScoped<CertificateRenderer>();
        services.AddScoped<TrainingPlans>();
        services.AddScoped<TrainedStaffQueries>();
        services.AddScoped<TrainingApi>();
        services.AddScoped<ITrainingApi>(sp => sp.GetRequiredService<TrainingApi>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder api) => TrainingEndpoints.Map(api);

    public override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await CourseCatalogue.SeedAsync(services.GetRequiredService<TrainingDbContext>(), cancellationToken);
}
