using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.Archive;
using OneStop.Digitization.Features.CertifiedCopies;
using OneStop.Digitization.Features.DataStore;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Features.Dossiers;
using OneStop.Digitization.Features.Kpi;
using OneStop.Digitization.Features.Results;
using OneStop.Digitization.Features.ScanQueue;
using OneStop.Digitization.Features.Signing;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Jobs;
using OneStop.Platform;
using OneStop.Platform.Messaging;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Platform.Storage;

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
        new("Kho dữ liệu điện tử", "Data store", "/Digitization/DataStore", DigitizationPermissions.DataStore, "bi-person-vcard"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<DigitizationDbContext>(DigitizationDbContext.SchemaName);
        services.AddBlobReferences<DigitizationDbContext>(db => db.Documents.Select(d => (string?)d.BlobKey), db => db.Documents.Select(d => d.SignedBlobKey)); // ADR 0033
        services.AddSingleton<UnitCertificates>();
        services.AddScoped<DigitizeHandler>();
        services.AddScoped<OneStop.Platform.Modules.IDemoDataContributor, Features.Demo.DemoDocuments>();
        services.AddScoped<DocumentQueries>();
        services.AddScoped<SignHandler>();
        services.AddScoped<VerificationService>();
        services.AddScoped<ScanQueueQueries>();
        services.AddScoped<DeskService>();
        services.AddScoped<ArchiveHandler>();
        services.AddScoped<DataStore>();
        services.AddScoped<IDigitizationApi>(sp => sp.GetRequiredService<DataStore>());
        services.AddScoped<ICitizenResultsApi, Features.CitizenResults.CitizenResultsApi>(); // ADR 0050
        services.AddScoped<CertifyHandler>();
        services.AddScoped<CertifiedCopyQueries>();
        services.AddScoped<DigitizationKpiSource>();
        services.AddScoped<ResultRegister>();
        services.AddScoped<ResultQueries>();
        services.AddScoped<ResultRegisterBackfill>();
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, DigitizationKpiCalculator>(); // KPIs for Evaluation's engine: the flows, by day
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, DigitizationStockKpiCalculator>(); // and the stocks, per period (ADR 0055)
        services.AddScoped<DigitizationKpiDetails>();
        services.AddScoped<DigitizationKpiChanges>();
        services.AddIntegrationEventHandler<DossierChanged, DossierChangedHandler, DigitizationDbContext>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        DocumentEndpoints.Map(api);
        SignEndpoints.Map(api);
        ScanQueueEndpoints.Map(api);
        DeskEndpoints.Map(api);
        ArchiveEndpoints.Map(api);
        DataStoreEndpoints.Map(api);
        KpiEndpoints.Map(api);
        CertifiedCopyEndpoints.Map(api);
        ResultEndpoints.Map(api);
    }

    public override void ConfigureJobs(RecurringJobs jobs) =>
        jobs.Daily<ResultRegisterBackfill>(ResultRegisterBackfill.JobId, j => j.RunAsync(CancellationToken.None), 3);

    /// <summary>After each deployment, the register lines of dossiers resolved before it existed are written in the background.</summary>
    public override Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<ResultRegisterBackfill>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}
