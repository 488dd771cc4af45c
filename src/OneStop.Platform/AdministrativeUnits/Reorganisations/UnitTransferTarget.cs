namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>A successor of a retired unit: its id (provisional in a preview), code, name and path.</summary>
public sealed record UnitTransferTarget(Guid Id, string Code, string Name, string Path);
