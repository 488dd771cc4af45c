using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Platform.Jobs;
using OneStop.Platform.Messaging;
using OneStop.Integration.Features.CitizenSignIn;
using OneStop.Integration.Features.Connections;
using OneStop.Integration.Features.Exchanges;
using OneStop.Integration.Features.Lookups;
using OneStop.Integration.Features.Webhooks;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;

namespace OneStop.Integration;

/// <summary>Kết nối Cơ sở dữ liệu quốc gia, Cổng Dịch vụ công quốc gia, Hệ thống thông tin chỉ đạo điều hành.</summary>
public sealed class IntegrationModule : ModuleBase
{
    private bool _sandbox = true;
    private bool _citizenSignIn;

    public override string Name => "Integration";
    public override string DisplayNameVi => "Kết nối";
    public override string DisplayNameEn => "Integration";
    public override Assembly ContractsAssembly => typeof(IntegrationPermissions).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => IntegrationPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Kết nối", "Integration", "/Integration", IntegrationPermissions.Access, "bi-diagram-3"),
        // The daily reconciliation's findings (ADR 0049), for those who read the exchanges with the national systems.
        new("Đối soát thanh toán", "Payment reconciliation", "/Integration/PaymentMismatches", IntegrationPermissions.ExchangesRead, "bi-cash-coin"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<IntegrationDbContext>(IntegrationDbContext.SchemaName);
        services.AddNationalSystemConnectors(configuration);
        AddSimulators(services);
        services.AddScoped<Features.CommandCentre.CommandCentreReporter>();
        // A retired unit's webhook subscriptions serve its successor from the reorganisation's date (ADR 0015).
        OneStop.Platform.AdministrativeUnits.Reorganisations.FollowsPrimarySuccessorExtensions
            .AddFollowsPrimarySuccessor<IntegrationDbContext, Features.Webhooks.WebhookSubscription>(services, "Đăng ký webhook");
        services.AddScoped<OneStop.Platform.Kpis.IKpiCalculator, Features.Kpis.IntegrationKpiCalculator>();
        services.AddSingleton<OutgoingDelivery>();
        services.AddIntegrationEventHandler<OneStop.Counters.Contracts.DossierChanged, Features.DossierSync.DossierChangedHandler, IntegrationDbContext>();
        services.AddIntegrationEventHandler<OneStop.Digitization.Contracts.ElectronicResultSigned, Features.DossierSync.ElectronicResultSignedHandler, IntegrationDbContext>();
        services.AddSingleton<Features.PortalSubmissions.PortalFileFetcher>();
        services.AddSingleton<Features.PortalSubmissions.PortalSubmissionPuller>();
        services.AddSingleton<IPortalSubmissionFeed, Features.PortalSubmissions.PortalSubmissionFeed>();
        services.AddSingleton<Features.PortalRatings.PortalRatingPuller>();
        if (configuration.GetValue("Integration:PortalRatings:Enabled", true))
        {
            services.AddHostedService<Features.PortalRatings.PortalRatingService>();
        }
        if (configuration.GetValue("Integration:PortalSubmissions:Enabled", true))
        {
            services.AddHostedService<Features.PortalSubmissions.PortalSubmissionService>();
        }

        services.AddSingleton<OneStop.Platform.Messaging.IDeliveryLeg>(sp => sp.GetRequiredService<OutgoingDelivery>()); // the kernel relay's external leg
        AddNotificationGateways(services, configuration);
        // Online payments through the national payment platform (ADR 0049): orders, signed callbacks, daily reconciliation.
        services.AddHttpClient(Features.Payments.PaymentSettings.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(configuration.GetValue("Integration:Payments:TimeoutSeconds", 20.0)));
        services.AddScoped<Features.Payments.PaymentSettings>();
        services.AddScoped<IOnlinePaymentApi, Features.Payments.OnlinePayments>();
        services.AddScoped<Features.Payments.PaymentReconciliation>();
        _sandbox = configuration.GetValue("Integration:Sandbox:Enabled", true);
        // Citizens sign in through VNeID (ADR 0046): OpenIddict's client, here because only this module calls out.
        services.AddCitizenSignIn(configuration, _sandbox);
        _citizenSignIn = Features.CitizenSignIn.CitizenSignInSetup.Enabled(configuration, _sandbox);
    }

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        LookupEndpoints.Map(api);
        ConnectionStatus.Map(api);
        ExchangeLog.Map(api);
        OutgoingEndpoints.Map(api);
        Webhooks.Map(api);
        OneStop.Integration.Features.ApiClients.ApiClientEndpoints.Map(api);
        Features.CommandCentre.CommandCentreReporter.Map(api);
        Features.Payments.PaymentCallback.Map(api);
        Features.Payments.PaymentReconciliation.Map(api);
    }

    /// <summary>
    /// The province's indicators go to the Government's command centre daily, after the KPI recompute (01:00); the
    /// connections to the national systems are checked hourly (the "national databases connected" KPI counts the checks).
    /// </summary>
    public override void ConfigureJobs(RecurringJobs jobs)
    {
        jobs.Daily<Features.CommandCentre.CommandCentreReporter>(Features.CommandCentre.CommandCentreReporter.JobId,
            r => r.RunAsync(CancellationToken.None), 3);
        jobs.Hourly<ConnectionHealthChecker>(ConnectionHealthChecker.JobId, c => c.RunAsync(CancellationToken.None));
        // Yesterday's payments against the payment platform's statement, once the platform has closed the day.
        jobs.Daily<Features.Payments.PaymentReconciliation>(Features.Payments.PaymentReconciliation.JobId, r => r.RunAsync(CancellationToken.None), 2);
    }

    /// <summary>
    /// The simulators of the national systems on their own (no database, no other module): for a second process that
    /// stands in for the national systems, e.g. <c>etc/simulators</c>. Behaviour comes from configuration
    /// (<c>Integration:Sandbox:{system}:LatencyMilliseconds|ErrorRate</c>) or from <c>PUT /sandbox/{system}/behaviour</c>.
    /// </summary>
    /// <summary>
    /// The notification channels' ways out (ADR 0043): e-mail by SMTP, SMS and Zalo by their gateways' HTTP APIs. One
    /// attempt per call with a timeout: the kernel's relay retries a failed delivery with backoff.
    /// </summary>
    private static void AddNotificationGateways(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OneStop.Platform.Notifications.INotificationGateway, Notifications.EmailGateway>();
        foreach (var (channel, key) in new[] { (OneStop.Platform.Notifications.NotificationChannels.Sms, "sms"), (OneStop.Platform.Notifications.NotificationChannels.Zalo, "zalo") })
        {
            services.AddHttpClient(Notifications.MessageGateway.ClientPrefix + key, c => c.Timeout = TimeSpan.FromSeconds(configuration.GetValue("Notifications:TimeoutSeconds", 15.0)));
            services.AddSingleton<OneStop.Platform.Notifications.INotificationGateway>(sp => new Notifications.MessageGateway(
                channel, key, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ConnectorAddresses>()));
        }
    }

    public static void AddSimulators(IServiceCollection services)
    {
        services.AddSingleton<SandboxBehaviour>();
        services.AddSingleton<SimulatedMessageLog>();
        services.AddSingleton<PortalSimulator>();
        services.AddSingleton<CommandCentreSimulator>();
        services.AddSingleton<WebhookReceiverSimulator>();
        services.AddSingleton<VNeIdSimulator>();
        services.AddSingleton<PaymentPlatformSimulator>();
        services.AddHttpClient(); // the payment simulator posts its callbacks (also when the simulators run on their own)
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>Maps the simulators under <c>/sandbox</c>, plus the behaviour switch a standalone run needs (no admin API there).</summary>
    public static void MapSimulators(IEndpointRouteBuilder app)
    {
        SandboxEndpoints.Map(app);
        SandboxEndpoints.MapBehaviourSwitch(app);
    }

    public override void MapRootEndpoints(IEndpointRouteBuilder app)
    {
        Features.CitizenSignIn.CitizenSignInEndpoints.Map(app, _citizenSignIn);
        if (_sandbox)
        {
            SandboxEndpoints.Map(app);
        }
    }
}
