namespace OneStop.Platform.People;

/// <summary>One row of a staff workbook as read, with its errors in Vietnamese (none: it will be created).</summary>
public sealed record ImportRow(
    int Row, string Login, string FullName, string? Position, string? Email, string? Phone, string UnitCode, string? UnitName, string? AgencyCode,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
