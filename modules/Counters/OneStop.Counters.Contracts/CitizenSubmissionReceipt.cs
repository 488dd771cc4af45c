namespace OneStop.Counters.Contracts;

/// <summary>The dossier an online submission became (status NEW until a desk receives it).</summary>
public sealed record CitizenSubmissionReceipt(Guid DossierId, string DossierCode, string UnitName, decimal FeeVnd, string? PaymentMethod);
