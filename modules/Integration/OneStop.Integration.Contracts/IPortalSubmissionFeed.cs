namespace OneStop.Integration.Contracts;

/// <summary>
/// The national portal's submission feed, for the module that files online dossiers. The connector pulls it by itself;
/// this lets an officer offer submissions again after they were dropped (a unit code unknown at the time, a
/// refusal): each is published once more as <see cref="OnlineDossierSubmitted"/>, and the consumer decides by portal
/// reference what it already has.
/// </summary>
public interface IPortalSubmissionFeed
{
    /// <summary>Offers again every submission of the feed after <paramref name="afterSequence"/> (0: from the start).</summary>
    Task<PortalRepull> RepullAsync(long afterSequence, CancellationToken ct = default);
}
