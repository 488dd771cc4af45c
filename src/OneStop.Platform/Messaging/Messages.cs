using OneStop.Platform.Domain;

namespace OneStop.Platform.Messaging;

/// <summary>
/// A public event waiting in the publishing module's outbox; written in the same transaction as the change, delivered
/// to its handlers in order per <see cref="DeliverableMessage.OrderingKey"/> (the event's, e.g. a dossier's id).
/// </summary>
[NotAudited]
public sealed class OutboxMessage : DeliverableMessage
{
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string UnitPath { get; set; } = "/";
}

/// <summary>An event a consumer has handled: the key (message, consumer) makes redelivery a no-op.</summary>
[NotAudited]
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>Handles a public event from another module (or the same one). Runs inside the consumer's transaction.</summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that can take the events of one relay round at once (e.g. one search-index commit for the batch instead of
/// one per event). It sees events of several units together, so it must not depend on the ambient unit (it runs
/// unrestricted) and must be idempotent for events it already applied: its work can outlive a rolled-back inbox commit
/// (ADR 0057). When the batch fails, the relay delivers the same events one at a time through
/// <see cref="IIntegrationEventHandler{TEvent}.HandleAsync"/>.
/// </summary>
public interface IIntegrationEventBatchHandler<in TEvent> : IIntegrationEventHandler<TEvent> where TEvent : IntegrationEvent
{
    /// <summary>The events in delivery order (in order per ordering key).</summary>
    Task HandleBatchAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);
}
