namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>What one module moves for one retired unit (e.g. "Hồ sơ đang giải quyết": 12), with the items an admin may redirect.</summary>
/// <param name="OpenWork">Open work handed over (dossiers), as opposed to set-up that follows the successor (desks, webhooks).</param>
public sealed record SuccessionImpact(Guid PredecessorId, string What, int Count, IReadOnlyList<SuccessionItem> Items, bool OpenWork = true);
