using OneStop.Platform.Messaging;

namespace OneStop.Integration.Delivery;

/// <summary>
/// A message owed to an external system (e.g. a dossier's new status for the National Public Service Portal), written in
/// the same transaction as the change that caused it and delivered at least once with its idempotency key, so the
/// receiver applies it once. Messages with the same ordering key (a dossier) go out in order; the kernel's
/// <see cref="OrderedDelivery"/> moves them as it moves the outboxes.
/// </summary>
internal sealed class OutgoingMessage : DeliverableMessage
{
    public string Destination { get; set; } = "";
    public string Kind { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The unit the message is about (a dossier's receiving unit), for the 766 "status synced" indicator; null for province-wide reports.</summary>
    public Guid? UnitId { get; set; }
    public string? UnitPath { get; set; }

    /// <summary>Delivered by then counts as "in time" (the portal's real-time status sync); null when no deadline applies.</summary>
    public DateTimeOffset? DeliverBy { get; set; }
}
