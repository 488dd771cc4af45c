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
/// Delivers outbox messages of every context to their handlers, at least once; each handler runs in its own
/// transaction together with its inbox row, so a redelivered message is skipped (effectively once).
/// Idempotent scanner of database state: safe to run from several instances or after a crash.
/// </summary>
public sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IEnumerable<DbContextRegistration> contexts,
    IEnumerable<EventHandlerRegistration> handlers,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
{
    public const int BatchSize = 100;
    public const int MaxAttempts = 20;

    /// <summary>Relays one batch from each outbox; returns how many messages were completed.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken ct = default)
    {
        var done = 0;
        foreach (var registration in contexts)
        {
            done += await RelayContextAsync(registration, ct);
        }

        return done;
    }

    private async Task<int> RelayContextAsync(DbContextRegistration registration, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "outbox-relay");
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.ProcessedAt == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.Id) // version-7 GUIDs: time order
            .Take(BatchSize)
            .ToListAsync(ct);
        var done = 0;
        foreach (var message in batch)
        {
            try
            {
                var @event = OutboxSerializer.Deserialize(message)
                    ?? throw new InvalidOperationException($"Unknown event type {message.Type}");
                foreach (var handler in handlers.Where(h => h.EventType == @event.GetType()))
                {
                    await DeliverAsync(handler, message, @event, ct);
                }

                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                logger.LogWarning(e, "Delivery of {MessageType} {MessageId} failed (attempt {Attempt})", message.Type, message.Id, message.Attempts);
            }

            await db.SaveChangesAsync(ct);
        }

        return done;
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

/// <summary>Runs the relay every <c>Outbox:PollIntervalMilliseconds</c> (default 1000) while the host runs.</summary>
internal sealed class OutboxRelayService(OutboxRelay relay, IConfiguration configuration, ILogger<OutboxRelayService> logger)
    : PollingBackgroundService(configuration, logger, "Outbox:PollIntervalMilliseconds", 1000)
{
    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => relay.RelayOnceAsync(cancellationToken);
}
