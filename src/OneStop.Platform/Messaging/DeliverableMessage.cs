namespace OneStop.Platform.Messaging;

/// <summary>
/// The delivery state every queue of messages shares (the outbox of each context, Integration's messages to external
/// systems): one algorithm, <see cref="OrderedDelivery"/>, moves them. Messages with the same
/// <see cref="OrderingKey"/> are delivered in id order (ids are version-7 GUIDs: creation order); a failed one holds
/// back its successors until it is delivered or dead-lettered.
/// </summary>
public abstract class DeliverableMessage
{
    public Guid Id { get; set; } = SequentialGuid.NewGuid();

    /// <summary>Messages with the same key go in order (e.g. a dossier's id); null: no order to keep.</summary>
    public string? OrderingKey { get; set; }

    /// <summary>One of <see cref="DeliveryStates"/>.</summary>
    public string State { get; set; } = DeliveryStates.Pending;

    public int Attempts { get; set; }

    /// <summary>Not before then (backoff after a failure); null: at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Back to the queue after an admin's retry of a dead letter.</summary>
    public void Retry()
    {
        State = DeliveryStates.Pending;
        Attempts = 0;
        NextAttemptAt = null;
    }
}
