namespace OneStop.Platform;

/// <summary>A built-in role: its name (stable code), display names and rank (who may grant it).</summary>
public sealed record RoleDefinition(string Name, string DisplayNameVi, string DisplayNameEn, int Rank);
