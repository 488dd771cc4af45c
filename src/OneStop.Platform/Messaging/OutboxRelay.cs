using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Jobs;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Messaging;

/// <summary>
/// Who handles which event, in which consumer's context (where its inbox lives). <paramref name="OneAtATime"/>: never in
/// a relay batch's single transaction (ADR 0057), for a handler whose writes lock rows others wait for (an intake's
/// running numbers): each event commits on its own.
/// </summary>
public sealed record EventHandlerRegistration(Type EventType, Type HandlerType, Type ConsumerContextType, bool OneAtATime = false)
{
    public string Consumer => HandlerType.FullName!;
}

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>; the inbox is in <typeparamref name="TContext"/>.
    /// <paramref name="oneAtATime"/>: see <see cref="EventHandlerRegistration.OneAtATime"/>.
    /// </summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler, TContext>(this IServiceCollection services, bool oneAtATime = false)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TContext : DbContext
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new EventHandlerRegistration(typeof(TEvent), typeof(THandler), typeof(TContext), oneAtATime));
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
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : IDeliveryLeg
{
    /// <summary>
    /// The most events a round takes. A consumer's round is one transaction with one savepoint per event, and each
    /// savepoint that writes is a subtransaction: past 64 of them PostgreSQL's per-backend subtransaction cache
    /// (PGPROC_MAX_CACHED_SUBXIDS) overflows, and while that transaction is open every other session's visibility
    /// checks look subtransactions up in pg_subtrans — the intakes would pay for a large round. A larger
    /// <c>Outbox:BatchSize</c> is cut to this.
    /// </summary>
    public const int MaxRound = 64;

    private readonly DeliveryPolicy _policy = new(
        configuration.GetValue("Outbox:MaxAttempts", 20),
        TimeSpan.FromSeconds(configuration.GetValue("Outbox:MaxBackoffSeconds", 300.0)),
        Math.Clamp(configuration.GetValue("Outbox:BatchSize", MaxRound), 1, MaxRound));

    /// <summary>
    /// How many consumers of a round run at once (<c>Outbox:Parallelism</c>, default 4). Each has its own scope,
    /// connection and transaction (ADR 0057), so they are independent; a consumer still takes its events in order.
    /// </summary>
    private readonly int _parallelism = Math.Max(1, configuration.GetValue("Outbox:Parallelism", 4));

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
            done += await delivery.DeliverDueAsync<OutboxMessage>(db, _policy, HandleAsync, HandleAllAsync, ct);
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

        Delivered(message, clock.GetUtcNow());
        return null;
    }

    /// <summary>Every consumer has it: how long it took since it was published with its change (ADR 0041).</summary>
    private static void Delivered(OutboxMessage message, DateTimeOffset now)
    {
        var name = new KeyValuePair<string, object?>("event", EventName(message.Type));
        OneStop.Platform.Telemetry.PlatformTelemetry.OutboxLag.Record(Math.Max(0, (now - message.OccurredAt).TotalSeconds), name);
        OneStop.Platform.Telemetry.PlatformTelemetry.EventsDelivered.Add(1, name);
    }

    /// <summary>The consumer's record that it handled the message, committed with what its handler wrote.</summary>
    private InboxMessage InboxRow(EventHandlerRegistration registration, OutboxMessage message) =>
        new() { MessageId = message.Id, Consumer = registration.Consumer, ProcessedAt = clock.GetUtcNow() };

    /// <summary>
    /// A round's messages at once (ADR 0057): each consumer takes all of its events in one DI scope and one transaction
    /// with their inbox rows, each event in its own unit's scope, behind a savepoint, in order; a batch handler
    /// (<see cref="IIntegrationEventBatchHandler{TEvent}"/>) gets them in one call. An event that fails is rolled back
    /// alone and reported with its error; the later events of its key wait for it (held back), as one at a time.
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, string?>> HandleAllAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var outcomes = new Dictionary<Guid, string?>(); // null: every consumer has it; absent: held back
        var failedKeys = new HashSet<string>();
        var events = new List<(OutboxMessage Message, IntegrationEvent Event)>(messages.Count);
        foreach (var message in messages)
        {
            if (message.OrderingKey is { } key && failedKeys.Contains(key))
            {
                continue;
            }

            if (OutboxSerializer.Deserialize(message) is not { } @event)
            {
                outcomes[message.Id] = $"Unknown event type {message.Type}";
                if (message.OrderingKey is { } failed)
                {
                    failedKeys.Add(failed);
                }

                continue;
            }

            outcomes[message.Id] = null;
            events.Add((message, @event));
        }

        // The consumers of the round at once, each in its own scope and transaction (ADR 0060), then their answers
        // merged in registration order, so the outcome is the same as one consumer after the other.
        var consumers = handlers
            .Select(r => (Registration: r, Mine: events.Where(e => e.Event.GetType() == r.EventType).ToList()))
            .Where(c => c.Mine.Count > 0).ToList();
        var answers = new Dictionary<Guid, string?>[consumers.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, consumers.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                var (registration, mine) = consumers[i];
                answers[i] = registration.OneAtATime ? await DeliverEachAsync(registration, mine, token) : await DeliverAllAsync(registration, mine, token);
            });

        for (var i = 0; i < consumers.Count; i++)
        {
            var (_, mine) = consumers[i];
            var handled = answers[i];
            foreach (var (message, _) in mine)
            {
                if (!handled.TryGetValue(message.Id, out var error))
                {
                    // Held back for this consumer: not delivered, unless it already failed elsewhere (an attempt).
                    if (outcomes.TryGetValue(message.Id, out var earlier) && earlier is null)
                    {
                        outcomes.Remove(message.Id);
                    }
                }
                else if (error is not null && (!outcomes.TryGetValue(message.Id, out var earlier) || earlier is null))
                {
                    outcomes[message.Id] = error;
                }
            }
        }

        var now = clock.GetUtcNow();
        foreach (var (message, _) in events.Where(e => outcomes.TryGetValue(e.Message.Id, out var error) && error is null))
        {
            Delivered(message, now);
        }

        return outcomes;
    }

    /// <summary>A consumer that registered one at a time: each event in its own scope and transaction; a failure holds back its key.</summary>
    private async Task<Dictionary<Guid, string?>> DeliverEachAsync(
        EventHandlerRegistration registration, List<(OutboxMessage Message, IntegrationEvent Event)> items, CancellationToken ct)
    {
        var handled = new Dictionary<Guid, string?>();
        var failedKeys = new HashSet<string>();
        foreach (var (message, @event) in items)
        {
            if (message.OrderingKey is { } key && failedKeys.Contains(key))
            {
                continue;
            }

            try
            {
                await DeliverAsync(registration, message, @event, ct);
                handled[message.Id] = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                handled[message.Id] = e.Message;
                Failed(e, registration, message, failedKeys);
            }
        }

        return handled;
    }

    /// <summary>
    /// One consumer's events of the round in one scope and one transaction. Each event behind its own savepoint, so a
    /// failing one is undone alone while those before it commit with their inbox rows (their handlers do not run twice).
    /// </summary>
    private async Task<Dictionary<Guid, string?>> DeliverAllAsync(
        EventHandlerRegistration registration, List<(OutboxMessage Message, IntegrationEvent Event)> items, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var current = scope.ServiceProvider.GetRequiredService<ICurrentScope>();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ConsumerContextType);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The savepoints are ours, one per event: none from EF around every SaveChanges (two round trips each).
        db.Database.AutoSavepointsEnabled = false;
        var ids = items.Select(i => i.Message.Id).ToList();
        var handled = (await db.Set<InboxMessage>().AsNoTracking()
            .Where(i => i.Consumer == registration.Consumer && ids.Contains(i.MessageId)).Select(i => i.MessageId).ToListAsync(ct))
            .ToDictionary(id => id, string? (_) => null);
        var todo = items.Where(i => !handled.ContainsKey(i.Message.Id)).ToList();
        if (todo.Count == 0)
        {
            return handled;
        }

        var handler = scope.ServiceProvider.GetRequiredService(registration.HandlerType);
        var invoker = HandlerInvoker.For(registration.EventType);
        var actor = "event:" + registration.HandlerType.Name;
        if (invoker.IsBatchHandler(handler))
        {
            var done = false;
            try
            {
                // Events of several units in one call: a batch handler needs no unit (it writes no scoped rows).
                using (current.Change(UnitScope.Unrestricted, null, actor))
                {
                    await invoker.HandleBatchAsync(handler, todo.Select(i => i.Event).ToList(), ct);
                }

                done = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Which event failed is not known: the same events one by one below find it (the handler is idempotent).
                logger.LogInformation(e, "{Handler} failed a batch of {Count}; handling its events one by one", registration.HandlerType.Name, todo.Count);
                db.ChangeTracker.Clear();
            }

            if (done)
            {
                db.AddRange(todo.Select(i => InboxRow(registration, i.Message)));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                foreach (var (message, _) in todo)
                {
                    handled[message.Id] = null;
                }

                return handled;
            }
        }

        var failedKeys = new HashSet<string>();
        foreach (var (message, @event) in todo)
        {
            if (message.OrderingKey is { } key && failedKeys.Contains(key))
            {
                continue; // an older event of its key failed: it waits, as one at a time
            }

            await tx.CreateSavepointAsync("relay_event", ct);
            try
            {
                // The handler acts for the unit the event belongs to, as on the one-at-a-time path.
                using (current.Change(new UnitScope(Guid.Empty, message.UnitPath, ""), null, actor))
                {
                    db.Add(InboxRow(registration, message));
                    await invoker.HandleAsync(handler, @event, ct);
                    // What the handler left unsaved is saved in its event's scope (the write-scope check and the audit
                    // records see that unit); inbox rows alone wait for the one save at the end. Then the tracker keeps
                    // only what is unsaved, as a fresh context per event would: every save and every check scans it.
                    var entries = db.ChangeTracker.Entries().ToList();
                    if (entries.Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not InboxMessage))
                    {
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                    }
                    else
                    {
                        foreach (var entry in entries.Where(e => e.State == EntityState.Unchanged))
                        {
                            entry.State = EntityState.Detached;
                        }
                    }
                }

                handled[message.Id] = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await tx.RollbackToSavepointAsync("relay_event", ct);
                handled[message.Id] = e.Message;
                Failed(e, registration, message, failedKeys);
                // The tracker may hold the failed event's changes: drop them all, then add again the inbox rows of the
                // events handled before it that no save has written yet.
                db.ChangeTracker.Clear();
                var done = todo.Where(i => handled.TryGetValue(i.Message.Id, out var error) && error is null).Select(i => i.Message.Id).ToList();
                var written = await db.Set<InboxMessage>().AsNoTracking()
                    .Where(i => i.Consumer == registration.Consumer && done.Contains(i.MessageId)).Select(i => i.MessageId).ToListAsync(ct);
                db.AddRange(todo.Where(i => done.Contains(i.Message.Id) && !written.Contains(i.Message.Id)).Select(i => InboxRow(registration, i.Message)));
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return handled;
    }

    private void Failed(Exception e, EventHandlerRegistration registration, OutboxMessage message, HashSet<string> failedKeys)
    {
        logger.LogWarning(e, "{Handler} failed on {MessageType} {MessageId} (attempt {Attempt})", registration.HandlerType.Name, EventName(message.Type), message.Id, message.Attempts + 1);
        if (message.OrderingKey is { } key)
        {
            failedKeys.Add(key);
        }
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
        await HandlerInvoker.For(registration.EventType).HandleAsync(handler, @event, ct);
        db.Add(InboxRow(registration, message));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Calls a handler of an event type known only at run time, without reflection per call.</summary>
internal abstract class HandlerInvoker
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, HandlerInvoker> Invokers = new();

    public static HandlerInvoker For(Type eventType) =>
        Invokers.GetOrAdd(eventType, t => (HandlerInvoker)Activator.CreateInstance(typeof(Of<>).MakeGenericType(t))!);

    public abstract Task HandleAsync(object handler, IntegrationEvent @event, CancellationToken ct);
    public abstract bool IsBatchHandler(object handler);
    public abstract Task HandleBatchAsync(object handler, IReadOnlyList<IntegrationEvent> events, CancellationToken ct);

    private sealed class Of<TEvent> : HandlerInvoker where TEvent : IntegrationEvent
    {
        public override Task HandleAsync(object handler, IntegrationEvent @event, CancellationToken ct) =>
            ((IIntegrationEventHandler<TEvent>)handler).HandleAsync((TEvent)@event, ct);

        public override bool IsBatchHandler(object handler) => handler is IIntegrationEventBatchHandler<TEvent>;

        public override Task HandleBatchAsync(object handler, IReadOnlyList<IntegrationEvent> events, CancellationToken ct) =>
            ((IIntegrationEventBatchHandler<TEvent>)handler).HandleBatchAsync(events.Cast<TEvent>().ToList(), ct);
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
