using OneStop.Platform;

namespace OneStop.Counters.Contracts;

/// <summary>
/// Published on every transition of a dossier, with the dossier as it is after it (event-carried state, so the search
/// index, the portal sync, Digitization and webhooks need no read-back). <see cref="IntegrationEvent.UnitPath"/> is
/// the receiving unit's path.
/// </summary>
public sealed record DossierChanged(
    DossierSnapshot Dossier,
    /// <summary>One of <see cref="DossierTransitions"/>.</summary>
    string Transition,
    string? FromStatus,
    string? Reason,
    string Actor,
    /// <summary>For a supplement request: the document-type codes of the components asked for (null when none named).</summary>
    IReadOnlyList<string>? ComponentsAsked = null) : IntegrationEvent
{
    /// <summary>A dossier's transitions reach every consumer in order.</summary>
    public override string? OrderingKey => Dossier.Id.ToString();
}
