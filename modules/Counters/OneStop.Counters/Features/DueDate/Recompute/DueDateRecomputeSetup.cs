using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Messaging;

namespace OneStop.Counters.Features.DueDate.Recompute;

/// <summary>The recompute and the handler that queues it on <see cref="WorkingCalendarChanged"/>.</summary>
internal static class DueDateRecomputeSetup
{
    public static IServiceCollection AddDueDateRecompute(this IServiceCollection services)
    {
        services.AddScoped<DueDateRecompute>();
        services.AddIntegrationEventHandler<WorkingCalendarChanged, QueueDueDateRecompute, CountersDbContext>();
        return services;
    }
}
