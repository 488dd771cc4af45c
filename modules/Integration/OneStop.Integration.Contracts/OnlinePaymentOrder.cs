namespace OneStop.Integration.Contracts;

/// <summary>An order created on the payment platform: where the payer's browser goes to pay it.</summary>
public sealed record OnlinePaymentOrder(string Reference, string OrderId, string PaymentUrl);
