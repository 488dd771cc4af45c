namespace OneStop.Platform.Notifications;

/// <summary>
/// What happened, to whom: one event (its id makes the notifications idempotent), the dossier, the applicant's key and
/// contacts, and the values the templates' placeholders take.
/// </summary>
public sealed record NotificationRequest(
    Guid EventId, string Kind, Guid DossierId, string DossierCode, Guid UnitId, string UnitPath,
    string ApplicantKey, string? Email, string? Phone, IReadOnlyDictionary<string, string> Values);
