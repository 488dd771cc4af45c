using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Domain;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// Read access to every administrative unit for modules (not scope-filtered: routing needs other units). Units change
/// over time, so every look-up by code or of "the province" takes a date (today in Vietnam by default) and never
/// returns a unit that was not valid on it.
/// </summary>
public interface IAdministrativeUnitDirectory
{
    /// <summary>The unit with this id, whatever its dates (dossiers keep pointing at retired units).</summary>
    Task<AdministrativeUnitInfo?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>The unit holding <paramref name="code"/> on <paramref name="on"/> (today by default); null when none did.</summary>
    Task<AdministrativeUnitInfo?> FindByCodeAsync(string code, DateOnly? on = null, CancellationToken ct = default);

    /// <summary>Children valid on <paramref name="on"/> (today by default).</summary>
    Task<IReadOnlyList<AdministrativeUnitInfo>> ChildrenAsync(Guid parentId, DateOnly? on = null, CancellationToken ct = default);

    /// <summary>The root of the tree on a date: the province (province-wide KPIs and reports are owned by it).</summary>
    Task<AdministrativeUnitInfo?> ProvinceAsync(DateOnly? on = null, CancellationToken ct = default);

    /// <summary>Every unit ever known, ordered by path (retired ones included, with their dates).</summary>
    Task<IReadOnlyList<AdministrativeUnitInfo>> AllAsync(CancellationToken ct = default);

    /// <summary>Who took over from <paramref name="unitId"/> (empty while it exists).</summary>
    Task<IReadOnlyList<UnitSuccessionInfo>> SuccessorsAsync(Guid unitId, CancellationToken ct = default);

    /// <summary>Every unit that <paramref name="unitId"/> took over from, directly or through earlier steps.</summary>
    Task<IReadOnlyList<AdministrativeUnitInfo>> PredecessorsAsync(Guid unitId, CancellationToken ct = default);

    /// <summary>
    /// The unit that stands for <paramref name="unitId"/> on <paramref name="on"/>: itself while it exists, else its
    /// primary successor, followed through every step (a 2021 commune merged in 2024 and again in 2025).
    /// </summary>
    Task<AdministrativeUnitInfo?> CurrentAsync(Guid unitId, DateOnly? on = null, CancellationToken ct = default);

    /// <summary>
    /// The reception desk of a unit on a date: its Bộ phận Một cửa, or its Trung tâm Phục vụ hành chính công (the
    /// province's, and every commune's since 2025-07-01). Its code starts every dossier code received there.
    /// </summary>
    Task<AgencyInfo?> ReceptionDeskAsync(Guid unitId, DateOnly? on = null, CancellationToken ct = default);

    /// <summary>The agency holding <paramref name="code"/> (codes are never reused), whatever its dates; null when none.</summary>
    Task<AgencyInfo?> AgencyAsync(string code, CancellationToken ct = default);

    /// <summary>
    /// The agencies that can take a step of a dossier held by <paramref name="unitId"/> on <paramref name="on"/>: those of
    /// the unit and of the units above it (a commune's dossier goes to a provincial department or the tax office).
    /// </summary>
    Task<IReadOnlyList<AgencyInfo>> AgenciesServingAsync(Guid unitId, DateOnly? on = null, CancellationToken ct = default);

    /// <summary>Every agency valid on <paramref name="on"/> (today by default), by name: what an internal process may name.</summary>
    Task<IReadOnlyList<AgencyInfo>> AgenciesAsync(DateOnly? on = null, CancellationToken ct = default);
}

