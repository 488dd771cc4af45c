namespace OneStop.Platform.AdministrativeUnits;

public sealed record AgencyDto(Guid Id, string Code, string Name, string Kind, Guid UnitId, string UnitPath);
