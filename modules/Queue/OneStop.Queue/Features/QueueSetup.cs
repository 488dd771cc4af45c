using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Features.Appointments;
using OneStop.Queue.Features.Board;
using OneStop.Queue.Features.Calling;
using OneStop.Queue.Features.Desks;
using OneStop.Queue.Features.Measurement;
using OneStop.Queue.Features.Tickets;
using OneStop.Queue.Features.Visits;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Messaging;

namespace OneStop.Queue.Features;

/// <summary>Composition of the queue (hàng đợi, cấp số, gọi số, lịch hẹn).</summary>
internal static class QueueSetup
{
    public static IServiceCollection AddQueue(this IServiceCollection services)
    {
        services.AddSingleton<BoardSignals>();
        services.AddScoped<DeskSetupHandler>();
        services.AddScoped<IssueTicketHandler>();
        services.AddScoped<CounterCommandHandler>();
        services.AddScoped<BoardReader>();
        services.AddScoped<AppointmentHandler>();
        services.AddScoped<QueueVisitReader>();
        services.AddScoped<LinkDossierHandler>();
        services.AddScoped<QueueStats>();
        // Inbox rows in the queue schema: the link is written in the same transaction as the handler's inbox row (ADR 0017).
        services.AddIntegrationEventHandler<DossierChanged, DossierTicketLinker, QueueDbContext>();
        services.AddHostedService<NoShowSweeper>();
        return services;
    }

    /// <summary>
    /// Endpoints under <c>/api/v1/queue</c> (<c>/api/v1/queue</c> until ADR 0021, which redirects there): for the
    /// desks' own staff and for third-party kiosks and displays.
    /// </summary>
    public static void MapQueue(this IEndpointRouteBuilder api)
    {
        var queue = api.MapGroup("").WithTags("Hàng đợi, cấp số, lịch hẹn");
        DeskEndpoints.Map(queue);
        IssueTicketEndpoint.Map(queue);
        CounterEndpoints.Map(queue);
        BoardEndpoints.Map(queue);
        VisitEndpoints.Map(queue);
        AppointmentEndpoints.Map(queue);
        MeasurementEndpoints.Map(queue);
    }
}