/// <summary>
/// The whole tree is cached: a merger is a legal act, rare. The cache is dropped on <see cref="Invalidate"/> in this
/// host and after <see cref="Lifetime"/> everywhere, so a change set applied on another host shows within a minute.
/// </summary>
internal sealed class AdministrativeUnitDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IAdministrativeUnitDirectory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private sealed record Snapshot(
        IReadOnlyList<AdministrativeUnitInfo> Units, IReadOnlyDictionary<Guid, AdministrativeUnitInfo> ById,
        IReadOnlyList<UnitSuccessionInfo> Successions, IReadOnlyList<AgencyInfo> Desks, IReadOnlyList<AgencyInfo> Agencies, DateTimeOffset LoadedAt);

    private volatile Snapshot? _snapshot;

    public async Task<AdministrativeUnitInfo?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await LoadAsync(ct)).ById.GetValueOrDefault(id);

    public async Task<AdministrativeUnitInfo?> FindByCodeAsync(string code, DateOnly? on = null, CancellationToken ct = default)
    {
        var day = on ?? VietnamTime.Today(clock);
        return (await LoadAsync(ct)).Units.FirstOrDefault(u => u.Code == code && u.IsValidOn(day));
    }

    public async Task<IReadOnlyList<AdministrativeUnitInfo>> ChildrenAsync(Guid parentId, DateOnly? on = null, CancellationToken ct = default)
    {
        var day = on ?? VietnamTime.Today(clock);
        return (await LoadAsync(ct)).Units.Where(u => u.ParentId == parentId && u.IsValidOn(day)).ToList();
    }

    public async Task<AdministrativeUnitInfo?> ProvinceAsync(DateOnly? on = null, CancellationToken ct = default)
    {
        var day = on ?? VietnamTime.Today(clock);
        var units = (await LoadAsync(ct)).Units;
        // Several provinces may live in one installation (Hải Dương until 2025-06-30, Hải Phòng since): the root of the day.
        return units.FirstOrDefault(u => u.ParentId == null && u.IsValidOn(day))
            ?? units.Where(u => u.ParentId == null).OrderByDescending(u => u.ValidFrom).FirstOrDefault();
    }

    public async Task<IReadOnlyList<AdministrativeUnitInfo>> AllAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Units;

    public async Task<IReadOnlyList<UnitSuccessionInfo>> SuccessorsAsync(Guid unitId, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Successions.Where(s => s.PredecessorId == unitId).OrderByDescending(s => s.IsPrimary).ToList();

    public async Task<IReadOnlyList<AdministrativeUnitInfo>> PredecessorsAsync(Guid unitId, CancellationToken ct = default)
    {
        var snapshot = await LoadAsync(ct);
        var found = new List<AdministrativeUnitInfo>();
        var queue = new Queue<Guid>([unitId]);
        var seen = new HashSet<Guid> { unitId };
        while (queue.TryDequeue(out var id))
        {
            foreach (var s in snapshot.Successions.Where(s => s.SuccessorId == id && seen.Add(s.PredecessorId)))
            {
                found.Add(snapshot.ById[s.PredecessorId]);
                queue.Enqueue(s.PredecessorId);
            }
        }

        return found;
    }

    public async Task<AdministrativeUnitInfo?> CurrentAsync(Guid unitId, DateOnly? on = null, CancellationToken ct = default)
    {
        var day = on ?? VietnamTime.Today(clock);
        var snapshot = await LoadAsync(ct);
        var unit = snapshot.ById.GetValueOrDefault(unitId);
        for (var steps = 0; unit is not null && !unit.IsValidOn(day) && steps < 32; steps++)
        {
            if (unit.ValidFrom > day)
            {
                return null; // not yet in existence on that day
            }

            var next = snapshot.Successions.Where(s => s.PredecessorId == unit.Id && s.EffectiveOn <= day)
                .OrderByDescending(s => s.IsPrimary).FirstOrDefault();
            unit = next is null ? null : snapshot.ById.GetValueOrDefault(next.SuccessorId);
        }

        return unit;
    }

    public async Task<AgencyInfo?> ReceptionDeskAsync(Guid unitId, DateOnly? on = null, CancellationToken ct = default)
    {
        var day = on ?? VietnamTime.Today(clock);
        var desks = (await LoadAsync(ct)).Desks.Where(d => d.UnitId == unitId).ToList();
        return desks.FirstOrDefault(d => d.IsValidOn(day))
            // A unit retired on that day still has the desk it had last (a form printed about its dossier).
            ?? desks.Where(d => d.ValidFrom <= day).OrderByDescending(d => d.ValidFrom).FirstOrDefault();
    }

    public async Task<AgencyInfo?> AgencyAsync(string code, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Agencies.FirstOrDefault(a => a.Code == code);

    public async Task<IReadOnlyList<AgencyInfo>> AgenciesServingAsync(Guid unitId, DateOnly? on = null, CancellationToken ct = default)
    {
        var day = on ?? VietnamTime.Today(clock);
        var snapshot = await LoadAsync(ct);
        var chain = new HashSet<Guid>();
        for (var u = snapshot.ById.GetValueOrDefault(unitId); u is not null; u = u.ParentId is { } p ? snapshot.ById.GetValueOrDefault(p) : null)
        {
            chain.Add(u.Id);
        }

        return snapshot.Agencies.Where(a => chain.Contains(a.UnitId) && a.IsValidOn(day)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<AgencyInfo>> AgenciesAsync(DateOnly? on = null, CancellationToken ct = default)
    {
        var day = on ?? VietnamTime.Today(clock);
        return (await LoadAsync(ct)).Agencies.Where(a => a.IsValidOn(day)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        if (_snapshot is { } current && clock.GetUtcNow() - current.LoadedAt < Lifetime)
        {
            return current;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var units = (await db.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().OrderBy(u => u.Path).ToListAsync(ct))
            .Select(u => u.ToInfo()).ToList();
        var successions = (await db.UnitSuccessions.AsNoTracking().ToListAsync(ct)).Select(s => s.ToInfo()).ToList();
        var agencies = (await db.Agencies.IgnoreQueryFilters().AsNoTracking().Where(a => !a.IsDeleted).ToListAsync(ct)).Select(a => a.ToInfo()).ToList();
        var desks = agencies.Where(a => a.Kind is AgencyKinds.OneStopDesk or AgencyKinds.ServiceCenter).ToList();
        var snapshot = new Snapshot(units, units.ToDictionary(u => u.Id), successions, desks, agencies, clock.GetUtcNow());
        if (units.Count > 0)
        {
            _snapshot = snapshot;
        }

        return snapshot;
    }
}
