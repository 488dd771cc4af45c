using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Notifications;

/// <summary>
/// The notifications' leg of the kernel's relay (ADR 0017, 0043): due deliveries oldest first, in order per dossier and
/// channel, through the channel's gateway; a failure waits out a backoff, and after <c>Notifications:MaxAttempts</c>
/// the delivery is a dead letter on /Delivery for a system admin to retry.
/// </summary>
public sealed class NotificationDeliveryLeg(IServiceScopeFactory scopes, OrderedDelivery delivery, IConfiguration configuration) : IDeliveryLeg
{
    private readonly DeliveryPolicy _policy = new(
        configuration.GetValue("Notifications:MaxAttempts", 12),
        TimeSpan.FromSeconds(configuration.GetValue("Notifications:MaxBackoffSeconds", 600.0)),
        configuration.GetValue("Notifications:BatchSize", 100));

    public string Name => "notifications";

    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "notifications");
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var gateways = scope.ServiceProvider.GetServices<INotificationGateway>().ToDictionary(g => g.Channel);
        return await delivery.DeliverDueAsync<NotificationDelivery>(db, _policy, (message, token) => gateways.TryGetValue(message.Channel, out var gateway) && gateway.Enabled
            ? gateway.SendAsync(new NotificationMessage(message.Id, message.Channel, message.Recipient, message.Subject, message.Body), token)
            : Task.FromResult<string?>("Kênh " + NotificationChannels.NameVi(message.Channel) + " chưa được cấu hình."), ct);
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(Guid? before, int take, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "notifications");
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().NotificationDeliveries.AsNoTracking().DeadBefore(before).Take(take)
            .Select(m => new DeadLetter(Name, m.Id, "notification:" + m.Kind, m.Channel, m.DossierCode, m.OrderingKey, m.Attempts, m.LastError, m.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<bool> RetryAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "notifications");
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().RetryDeadAsync<NotificationDelivery>(id, ct);
    }
}
