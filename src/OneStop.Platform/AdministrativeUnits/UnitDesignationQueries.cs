using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// "Is unit X especially difficult on day D" for modules, as queries over the kernel's <see cref="PlatformDbContext"/>
/// (the way they read units and agencies). They look across the whole province: the KPI engine and calculators run
/// outside any one unit's scope.
/// </summary>
public static class UnitDesignationQueries
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    /// <summary>Designations of <paramref name="kind"/> in force on some day of [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static IQueryable<UnitDesignation> InForce(this IQueryable<UnitDesignation> designations, string kind, DateOnly from, DateOnly to) =>
        designations.Where(d => d.Kind == kind && d.ValidFrom < to && (d.ValidTo == null || d.ValidTo > from));

    public static Task<bool> IsEspeciallyDifficultAsync(this PlatformDbContext platform, Guid unitId, DateOnly day, CancellationToken ct = default) =>
        platform.UnitDesignations.IgnoreQueryFilters(Scope).AsNoTracking()
            .InForce(UnitDesignationKinds.EspeciallyDifficult, day, day.AddDays(1)).AnyAsync(d => d.UnitId == unitId, ct);

    /// <summary>The units designated especially difficult on at least one day of [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<IReadOnlySet<Guid>> EspeciallyDifficultAsync(this PlatformDbContext platform, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        (await platform.UnitDesignations.IgnoreQueryFilters(Scope).AsNoTracking()
            .InForce(UnitDesignationKinds.EspeciallyDifficult, from, to).Select(d => d.UnitId).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>Every designation of the kind (whole province, any time), for loading once per KPI run.</summary>
    public static async Task<IReadOnlyList<UnitDesignationInfo>> DesignationsAsync(this PlatformDbContext platform, string kind, CancellationToken ct = default) =>
        await platform.UnitDesignations.IgnoreQueryFilters(Scope).AsNoTracking().Where(d => d.Kind == kind)
            .Select(d => new UnitDesignationInfo(d.Id, d.UnitId, d.Kind, d.ValidFrom, d.ValidTo, d.LegalBasis)).ToListAsync(ct);
}
