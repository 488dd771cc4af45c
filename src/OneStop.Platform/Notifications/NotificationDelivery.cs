using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;

namespace OneStop.Platform.Notifications;

/// <summary>
/// One notification to one person on one channel, and its delivery log: moved by the kernel's relay like every other
/// message (<see cref="NotificationDeliveryLeg"/>: backoff, dead letters on /Delivery). <see cref="DedupKey"/> (the
/// event's id and the channel) is unique, so an event handled twice still sends one notification per channel.
/// Scoped to the dossier's receiving unit: the dossier page shows what was sent.
/// </summary>
[NotAudited]
public sealed class NotificationDelivery : DeliverableMessage, IUnitScoped
{
    public string DedupKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Channel { get; set; } = "";
    public Guid DossierId { get; set; }
    public string DossierCode { get; set; } = "";
    /// <summary>E-mail address or phone number.</summary>
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
}
