namespace OneStop.Counters.Contracts;

/// <summary>Phí, lệ phí of one channel, with who is exempted or pays less.</summary>
public sealed record PublicProcedureFee(string Channel, string Kind, decimal AmountVnd, string Exemption);
