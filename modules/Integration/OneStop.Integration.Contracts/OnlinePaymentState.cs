namespace OneStop.Integration.Contracts;

/// <summary>A payment as recorded from the platform's verified callback: paid or not, with the platform's transaction.</summary>
public sealed record OnlinePaymentState(string Reference, decimal AmountVnd, bool Paid, string? TransactionId, DateTimeOffset? PaidAt);
