using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// Đơn vị hành chính: the tenant of the system. Levels are data; the path (e.g. <c>/30/288/10507/</c>) orders the
/// hierarchy so "this unit and its descendants" is a prefix match.
/// </summary>
public sealed class AdministrativeUnit : Entity
{
    private AdministrativeUnit() { }

    public AdministrativeUnit(string code, string name, string level, string kind, AdministrativeUnit? parent, DateOnly validFrom)
    {
        Code = code;
        Name = name;
        Level = level;
        Kind = kind;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + code + "/";
        ValidFrom = validFrom;
    }

    /// <summary>GSO code (mã đơn vị hành chính).</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>province / district / commune (see <see cref="UnitLevels"/>).</summary>
    public string Level { get; private set; } = "";
    /// <summary>Finer kind as published: tinh, thanh-pho, thi-xa, huyen, phuong, thi-tran, xa.</summary>
    public string Kind { get; private set; } = "";
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    /// <summary>Set when the unit is merged, split or dissolved; dossiers from before keep pointing at it.</summary>
    public DateOnly? ValidTo { get; private set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public void Retire(DateOnly validTo) => ValidTo = validTo;

    public AdministrativeUnitInfo ToInfo() => new(Id, Code, Name, Level, ParentId, Path);
}

/// <summary>Successor link for a merge, split or rename (sáp nhập, chia tách, đổi tên).</summary>
public sealed class UnitSuccession : Entity
{
    private UnitSuccession() { }

    public UnitSuccession(Guid predecessorId, Guid successorId, DateOnly effectiveOn, string reason)
    {
        PredecessorId = predecessorId;
        SuccessorId = successorId;
        EffectiveOn = effectiveOn;
        Reason = reason;
    }

    public Guid PredecessorId { get; private set; }
    public Guid SuccessorId { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; } = "";
}

/// <summary>
/// Cơ quan / bộ phận: a provincial department, vertically managed agency, the Public Administration Service Center,
/// a one-stop desk (Bộ phận Một cửa) or the post office. Belongs to a unit.
/// </summary>
public sealed class Agency : ScopedEntity
{
    private Agency() { }

    public Agency(string code, string name, string kind, AdministrativeUnit unit)
    {
        Code = code;
        Name = name;
        Kind = kind;
        UnitId = unit.Id;
        UnitPath = unit.Path;
    }

    /// <summary>Short code used in dossier codes (<c>{AgencyCode}-{yyMMdd}-{NNNN}</c>).</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Kind { get; private set; } = "";

    public void Rename(string name) => Name = name;
}

public static class AgencyKinds
{
    public const string Department = "department";          // Sở, ban, ngành
    public const string Vertical = "vertical";              // Cơ quan ngành dọc
    public const string ServiceCenter = "service-center";   // Trung tâm Phục vụ hành chính công
    public const string OneStopDesk = "one-stop-desk";      // Bộ phận Một cửa cấp huyện / xã
    public const string Post = "post";                      // Bưu điện
    public const string Office = "office";                  // Văn phòng UBND
}
