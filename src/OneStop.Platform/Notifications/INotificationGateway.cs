namespace OneStop.Platform.Notifications;

/// <summary>
/// A channel's way out (e-mail server, SMS gateway, Zalo OA): implemented by Integration, the only module that calls
/// external systems. Throws or returns an error when the message was not taken; the relay then retries it.
/// </summary>
public interface INotificationGateway
{
    string Channel { get; }

    /// <summary>False when the channel is not configured here (no e-mail server set): nothing is queued for it.</summary>
    bool Enabled { get; }

    /// <summary>Null when the gateway took the message, else why not.</summary>
    Task<string?> SendAsync(NotificationMessage message, CancellationToken ct);
}
