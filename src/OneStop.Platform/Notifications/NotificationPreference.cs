namespace OneStop.Platform.Notifications;

/// <summary>
/// A person's choice for one channel, keyed by the identity number (CCCD or enterprise code). Without a row the
/// default applies (<see cref="Notifier.DefaultOptedIn"/>: e-mail and SMS when the dossier gives an address or a phone,
/// Zalo only when chosen). Shared by every unit: a citizen opts out once, not per desk.
/// </summary>
public sealed class NotificationPreference
{
    public string ApplicantKey { get; set; } = "";
    public string Channel { get; set; } = "";
    public bool OptedIn { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
