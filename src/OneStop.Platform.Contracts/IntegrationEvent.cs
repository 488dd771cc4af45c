using System.Text.Json.Serialization;

namespace OneStop.Platform;

/// <summary>
/// A public event a module publishes to the others through its outbox.
/// Concrete events are sealed records in a module's .Contracts project.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Version-7 GUID, so events sort by time.</summary>
    public Guid EventId { get; init; } = SequentialGuid.NewGuid();
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Materialised path of the administrative unit the change belongs to (e.g. <c>/30/288/10507/</c>).</summary>
    public string UnitPath { get; init; } = "/";

    /// <summary>
    /// Events with the same key reach each consumer in the order they were published, a failed one holding back the
    /// later ones (e.g. a dossier's transitions: its id); null when order does not matter.
    /// </summary>
    [JsonIgnore]
    public virtual string? OrderingKey => null;
}
