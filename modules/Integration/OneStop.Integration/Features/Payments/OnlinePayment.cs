using OneStop.Platform.Domain;

namespace OneStop.Integration.Features.Payments;

/// <summary>
/// Một giao dịch thanh toán trực tuyến: the order we created on the payment platform for a reference, in the scope of
/// the unit the fee is paid to, and — once a callback with a valid signature and the right amount arrived — the
/// platform's transaction. A reference is paid at most once (ADR 0049).
/// </summary>
internal sealed class OnlinePayment : ScopedEntity
{
    public const string Pending = "PENDING";
    public const string Paid = "PAID";

    public string Reference { get; set; } = "";
    public decimal AmountVnd { get; set; }
    public string Description { get; set; } = "";
    public string PayerKey { get; set; } = "";
    public string? OrderId { get; set; }
    public string Status { get; set; } = Pending;
    public string? TransactionId { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
}
