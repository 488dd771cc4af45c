using System.Text.Json;
using OneStop.Integration.Infrastructure;

namespace OneStop.Integration.Delivery;

/// <summary>Queues a message for an external system in the caller's unit of work (saved with the caller's change).</summary>
internal static class OutgoingQueue
{
    public static OutgoingMessage Enqueue(IntegrationDbContext db, string destination, string kind, string idempotencyKey, string orderingKey, object payload, DateTimeOffset now,
        (Guid Id, string Path)? unit = null, DateTimeOffset? deliverBy = null)
    {
        var message = new OutgoingMessage
        {
            Destination = destination, Kind = kind, IdempotencyKey = idempotencyKey, OrderingKey = orderingKey,
            Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web), CreatedAt = now, NextAttemptAt = now,
            UnitId = unit?.Id, UnitPath = unit?.Path, DeliverBy = deliverBy,
        };
        db.OutgoingMessages.Add(message);
        return message;
    }
}
