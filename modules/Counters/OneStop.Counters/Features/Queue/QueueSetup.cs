using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Queue.Appointments;
using OneStop.Counters.Features.Queue.Board;
using OneStop.Counters.Features.Queue.Calling;
using OneStop.Counters.Features.Queue.Desks;
using OneStop.Counters.Features.Queue.Measurement;
using OneStop.Counters.Features.Queue.Tickets;
using OneStop.Counters.Features.Queue.Visits;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Messaging;

namespace OneStop.Counters.Features.Queue;

/// <summary>Composition of the queue (hàng đợi, cấp số, gọi số, lịch hẹn) inside the Counters module.</summary>
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
        services.AddIntegrationEventHandler<DossierChanged, DossierTicketLinker, CountersDbContext>();
        services.AddHostedService<NoShowSweeper>();
        return services;
    }

    /// <summary>Endpoints under <c>/api/v1/counters/queue</c>: for the desks' own staff and for third-party kiosks and displays.</summary>
    public static void MapQueue(this IEndpointRouteBuilder api)
    {
        var queue = api.MapGroup("/queue").WithTags("Hàng đợi, cấp số, lịch hẹn");
        DeskEndpoints.Map(queue);
        IssueTicketEndpoint.Map(queue);
        CounterEndpoints.Map(queue);
        BoardEndpoints.Map(queue);
        VisitEndpoints.Map(queue);
        AppointmentEndpoints.Map(queue);
        MeasurementEndpoints.Map(queue);
    }
}
