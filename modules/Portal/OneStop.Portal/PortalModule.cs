using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform;
using OneStop.Platform.Messaging;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Portal.Contracts;
using OneStop.Portal.Features.Citizens;
using OneStop.Portal.Features.Statistics;
using OneStop.Portal.Infrastructure;

namespace OneStop.Portal;

/// <summary>
/// Cổng dịch vụ công (the citizen's side, ADR 0042): public pages without sign-in — the catalogue searched without
/// diacritics, a procedure as its version valid today states it, public statistics per unit and the dossier look-up;
/// and, for a citizen signed in through VNeID (ADR 0046), their own dossiers behind the citizen's cookie scheme, which
/// it registers. It reads Counters and Evaluation through their contracts and owns schema "portal" (empty until
/// citizens' own data — submissions, preferences — arrives with the next parts of issue 18).
/// </summary>
public sealed class PortalModule : ModuleBase
{
    public override string Name => "Portal";
    public override string DisplayNameVi => "Cổng dịch vụ công";
    public override string DisplayNameEn => "Public service portal";
    public override Assembly ContractsAssembly => typeof(PortalAddresses).Assembly;
    public override IEnumerable<PermissionDefinition> Permissions => PortalPermissions.All;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformDbContext<PortalDbContext>(PortalDbContext.SchemaName);
        services.AddScoped<PublicStatistics>();
        services.AddScoped<Features.Submissions.SubmissionDrafts>(); // online submission (ADR 0049)
        // The citizen's cookie, written by Integration's VNeID sign-in and read by "Hồ sơ của tôi" (ADR 0046).
        services.AddCitizenCookie();
        // Notifications to applicants on dossier events (ADR 0043): the kernel's Notifier, Integration's gateways.
        services.AddIntegrationEventHandler<OneStop.Counters.Contracts.DossierChanged, Features.Notifications.DossierNotificationHandler, PortalDbContext>();
        services.AddIntegrationEventHandler<OneStop.Counters.Contracts.DossierOverdue, Features.Notifications.DossierOverdueNotificationHandler, PortalDbContext>();
        services.AddScoped<Features.Notifications.NotificationTemplateEditor>();
        // "Thông báo đã gửi" on Counters' dossier page is this module's (internal) view component.
        services.AddMvcCore().ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new Features.Notifications.InternalViewComponents()));
    }
}
