using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// An effective-dated designation of an administrative unit, such as "xã đặc biệt khó khăn" (a commune in an especially
/// difficult area, listed by a decision of the Prime Minister). Valid from <see cref="ValidFrom"/> until the day before
/// <see cref="ValidTo"/>; unit-scoped to the designated unit, audited, soft-deleted when entered by mistake.
/// </summary>
public sealed class UnitDesignation : ScopedEntity
{
    private UnitDesignation() { }

    public UnitDesignation(AdministrativeUnit unit, string kind, DateOnly validFrom, DateOnly? validTo, string legalBasis)
    {
        UnitId = unit.Id;
        UnitPath = unit.Path;
        Kind = kind;
        ValidFrom = validFrom;
        ValidTo = validTo;
        LegalBasis = legalBasis;
    }

    /// <summary>One of <see cref="UnitDesignationKinds"/>.</summary>
    public string Kind { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    /// <summary>First day the designation no longer holds; null while in force.</summary>
    public DateOnly? ValidTo { get; private set; }
    /// <summary>Căn cứ: the decision that lists the unit (e.g. "Quyết định số 433/QĐ-UBDT").</summary>
    public string LegalBasis { get; private set; } = "";

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    /// <summary>Bỏ đánh dấu from <paramref name="day"/> on: the designation ends the day before.</summary>
    public void EndOn(DateOnly day) => ValidTo = day;
}
