namespace OneStop.Platform;

/// <summary>Read-only view of an administrative unit (đơn vị hành chính) for other modules.</summary>
public sealed record AdministrativeUnitInfo(Guid Id, string Code, string Name, string Level, Guid? ParentId, string Path);

/// <summary>Read-only view of an agency (cơ quan, đơn vị) attached to an administrative unit.</summary>
public sealed record AgencyInfo(Guid Id, string Code, string Name, string Kind, Guid UnitId);

/// <summary>Unit levels as data (cấp tỉnh / huyện / xã); logic must not assume there are exactly three.</summary>
public static class UnitLevels
{
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";
}
