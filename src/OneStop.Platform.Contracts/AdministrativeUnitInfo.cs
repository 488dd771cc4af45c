namespace OneStop.Platform;

/// <summary>
/// Read-only view of an administrative unit (đơn vị hành chính) for other modules. A unit's identity is its id: codes are
/// reused over time (10507 was Phường Cẩm Thượng until 2025-06-30 and is Phường Thành Đông since), so a code means a unit
/// only together with a date. <paramref name="Path"/> is where the unit's data lives now: a retired unit's path sits under
/// its (primary) successor's, so the successor's people see its history by the same prefix rule as everything else.
/// </summary>
/// <param name="ValidTo">First day the unit no longer exists (the effective date of the change that retired it), or null.</param>
public sealed record AdministrativeUnitInfo(
    Guid Id, string Code, string Name, string Level, Guid? ParentId, string Path,
    string Kind, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);
}

/// <summary>Read-only view of an agency (cơ quan, đơn vị) attached to an administrative unit.</summary>
public sealed record AgencyInfo(Guid Id, string Code, string Name, string Kind, Guid UnitId, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);
}

/// <summary>
/// A unit retired into another on a date (sáp nhập, chia tách, giải thể). A split has several successors, one of them
/// primary: it keeps the archive of the retired unit and receives what no rule sends elsewhere.
/// </summary>
public sealed record UnitSuccessionInfo(Guid PredecessorId, Guid SuccessorId, DateOnly EffectiveOn, bool IsPrimary);

/// <summary>Unit levels as data (cấp tỉnh / huyện / xã); logic must not assume there are exactly three.</summary>
public static class UnitLevels
{
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";
}
