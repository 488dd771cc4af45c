using System.Collections.Concurrent;
using System.Text.Json;

namespace OneStop.Platform.Messaging;

public static class OutboxExtensions
{
    /// <summary>Queues a public event in this context's outbox; the next SaveChanges writes it in the same transaction as the change.</summary>
    public static void Publish(this Microsoft.EntityFrameworkCore.DbContext db, IntegrationEvent @event) => db.Add(OutboxSerializer.ToMessage(@event));
}

/// <summary>Events travel as JSON with their type named "Namespace.Type, Assembly" (no version, so upgrades keep working).</summary>
public static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    public static OutboxMessage ToMessage(IntegrationEvent @event) => new()
    {
        Id = @event.EventId,
        Type = TypeName(@event.GetType()),
        Payload = JsonSerializer.Serialize(@event, @event.GetType(), Json),
        OccurredAt = @event.OccurredAt,
        UnitPath = @event.UnitPath,
        OrderingKey = @event.OrderingKey,
    };

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? ResolveType(string typeName) => Types.GetOrAdd(typeName, n => Type.GetType(n, throwOnError: false));

    public static IntegrationEvent? Deserialize(OutboxMessage message) =>
        ResolveType(message.Type) is { } type ? (IntegrationEvent?)JsonSerializer.Deserialize(message.Payload, type, Json) : null;
}
