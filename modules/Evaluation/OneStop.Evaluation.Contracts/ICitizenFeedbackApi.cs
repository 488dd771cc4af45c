namespace OneStop.Evaluation.Contracts;

/// <summary>
/// What a citizen signed in through VNeID says about the administration (issue 18 item 4, ADR 0050): their own rating
/// of a dossier and their complaints (phản ánh, kiến nghị). The caller has checked that the dossier is the citizen's
/// and acts in the dossier's unit with the citizen as actor (e.g. "VNeID ••••1234"), so the rating's and complaint's
/// author is the citizen, never an officer; <c>authorKey</c> is the identity from the citizen's cookie.
/// </summary>
public interface ICitizenFeedbackApi
{
    /// <summary>
    /// The citizen's own rating (nine criteria of Circular 01/2018, each 2/1/0, and the overall rating), channel ONLINE,
    /// once per dossier; after the result is returned. Refusals are <c>PlatformException</c>s with Evaluation's codes.
    /// </summary>
    Task<CitizenRating> RateAsync(string dossierCode, IReadOnlyList<int> scores, string overall, string? comment, CancellationToken ct = default);

    /// <summary>The online ratings already given for these dossiers (code → rating); read across units, as the codes are the citizen's own.</summary>
    Task<IReadOnlyDictionary<string, CitizenRating>> RatingsAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct = default);

    /// <summary>
    /// A complaint from the portal (channel ONLINE) in the acting unit — the dossier's, or the province's for a general
    /// one —, under the verified name and contact.
    /// </summary>
    Task<CitizenComplaint> ComplainAsync(string authorKey, string authorName, string? contact, string? dossierCode, string subject, string content,
        CancellationToken ct = default);

    /// <summary>
    /// The citizen's complaints with their answers, newest first, <paramref name="size"/> a page after the opaque
    /// <paramref name="cursor"/> (a tampered one is <c>Platform.InvalidCursor</c>).
    /// </summary>
    Task<OneStop.Platform.KeysetPage<CitizenComplaint>> ComplaintsAsync(string authorKey, string? cursor, int size, CancellationToken ct = default);
}
