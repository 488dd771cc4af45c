namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// "Valid on a day" as a query the database runs (the entities' <c>IsValidOn</c> in SQL): units and agencies from
/// <c>ValidFrom</c> until the day before <c>ValidTo</c>; memberships until <c>ValidTo</c> itself (their last day).
/// </summary>
public static class ValidOnQueries
{
    public static IQueryable<AdministrativeUnit> ValidOn(this IQueryable<AdministrativeUnit> units, DateOnly day) =>
        units.Where(u => u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo > day));

    public static IQueryable<Agency> ValidOn(this IQueryable<Agency> agencies, DateOnly day) =>
        agencies.Where(a => a.ValidFrom <= day && (a.ValidTo == null || a.ValidTo > day));

    public static IQueryable<Identity.UnitMembership> ValidOn(this IQueryable<Identity.UnitMembership> memberships, DateOnly day) =>
        memberships.Where(m => m.ValidFrom <= day && (m.ValidTo == null || m.ValidTo >= day));
}
