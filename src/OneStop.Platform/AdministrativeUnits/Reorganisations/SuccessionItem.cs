namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>One open item of a retired unit and where it goes (e.g. a dossier of a split commune), with the reason.</summary>
public sealed record SuccessionItem(Guid Id, string Label, string TargetCode, string TargetName, string Reason, IReadOnlyList<string> Choices);
