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
}

/// <summary>Units change rarely (a merger is a legal act): the whole tree is cached and reloaded on <see cref="Invalidate"/>.</summary>
internal sealed class AdministrativeUnitDirectory(IServiceScopeFactory scopes) : IAdministrativeUnitDirectory
{
    private volatile IReadOnlyList<AdministrativeUnitInfo>? _all;

    public async Task<AdministrativeUnitInfo?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(u => u.Id == id);

    public async Task<AdministrativeUnitInfo?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(u => u.Code == code);

    public async Task<IReadOnlyList<AdministrativeUnitInfo>> ChildrenAsync(Guid parentId, CancellationToken ct = default) =>
        (await AllAsync(ct)).Where(u => u.ParentId == parentId).ToList();

    public void Invalidate() => _all = null;

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
