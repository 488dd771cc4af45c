using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>Read access to every administrative unit for modules (not scope-filtered: routing needs other units).</summary>
public interface IAdministrativeUnitDirectory
{
    Task<AdministrativeUnitInfo?> FindAsync(Guid id, CancellationToken ct = default);
    Task<AdministrativeUnitInfo?> FindByCodeAsync(string code, CancellationToken ct = default);
    Task<IReadOnlyList<AdministrativeUnitInfo>> ChildrenAsync(Guid parentId, CancellationToken ct = default);

    /// <summary>The root of the tree: the province (province-wide KPIs and reports are owned by it).</summary>
    Task<AdministrativeUnitInfo?> ProvinceAsync(CancellationToken ct = default);

    /// <summary>
    /// The reception desk of a unit: its Bộ phận Một cửa, or the Public Administration Service Center at the province.
    /// Its code starts every dossier code received there.
    /// </summary>
    Task<AgencyInfo?> ReceptionDeskAsync(Guid unitId, CancellationToken ct = default);
}

/// <summary>Units change rarely (a merger is a legal act): the whole tree is cached and reloaded on <see cref="Invalidate"/>.</summary>
internal sealed class AdministrativeUnitDirectory(IServiceScopeFactory scopes) : IAdministrativeUnitDirectory
{
    private volatile IReadOnlyList<AdministrativeUnitInfo>? _all;
    private volatile IReadOnlyList<AgencyInfo>? _desks;

    public async Task<AdministrativeUnitInfo?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(u => u.Id == id);

    public async Task<AdministrativeUnitInfo?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(u => u.Code == code);

    public async Task<IReadOnlyList<AdministrativeUnitInfo>> ChildrenAsync(Guid parentId, CancellationToken ct = default) =>
        (await AllAsync(ct)).Where(u => u.ParentId == parentId).ToList();

    public async Task<AdministrativeUnitInfo?> ProvinceAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(u => u.ParentId == null); // ordered by path: the root comes first

    public async Task<AgencyInfo?> ReceptionDeskAsync(Guid unitId, CancellationToken ct = default)
    {
        if (_desks is not { } desks)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            desks = await db.Agencies.IgnoreQueryFilters().AsNoTracking()
                .Where(a => !a.IsDeleted && (a.Kind == AgencyKinds.OneStopDesk || a.Kind == AgencyKinds.ServiceCenter))
                .Select(a => new AgencyInfo(a.Id, a.Code, a.Name, a.Kind, a.UnitId))
                .ToListAsync(ct);
            _desks = desks.Count > 0 ? desks : null;
        }

        return desks.FirstOrDefault(d => d.UnitId == unitId);
    }

    public void Invalidate()
    {
        _all = null;
        _desks = null;
    }

    private async Task<IReadOnlyList<AdministrativeUnitInfo>> AllAsync(CancellationToken ct)
    {
        if (_all is { } all)
        {
            return all;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var units = await db.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().OrderBy(u => u.Path).ToListAsync(ct);
        var loaded = units.Select(u => u.ToInfo()).ToList();
        _all = loaded.Count > 0 ? loaded : null;
        return loaded;
    }
}
