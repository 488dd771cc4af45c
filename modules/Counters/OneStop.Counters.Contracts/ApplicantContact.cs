namespace OneStop.Counters.Contracts;

/// <summary>How to reach a dossier's applicant, as given at intake (either may be missing).</summary>
public sealed record ApplicantContact(string? Phone, string? Email);
