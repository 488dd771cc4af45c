using OneStop.Platform;

namespace OneStop.Integration.Delivery;

/// <summary>
/// A message owed to an external system (e.g. a dossier's new status for the National Public Service Portal), written in
/// the same transaction as the change that caused it and delivered at least once with its idempotency key, so the
/// receiver applies it once. Messages with the same ordering key (a dossier) go out in order.
/// </summary>
internal sealed class OutgoingMessage
{
    public Guid Id { get; set; } = SequentialGuid.NewGuid();
    public string Destination { get; set; } = "";
    public string Kind { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string OrderingKey { get; set; } = "";
    public string Payload { get; set; } = "";
    public string State { get; set; } = OutgoingStates.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The unit the message is about (a dossier's receiving unit), for the 766 "status synced" indicator; null for province-wide reports.</summary>
    public Guid? UnitId { get; set; }
    public string? UnitPath { get; set; }

    /// <summary>Delivered by then counts as "in time" (the portal's real-time status sync); null when no deadline applies.</summary>
    public DateTimeOffset? DeliverBy { get; set; }
}

internal static class OutgoingStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Gave up after the maximum attempts: waits for an admin to retry (hàng đợi lỗi).</summary>
    public const string Dead = "dead";
}
