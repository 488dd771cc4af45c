namespace OneStop.Integration.Contracts;

/// <summary>
/// Thanh toán trực tuyến through the national payment platform (ADR 0049): an order is created server-side and the
/// citizen's browser is sent to the platform's page; the platform tells us the outcome with a signed callback, which
/// this module verifies and records. Other modules only create orders and read their state.
/// </summary>
public interface IOnlinePaymentApi
{
    /// <summary>
    /// Creates (or, for the same reference and amount, finds again) the order for <see cref="OnlinePaymentRequest.Reference"/>
    /// and answers where to send the payer's browser. Throws a PlatformException when the platform cannot be reached.
    /// </summary>
    Task<OnlinePaymentOrder> CreateOrderAsync(OnlinePaymentRequest request, CancellationToken ct = default);

    /// <summary>The payment of <paramref name="reference"/> as recorded from the verified callbacks; null when no order has that reference.</summary>
    Task<OnlinePaymentState?> FindAsync(string reference, CancellationToken ct = default);
}
