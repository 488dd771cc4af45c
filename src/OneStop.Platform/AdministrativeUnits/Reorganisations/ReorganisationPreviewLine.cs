namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>One line of a preview: the code and name concerned and what happens to it, in Vietnamese.</summary>
public sealed record ReorganisationPreviewLine(string Code, string Name, string Detail);
