using OneStop.Platform.AdministrativeUnits.Reorganisations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Platform.Storage;
using OneStop.Platform.Messaging;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features;
using OneStop.Counters.Features.DueDate;
using OneStop.Counters.Features.Catalogue.EditProcedure;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Features.Dossiers.Overdue;
using OneStop.Platform.Jobs;
using OneStop.Counters.Features.Search;
using OneStop.Counters.Infrastructure;
using Microsoft.AspNetCore.Routing;
using OneStop.Platform.Permissions;

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
        new("Việc cần làm", "My work", Features.Dossiers.WorkQueues.WorkQueueMenuCounter.Url, CountersPermissions.DossiersRead, "bi-inboxes"),
        new("Tổng quan một cửa", "Counters overview", "/Counters", CountersPermissions.Access, "bi-person-workspace"),
        new("Hồ sơ", "Dossiers", "/Counters/Dossiers", CountersPermissions.DossiersRead, "bi-folder2-open"),
        new("Danh mục TTHC", "Procedure catalogue", "/Counters/Catalogue", CountersPermissions.CatalogueRead, "bi-journal-text"),
        new("Lịch làm việc", "Working calendar", "/Counters/Calendar", PlatformPermissions.CalendarRead, "bi-calendar3"),
        new("Hồ sơ quá hạn", "Overdue dossiers", "/Counters/Overdue", CountersPermissions.DossiersRead, "bi-alarm"),
        new("Hồ sơ trực tuyến chờ xác định nơi nhận", "Online submissions to route", "/Counters/Online", CountersPermissions.OnlineSubmissionsReview, "bi-signpost-split"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<CountersDbContext>(CountersDbContext.SchemaName);
        services.AddBlobReferences<CountersDbContext>(db => db.LocationIndependentDecisions.Select(d => d.SignedPdfKey), db => db.DossierComponentFiles.Select(f => (string?)f.BlobKey)); // ADR 0033
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, OneStop.Counters.Features.Kpis.DossierKpiCalculator>(); // KPIs for Evaluation's engine
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, OneStop.Counters.Features.Kpis.CatalogueKpiCalculator>();
        services.AddScoped<DueDateHandler>();
        services.AddScoped<EditProcedureHandler>();
        services.AddScoped<Features.Catalogue.ProcedureVersions.NewProcedureVersionHandler>();
        services.AddScoped<OneStop.Counters.Features.Catalogue.ImportCatalogue.CatalogueImport>();
        services.AddScoped<DossierClock>();
        services.AddScoped<DossierWorkflow>();
        services.AddScoped<Features.Catalogue.StepBudgets.InternalProcessEditor>();
        services.AddScoped<Features.Dossiers.WorkQueues.WorkQueueQueries>();
        services.AddScoped<OneStop.Platform.Modules.IMenuCounter, Features.Dossiers.WorkQueues.WorkQueueMenuCounter>(); // the count beside "Việc cần làm"
        services.AddScoped<OneStop.Platform.AdministrativeUnits.Reorganisations.IUnitSuccessionParticipant, Features.Dossiers.Reorganisation.OpenDossierHandover>();
        services.AddScoped<TrainingGate>();
        services.AddScoped<DossierAssignees>();
        services.AddScoped<IntakeHandler>();
        services.AddScoped<IntakeProcedures>();
        services.AddSingleton<IntakeProcedureCache>();
        services.AddScoped<Features.Catalogue.LocationIndependence.LocationIndependence>();
        services.AddScoped<Features.Catalogue.LocationIndependence.DecisionRegistry>();
        services.AddScoped<Features.Catalogue.DocumentTypes.DocumentTypeRegistry>();
        services.AddScoped<OneStop.Platform.Modules.IDemoDataContributor, Features.Demo.DemoDossiers>();
        services.AddScoped<DossierQueries>();
        services.AddScoped<ICountersApi, CountersApi>();
        // The citizen portal's reads: the catalogue valid today and the throttled dossier look-up (ADR 0042).
        services.AddScoped<ICountersPublicApi, Features.Catalogue.PublicCatalogue.CountersPublicApi>();
        services.AddScoped<PublicLookup>();
        services.AddScoped<Features.Dossiers.Forms.ApplicantForms>();
        services.AddScoped<IApplicantDossierActions, Features.Dossiers.Applicant.ApplicantDossierActions>(); // ADR 0050
        services.AddBlobReferences<CountersDbContext>(db => db.ApplicantSupplementFiles.Select(f => (string?)f.BlobKey)); // ADR 0033, 0050
        services.AddScoped<PublicLookupThrottle>();
        services.AddScoped<Features.Dossiers.Online.OnlineSubmissionFiler>();
        services.AddScoped<Features.Dossiers.Online.OnlineSubmissionReview>();
        services.AddScoped<ICitizenSubmissionApi, Features.CitizenSubmissions.CitizenSubmissionApi>(); // online submission from our own portal (ADR 0049)
        // An online dossier takes its code (a row lock per agency-day that the desks' intakes wait for): one commit per
        // submission, never held for a whole relay batch (ADR 0057).
        services.AddIntegrationEventHandler<OneStop.Integration.Contracts.OnlineDossierSubmitted, Features.Dossiers.Online.OnlineSubmissionHandler, CountersDbContext>(oneAtATime: true);
        services.AddIntegrationEventHandler<OneStop.Platform.UnitsReorganised, Features.Search.ReindexAfterReorganisation, CountersDbContext>();
        services.AddDossierOverdue();
        services.AddDossierSearch(configuration);
        Features.DueDate.Recompute.DueDateRecomputeSetup.AddDueDateRecompute(services); // after a calendar change (ADR 0040)
    }

    public override void MapEndpoints(IEndpointRouteBuilder api) => CountersEndpoints.Map(api);

    public override void ConfigureJobs(RecurringJobs jobs) =>
        // Every 15 minutes: a dossier due at 17:00 gets its draft before the officer leaves.
        jobs.EveryMinutes<OverdueScanner>(OverdueScanner.JobId, s => s.RunAsync(CancellationToken.None), 15);

    public override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await CountersSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<CountersDbContext>(),
            scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue(CountersSeeder.SampleDecisionSetting, false), cancellationToken);
    }
}
