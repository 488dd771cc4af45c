namespace OneStop.Platform.Notifications;

/// <summary>How a citizen is told (kênh thông báo). Each has a gateway adapter in Integration, the only module that calls out.</summary>
public static class NotificationChannels
{
    public const string Email = "EMAIL";
    public const string Sms = "SMS";
    /// <summary>Zalo Official Account message to the applicant's phone number (ZNS).</summary>
    public const string Zalo = "ZALO";

    public static readonly string[] All = [Email, Sms, Zalo];

    public static string NameVi(string channel) => channel switch
    {
        Email => "Thư điện tử",
        Sms => "Tin nhắn SMS",
        Zalo => "Zalo",
        _ => channel,
    };
}
