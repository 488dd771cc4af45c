namespace OneStop.Integration.Contracts;

/// <summary>
/// A citizen rated a dossier on the National Public Service Portal (đánh giá mức độ hài lòng, the nine criteria of
/// Circular 01/2018 and an overall verdict), pulled once per portal rating id by the connector. Evaluation records it
/// as an online rating with the citizen as its author.
/// </summary>
public sealed record PortalRatingGiven(
    string PortalRatingId,
    string DossierCode,
    /// <summary>The rating citizen's identity number as the portal sends it; Evaluation keeps only its last four digits.</summary>
    string CitizenIdentity,
    IReadOnlyList<int> Scores,
    string Overall,
    string? Comment,
    DateTimeOffset RatedAt) : OneStop.Platform.IntegrationEvent
{
    /// <summary>A dossier's ratings in the order the portal took them.</summary>
    public override string? OrderingKey => DossierCode;
}
