namespace OneStop.Integration.Contracts;

/// <summary>What a re-pull of the portal's feed did: how many submissions were offered again, up to which sequence.</summary>
/// <param name="Available">False when the portal did not answer; nothing (or only the first pages) was offered.</param>
public sealed record PortalRepull(bool Available, int Offered, long LastSequence, string Message);
