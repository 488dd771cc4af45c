using OneStop.Platform.Domain;

namespace OneStop.Platform.Notifications;

/// <summary>
/// Mẫu thông báo: the Vietnamese text of one kind on one channel, edited by administrators. Placeholders in braces
/// (<c>{ma_ho_so}</c>, <c>{thu_tuc}</c>, <c>{nguoi_nop}</c>, <c>{han_tra}</c>, <c>{ly_do}</c>, <c>{don_vi}</c>) are filled
/// from the event. Province-wide (no unit). A kind and channel without a row uses <see cref="NotificationDefaults"/>.
/// </summary>
public sealed class NotificationTemplate : Entity
{
    public string Kind { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>The e-mail's subject; unused by SMS and Zalo.</summary>
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset ModifiedAt { get; set; }
    public string ModifiedBy { get; set; } = "";
}
