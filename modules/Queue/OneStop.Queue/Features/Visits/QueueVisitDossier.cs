namespace OneStop.Queue.Features.Visits;

/// <summary>A dossier a visit led to (linked at the counter, by a scanned code, or from the dossier's event).</summary>
internal sealed record QueueVisitDossier(Guid? DossierId, string DossierCode, DateTimeOffset LinkedAt);
