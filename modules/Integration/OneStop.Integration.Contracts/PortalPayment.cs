namespace OneStop.Integration.Contracts;

/// <summary>
/// A payment made on the national portal's payment platform (Nền tảng thanh toán trực tuyến) with the submission: the
/// amount, the platform's transaction number and when it was paid.
/// </summary>
public sealed record PortalPayment(long AmountVnd, string TransactionId, DateTimeOffset PaidAt);
