using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;

namespace OneStop.Counters.Features.Catalogue.LocationIndependence;

/// <summary>
/// Which procedures a desk may receive regardless of administrative boundary on a day: those listed by a
/// <see cref="Domain.Catalogue.LocationIndependentDecision"/> in force that day that names the whole province, the
/// receiving unit or a unit above it. The one answer intake, the catalogue and the public list give.
/// </summary>
internal sealed class LocationIndependence(CountersDbContext db, IAdministrativeUnitDirectory units)
{
    public async Task<bool> AppliesAsync(string procedureCode, AdministrativeUnitInfo receiving, DateOnly day, CancellationToken ct)
    {
        var decisions = await db.LocationIndependentDecisions.AsNoTracking()
            .Where(d => d.EffectiveFrom <= day && (d.EffectiveTo == null || d.EffectiveTo > day) && d.Procedures.Any(p => p.ProcedureCode == procedureCode))
            .Select(d => new { d.WholeProvince, Units = d.Units.Select(u => u.UnitId).ToList() })
            .ToListAsync(ct);
        if (decisions.Any(d => d.WholeProvince))
        {
            return true;
        }

        foreach (var unitId in decisions.SelectMany(d => d.Units).Distinct())
        {
            if (await units.FindAsync(unitId, ct) is { } unit && receiving.Path.StartsWith(unit.Path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Which of <paramref name="codes"/> (a page of the catalogue) some decision in force on <paramref name="day"/> lists
    /// (at any unit): the catalogue's flag, read for the page only rather than for every code a decision lists.
    /// </summary>
    public static async Task<HashSet<string>> ListedAmongAsync(CountersDbContext db, IReadOnlyCollection<string> codes, DateOnly day, CancellationToken ct) =>
        (await db.LocationIndependentDecisions.AsNoTracking()
            .Where(d => d.EffectiveFrom <= day && (d.EffectiveTo == null || d.EffectiveTo > day))
            .SelectMany(d => d.Procedures.Select(p => p.ProcedureCode))
            .Where(code => codes.Contains(code))
            .Distinct()
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether some decision in force on <paramref name="day"/> lists the procedure (at any unit): the catalogue's flag.</summary>
    public static async Task<bool> ListedAsync(CountersDbContext db, string procedureCode, DateOnly day, CancellationToken ct) =>
        await db.LocationIndependentDecisions.AsNoTracking()
            .AnyAsync(d => d.EffectiveFrom <= day && (d.EffectiveTo == null || d.EffectiveTo > day) && d.Procedures.Any(p => p.ProcedureCode == procedureCode), ct);
}
