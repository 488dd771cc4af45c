using Microsoft.EntityFrameworkCore;
using OneStop.Platform.People;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Host.Pages.People;

/// <summary>Units and agencies an administrator may choose from (names, never codes to type), for the people pages.</summary>
internal sealed class PeopleLookups(PlatformDbContext db)
{
    public sealed record UnitOption(Guid Id, string Name, int Depth);

    public sealed record AgencyOption(Guid UnitId, string Code, string Name);

    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(PeopleAdministration.Administrator admin, CancellationToken ct)
    {
        var path = admin.IsSystemAdmin ? "/" : admin.UnitPath;
        var units = await db.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Path.StartsWith(path))
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var top = units.Count == 0 ? 0 : units.Min(u => u.Path.Count(c => c == '/'));
        return units.Select(u => new UnitOption(u.Id, u.Name, u.Path.Count(c => c == '/') - top)).ToList();
    }

    public async Task<IReadOnlyList<AgencyOption>> AgenciesAsync(PeopleAdministration.Administrator admin, CancellationToken ct)
    {
        var path = admin.IsSystemAdmin ? "/" : admin.UnitPath;
        return await (from a in db.Agencies.IgnoreQueryFilters().AsNoTracking()
                      join u in db.AdministrativeUnits.IgnoreQueryFilters() on a.UnitId equals u.Id
                      where !a.IsDeleted && u.Path.StartsWith(path)
                      orderby u.Path, a.Name
                      select new AgencyOption(a.UnitId, a.Code, a.Name)).ToListAsync(ct);
    }
}
