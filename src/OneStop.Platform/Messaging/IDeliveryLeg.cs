namespace OneStop.Platform.Messaging;

/// <summary>
/// One queue the relay moves (the outboxes of all contexts; Integration's messages to external systems): the single
/// delivery loop (<see cref="DeliveryRelayService"/>) runs every registered leg, and the dead-letter page lists and
/// retries what each one gave up on.
/// </summary>
public interface IDeliveryLeg
{
    string Name { get; }

    /// <summary>One round over the due messages; returns how many were delivered.</summary>
    Task<int> DeliverDueAsync(CancellationToken ct);

    /// <summary>Dead letters, newest first, older than <paramref name="before"/> when given (keyset).</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(Guid? before, int take, CancellationToken ct);

    /// <summary>Puts a dead letter back in the queue; false when the leg holds no dead letter with this id.</summary>
    Task<bool> RetryAsync(Guid id, CancellationToken ct);
}
