using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// Cơ quan / bộ phận: a provincial department, vertically managed agency, the Public Administration Service Center,
/// a one-stop desk (Bộ phận Một cửa) or the post office. Belongs to a unit for a period.
/// </summary>
public sealed class Agency : ScopedEntity
{
    private Agency() { }

    public Agency(string code, string name, string kind, AdministrativeUnit unit, DateOnly? validFrom = null)
    {
        Code = code;
        Name = name;
        Kind = kind;
        UnitId = unit.Id;
        UnitPath = unit.Path;
        ValidFrom = validFrom ?? unit.ValidFrom;
    }

    /// <summary>Short code used in dossier codes (<c>{AgencyCode}-{yyMMdd}-{NNNN}</c>); never reused, so old codes stay valid.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    /// <summary>First day the agency no longer exists (merged or dissolved), or null.</summary>
    public DateOnly? ValidTo { get; private set; }
    /// <summary>The agency that took over its work (sáp nhập sở), if any.</summary>
    public Guid? SuccessorId { get; private set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public void Rename(string name) => Name = name;

    /// <summary>Merged into <paramref name="successor"/> (or dissolved when null) from <paramref name="on"/>.</summary>
    public void Retire(DateOnly on, Agency? successor)
    {
        ValidTo = on;
        SuccessorId = successor?.Id;
    }

    /// <summary>Re-parented to another unit (a department of a merged province now serves the new one).</summary>
    public void MoveTo(AdministrativeUnit unit)
    {
        UnitId = unit.Id;
        UnitPath = unit.Path;
    }

    public AgencyInfo ToInfo() => new(Id, Code, Name, Kind, UnitId, ValidFrom, ValidTo);
}

public static class AgencyKinds
{
    public const string Department = "department";          // Sở, ban, ngành
    public const string Vertical = "vertical";              // Cơ quan ngành dọc
    public const string ServiceCenter = "service-center";   // Trung tâm Phục vụ hành chính công (tỉnh; xã từ 2025-07-01, Nghị định 118/2025)
    public const string OneStopDesk = "one-stop-desk";      // Bộ phận Một cửa cấp huyện / xã
    public const string Post = "post";                      // Bưu điện
    public const string Office = "office";                  // Văn phòng UBND
}
