using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Evaluation.Features.Complaints;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Features.Reports;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Jobs;
using OneStop.Platform;
using OneStop.Platform.Kpis;
using OneStop.Platform.Messaging;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;

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
        new("Bảng điều hành", "Cockpit", "/Evaluation", EvaluationPermissions.Cockpit, "bi-speedometer2"),
        new("Phản ánh, kiến nghị", "Complaints", "/Evaluation/Complaints", EvaluationPermissions.Complaints, "bi-chat-left-text"),
        new("Nhập phiếu đánh giá giấy", "Paper ratings", "/Evaluation/PaperRatings", EvaluationPermissions.Ratings, "bi-clipboard-check"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<EvaluationDbContext>(EvaluationDbContext.SchemaName);
        services.AddScoped<KpiSeeder>();
        services.AddScoped<KpiEngine>();
        services.AddScoped<IDemoDataContributor, Features.Demo.DemoRatings>();
        services.AddScoped<IDemoDataContributor, Features.Demo.DemoKpis>();
        services.AddScoped<BreachScanner>();
        services.AddScoped<KpiQueries>();
        services.AddSingleton<KpiDefinitionCache>();
        services.AddScoped<KpiGlossary>();
        services.AddScoped<Features.Targets.KpiTargetHandler>();
        services.AddScoped<EvaluationReport>();
        services.AddScoped<RateHandler>();
        services.AddScoped<PaperRatingQueries>();
        services.AddScoped<ComplaintHandler>();
        services.AddScoped<IEvaluationApi, EvaluationApi>();
        services.AddScoped<ICitizenFeedbackApi, Features.Citizens.CitizenFeedbackApi>(); // ADR 0050
        // Evaluation's own calculators; every other module registers its own the same way.
        services.AddScoped<IKpiCalculator, SatisfactionCalculator>();
        services.AddScoped<IKpiCalculator, ComplaintCalculator>();
        // A change set taking effect remaps every year's "as is" KPIs: recompute them (ADR 0016).
        services.AddScoped<OneStop.Platform.AdministrativeUnits.Reorganisations.IUnitSuccessionParticipant, KpiRecomputeOnReorganisation>();
        services.AddIntegrationEventHandler<DossierChanged, RatedDossierProjection, EvaluationDbContext>();
        services.AddIntegrationEventHandler<OneStop.Integration.Contracts.PortalRatingGiven, Features.PortalRatings.PortalRatingHandler, EvaluationDbContext>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        RatingEndpoints.Map(api);
        ComplaintEndpoints.Map(api);
        KpiEndpoints.Map(api);
        Features.Targets.KpiTargetEndpoints.Map(api);
        ReportEndpoints.Map(api);
    }

    public override void ConfigureJobs(RecurringJobs jobs)
    {
        jobs.EveryMinutes<KpiEngine>(KpiEngine.IncrementalJobId, e => e.RunIncrementalAsync(CancellationToken.None), 5);
        jobs.Daily<KpiEngine>(KpiEngine.FullJobId, e => e.RecomputeCurrentYearAsync(CancellationToken.None), 1);
        jobs.Daily<BreachScanner>(BreachScanner.JobId, s => s.RunAsync(CancellationToken.None), 2);
    }

    public override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<KpiSeeder>().SeedAsync(cancellationToken);
        KpiCalculatorCoverage.WarnAtStartup(services.GetServices<IKpiCalculator>(), services.GetRequiredService<ILogger<EvaluationModule>>());
    }
}
