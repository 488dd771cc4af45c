namespace OneStop.Integration.Contracts;

/// <summary>An order to pay <paramref name="AmountVnd"/> for <paramref name="Reference"/> (our own key, unique, e.g. a submission draft's).</summary>
/// <param name="ReturnUrl">Where the platform sends the payer's browser back (a path of this host, or an absolute address).</param>
/// <param name="UnitId">The unit the fee is paid to (the receiving unit): the payment is recorded and audited in its scope.</param>
/// <param name="PayerKey">The payer's verified identity (identity number or enterprise code).</param>
public sealed record OnlinePaymentRequest(
    string Reference, decimal AmountVnd, string Description, string ReturnUrl, Guid UnitId, string UnitPath, string PayerKey);
