namespace OneStop.Platform.AdministrativeUnits;

/// <summary>A <see cref="UnitDesignation"/> as modules and the API see it.</summary>
public sealed record UnitDesignationInfo(Guid Id, Guid UnitId, string Kind, DateOnly ValidFrom, DateOnly? ValidTo, string LegalBasis)
{
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    /// <summary>In force on some day of [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => ValidFrom < to && (ValidTo is null || ValidTo > from);
}
