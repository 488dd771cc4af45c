namespace OneStop.Platform.AdministrativeUnits;

public sealed record UnitSummary(string UnitName, string UnitPath, int Provinces, int Districts, int Communes, int Agencies);
