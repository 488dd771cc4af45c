using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Jobs;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Messaging;

/// <summary>Who handles which event, in which consumer's context (where its inbox lives).</summary>
public sealed record EventHandlerRegistration(Type EventType, Type HandlerType, Type ConsumerContextType)
{
    public string Consumer => HandlerType.FullName!;
}

public static class MessagingServiceCollectionExtensions
{
    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>; the inbox is in <typeparamref name="TContext"/>.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler, TContext>(this IServiceCollection services)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TContext : DbContext
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new EventHandlerRegistration(typeof(TEvent), typeof(THandler), typeof(TContext)));
        return services;
    }
}

/// <summary>
/// The outbox leg of the relay: delivers the outbox messages of every context to their handlers through
/// <see cref="OrderedDelivery"/> (in order per event key, backoff, dead letters). Each handler runs in its own
/// transaction together with its inbox row, so a redelivered message is skipped (effectively once per handler).
/// </summary>
public sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IEnumerable<DbContextRegistration> contexts,
    IEnumerable<EventHandlerRegistration> handlers,
    OrderedDelivery delivery,
    IConfiguration configuration,
    TimeProvider clock) : IDeliveryLeg
{
    private readonly DeliveryPolicy _policy = new(
        configuration.GetValue("Outbox:MaxAttempts", 20),
        TimeSpan.FromSeconds(configuration.GetValue("Outbox:MaxBackoffSeconds", 300.0)),
        configuration.GetValue("Outbox:BatchSize", 100));

    public string Name => "outbox";

    /// <summary>Relays one batch from each outbox; returns how many messages were completed.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken ct = default)
    {
        var done = 0;
        foreach (var registration in contexts)
        {
            using var scope = scopes.CreateScope();
            using var _ = Unrestricted(scope);
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            done += await delivery.DeliverDueAsync<OutboxMessage>(db, _policy, (message, token) => HandleAsync(message, token), ct);
        }

        return done;
    }

    Task<int> IDeliveryLeg.DeliverDueAsync(CancellationToken ct) => RelayOnceAsync(ct);

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(Guid? before, int take, CancellationToken ct)
    {
        var letters = new List<DeadLetter>();
        foreach (var registration in contexts)
        {
            using var scope = scopes.CreateScope();
            using var _ = Unrestricted(scope);
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            foreach (var m in await db.Set<OutboxMessage>().AsNoTracking().DeadBefore(before).Take(take).ToListAsync(ct))
            {
                letters.Add(new DeadLetter(Name, m.Id, EventName(m.Type), "outbox " + registration.Schema, m.Id.ToString(), m.OrderingKey, m.Attempts, m.LastError, m.OccurredAt));
            }
        }

        return letters.OrderByDescending(l => l.Id).Take(take).ToList();
    }

    public async Task<bool> RetryAsync(Guid id, CancellationToken ct)
    {
        foreach (var registration in contexts)
        {
            using var scope = scopes.CreateScope();
            using var _ = Unrestricted(scope);
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (await db.RetryDeadAsync<OutboxMessage>(id, ct))
            {
                return true;
            }
        }

        return false;
    }

    private static IDisposable Unrestricted(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "outbox-relay");

    private static string EventName(string type) => type.Split(',')[0].Split('.')[^1];

    private async Task<string?> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var @event = OutboxSerializer.Deserialize(message);
        if (@event is null)
        {
            return $"Unknown event type {message.Type}";
        }

        foreach (var handler in handlers.Where(h => h.EventType == @event.GetType()))
        {
            await DeliverAsync(handler, message, @event, ct);
        }

        // Every consumer has it: how long it took since it was published with its change (ADR 0041).
        var name = new KeyValuePair<string, object?>("event", EventName(message.Type));
        OneStop.Platform.Telemetry.PlatformTelemetry.OutboxLag.Record(Math.Max(0, (clock.GetUtcNow() - message.OccurredAt).TotalSeconds), name);
        OneStop.Platform.Telemetry.PlatformTelemetry.EventsDelivered.Add(1, name);
        return null;
    }

    private async Task DeliverAsync(EventHandlerRegistration registration, OutboxMessage message, IntegrationEvent @event, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        // The handler acts for the unit the event belongs to.
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>()
            .Change(new UnitScope(Guid.Empty, message.UnitPath, ""), null, "event:" + registration.HandlerType.Name);
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ConsumerContextType);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var seen = await db.Set<InboxMessage>().AnyAsync(i => i.MessageId == message.Id && i.Consumer == registration.Consumer, ct);
        if (seen)
        {
            return;
        }

        var handler = scope.ServiceProvider.GetRequiredService(registration.HandlerType);
        await (Task)typeof(IIntegrationEventHandler<>).MakeGenericType(registration.EventType)
            .GetMethod(nameof(IIntegrationEventHandler<IntegrationEvent>.HandleAsync))!
            .Invoke(handler, [@event, ct])!;
        db.Add(new InboxMessage { MessageId = message.Id, Consumer = registration.Consumer, ProcessedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>
/// The one delivery loop: every <c>Outbox:PollIntervalMilliseconds</c> (default 1000) runs each registered
/// <see cref="IDeliveryLeg"/> (the outboxes, Integration's external messages) while the host runs.
/// </summary>
internal sealed class DeliveryRelayService(IEnumerable<IDeliveryLeg> legs, IConfiguration configuration, ILogger<DeliveryRelayService> logger)
    : PollingBackgroundService(configuration, logger, "Outbox:PollIntervalMilliseconds", 1000)
{
    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var leg in legs)
        {
            try
            {
                done += await leg.DeliverDueAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Delivery leg {Leg} failed its round", leg.Name);
            }
        }

        return done;
    }
}
