namespace OneStop.Platform.People;

/// <summary>A role with its permissions (the row of the roles × permissions matrix).</summary>
public sealed record RoleDto(string Name, string DisplayNameVi, string DisplayNameEn, int Rank, bool IsBuiltIn, IReadOnlyList<string> Permissions)
{
    public string DisplayName(bool english) => english ? DisplayNameEn : DisplayNameVi;

    /// <summary>The name of role <paramref name="code"/> among <paramref name="roles"/>, or the code when it is not there.</summary>
    public static string DisplayNameOf(IEnumerable<RoleDto> roles, string code, bool english) =>
        roles.FirstOrDefault(r => r.Name == code)?.DisplayName(english) ?? code;
}
