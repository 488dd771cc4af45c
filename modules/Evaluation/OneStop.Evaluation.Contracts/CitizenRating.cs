namespace OneStop.Evaluation.Contracts;

/// <summary>A citizen's rating of one dossier as stored: where it was given, by whom (the masked VNeID, not an officer).</summary>
/// <param name="Scores">The nine criteria as digits, criterion 1 first (e.g. <c>221212222</c>).</param>
public sealed record CitizenRating(string DossierCode, string Channel, string Scores, int Points, string Overall, string? Comment, string Author, DateTimeOffset RatedAt);
