using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// Đơn vị hành chính: the tenant of the system. Levels are data; the path (e.g. <c>/30/288/10507/</c>) orders the
/// hierarchy so "this unit and its descendants" is a prefix match. The unit's identity is its id: the code is reused
/// over time, so a look-up by code always takes a date.
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

    /// <summary>GSO code (mã đơn vị hành chính), unique among the units valid on any one day.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>province / district / commune (see <see cref="UnitLevels"/>).</summary>
    public string Level { get; private set; } = "";
    /// <summary>Finer kind as published: tinh, thanh-pho, thi-xa, huyen, phuong, thi-tran, xa, dac-khu.</summary>
    public string Kind { get; private set; } = "";
    /// <summary>The parent while the unit existed (kept after retirement: reports "as was" read the tree of the time).</summary>
    public Guid? ParentId { get; private set; }
    /// <summary>
    /// Where the unit's data lives. A retired unit's path is moved under its primary successor's (its archive goes
    /// there), so the successor sees it by the prefix rule; <see cref="OriginalPath"/> keeps where it stood.
    /// </summary>
    public string Path { get; private set; } = "";
    /// <summary>The path the unit had in the tree of its time.</summary>
    public string OriginalPath { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    /// <summary>First day the unit no longer exists (merged, split or dissolved); dossiers from before keep pointing at it.</summary>
    public DateOnly? ValidTo { get; private set; }
    /// <summary>The change set (sáp xếp) that created the unit, if any.</summary>
    public Guid? CreatedByChangeSetId { get; private set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public void Retire(DateOnly validTo) => ValidTo = validTo;

    /// <summary>Đổi tên: the name and kind change, the identity and the data stay.</summary>
    public void Rename(string name, string kind)
    {
        Name = name;
        Kind = kind;
    }

    internal void StampOrigin(Guid? changeSetId)
    {
        OriginalPath = Path;
        CreatedByChangeSetId = changeSetId;
    }

    /// <summary>The unit's archive follows its primary successor: the path prefix of every row it owns becomes <paramref name="path"/>.</summary>
    internal void MoveCustodyTo(string path) => Path = path;

    public AdministrativeUnitInfo ToInfo() => new(Id, Code, Name, Level, ParentId, Path, Kind, ValidFrom, ValidTo);
}
