namespace OneStop.Digitization.Contracts;

/// <summary>A dossier's signed electronic result as the citizen sees it: its name, when it was signed, and the address its QR opens.</summary>
public sealed record CitizenResult(Guid DocumentId, string DossierCode, string Name, DateTimeOffset SignedAt, string VerificationCode, string VerificationPath);
