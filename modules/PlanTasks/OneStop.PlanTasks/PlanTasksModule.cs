using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Jobs;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Platform.Storage;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features;
using OneStop.PlanTasks.Features.Assignments;
using OneStop.PlanTasks.Features.ControlReport;
using OneStop.PlanTasks.Features.Deadlines;
using OneStop.PlanTasks.Features.Inspections;
using OneStop.PlanTasks.Features.Plan;
using OneStop.PlanTasks.Features.PlanEditing;
using OneStop.PlanTasks.Features.Reports;
using OneStop.PlanTasks.Features.Resources;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks;

/// <summary>Kế hoạch đổi mới thực hiện cơ chế một cửa, một cửa liên thông (2021–2025 and the plans after it): nhiệm vụ, tiến độ, kiểm tra.</summary>
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
        new("Kiểm tra thực hiện kế hoạch", "Plan inspections", "/PlanTasks/Inspections", PlanTasksPermissions.Access, "bi-clipboard-check"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<PlanTasksDbContext>(PlanTasksDbContext.SchemaName);
        services.AddBlobReferences<PlanTasksDbContext>(db => db.Evidence.Select(e => (string?)e.StorageKey)); // ADR 0033
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, OneStop.PlanTasks.Features.Kpis.PlanTasksKpiCalculator>(); // KPIs for Evaluation's engine
        services.AddScoped<PlanSeeder>();
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanEditor>();
        services.AddScoped<AssignmentQueries>();
        services.AddScoped<AssignTaskHandler>();
        services.AddScoped<SubmitReportHandler>();
        services.AddScoped<ReviewReportHandler>();
        services.AddScoped<OneStop.Platform.Modules.IDemoDataContributor, Features.Demo.DemoPlanReports>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<InspectionHandler>();
        services.AddScoped<DeadlineScanner>();
        services.AddScoped<ControlReportBuilder>();
        services.AddScoped<ResourceService>();
        services.AddScoped<IPlanTasksApi, PlanTasksApi>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        PlanEndpoints.Map(api);
        PlanEditingEndpoints.Map(api);
        AssignmentEndpoints.Map(api);
        ReportEndpoints.Map(api);
        InspectionEndpoints.Map(api);
        ResourceEndpoints.Map(api);
        ControlReportEndpoints.Map(api);
    }

    public override void ConfigureJobs(RecurringJobs jobs) =>
        jobs.Daily<DeadlineScanner>(DeadlineScanner.JobId, s => s.RunAsync(CancellationToken.None), 0, 30);

    public override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<PlanSeeder>().SeedAsync(cancellationToken);
}
