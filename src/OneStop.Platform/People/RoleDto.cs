namespace OneStop.Platform.People;

/// <summary>A role with its permissions (the row of the roles × permissions matrix).</summary>
public sealed record RoleDto(string Name, string DisplayNameVi, string DisplayNameEn, int Rank, bool IsBuiltIn, IReadOnlyList<string> Permissions);
