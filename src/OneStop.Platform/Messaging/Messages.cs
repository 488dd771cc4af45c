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
