using System.Collections.Concurrent;
using System.Text.Json;

namespace OneStop.Platform.Messaging;

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
    };

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? ResolveType(string typeName) => Types.GetOrAdd(typeName, n => Type.GetType(n, throwOnError: false));

    public static IntegrationEvent? Deserialize(OutboxMessage message) =>
        ResolveType(message.Type) is { } type ? (IntegrationEvent?)JsonSerializer.Deserialize(message.Payload, type, Json) : null;
}
