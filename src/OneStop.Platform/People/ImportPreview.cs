namespace OneStop.Platform.People;

/// <summary>
/// What a staff workbook would create. <see cref="FileId"/> names the uploaded file (kept in the blob store) so that the
/// admin confirms exactly what was previewed; nothing is written before that.
/// </summary>
public sealed record ImportPreview(string FileId, IReadOnlyList<ImportRow> Rows, int Valid, int Invalid);
