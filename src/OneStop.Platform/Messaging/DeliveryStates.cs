namespace OneStop.Platform.Messaging;

/// <summary>States of a <see cref="DeliverableMessage"/>.</summary>
public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Gave up after the maximum attempts: waits for an admin's retry (hàng đợi lỗi); no longer holds back its key.</summary>
    public const string Dead = "dead";

    public static readonly string[] All = [Pending, Delivered, Dead];
}
