namespace OneStop.Platform.Notifications;

/// <summary>What a gateway sends; <see cref="Reference"/> is the delivery's id, for the gateway's own de-duplication.</summary>
public sealed record NotificationMessage(Guid Reference, string Channel, string Recipient, string Subject, string Body);
