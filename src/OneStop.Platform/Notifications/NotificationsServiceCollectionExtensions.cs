using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Platform.Messaging;

namespace OneStop.Platform.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The kernel's notification service and its relay leg; the gateways come from Integration.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.TryAddScoped<Notifier>();
        if (!services.Any(d => d.ServiceType == typeof(NotificationDeliveryLeg)))
        {
            services.AddSingleton<NotificationDeliveryLeg>();
            services.AddSingleton<IDeliveryLeg>(sp => sp.GetRequiredService<NotificationDeliveryLeg>());
        }

        return services;
    }
}
