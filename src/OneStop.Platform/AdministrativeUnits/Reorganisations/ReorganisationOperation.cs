namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// One line of a change set (phương án sắp xếp). Codes name units as they are the day before the change set takes
/// effect, or units the same change set creates. For units <paramref name="Successors"/> lists the codes that take
/// over a retired unit, the first being the primary one (it keeps the archive); for agencies, the agency that absorbs.
/// </summary>
/// <param name="Kind">One of <see cref="ReorganisationOperationKinds"/>.</param>
/// <param name="ParentCode">Parent unit of a created unit; the unit an agency is created in or moved to.</param>
/// <param name="DeskName">Name of the reception desk of a created unit (Trung tâm Phục vụ hành chính công …); none when empty.</param>
public sealed record ReorganisationOperation(
    string Kind,
    string Code,
    string? Name = null,
    string? Level = null,
    string? UnitKind = null,
    string? ParentCode = null,
    IReadOnlyList<string>? Successors = null,
    string? DeskName = null,
    string? Note = null,
    int Line = 0)
{
    public IReadOnlyList<string> SuccessorCodes => Successors ?? [];
}
