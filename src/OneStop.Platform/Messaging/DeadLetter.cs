namespace OneStop.Platform.Messaging;

/// <summary>A message a queue gave up on, as the dead-letter page lists it.</summary>
/// <param name="Leg">The queue (<see cref="IDeliveryLeg.Name"/>).</param>
/// <param name="Kind">What it is: an event type, or a kind of message to an external system.</param>
/// <param name="Destination">Where it waits or goes: a context's outbox (its handlers), or an external system.</param>
/// <param name="Reference">How people find it: an idempotency key or an event id.</param>
public sealed record DeadLetter(
    string Leg, Guid Id, string Kind, string Destination, string Reference, string? OrderingKey, int Attempts, string? LastError, DateTimeOffset CreatedAt);
