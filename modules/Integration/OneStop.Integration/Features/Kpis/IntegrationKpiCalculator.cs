using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Connectors;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.DossierSync;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Persistence;
using OneStop.Platform.Kpis;

namespace OneStop.Integration.Features.Kpis;

/// <summary>
/// The Integration module's KPIs, computed in the database:
/// <list type="bullet">
/// <item><c>plan.national-databases</c> (count, province): national databases (population, business registration, land)
/// with at least one successful exchange in the period — a connection that answers, not one that is only configured.</item>
/// <item><c>i766.1.3</c> (ratio, per receiving unit): dossiers with a status change in the period whose every status
/// message reached the national portal in time (<see cref="DossierChangedHandler.InTime"/>), or is still within it,
/// over dossiers with a status change in the period.</item>
/// </list>
/// </summary>
internal sealed class IntegrationKpiCalculator(IntegrationDbContext db, IAdministrativeUnitDirectory units, TimeProvider clock) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public IReadOnlyCollection<string> KpiCodes { get; } = [IntegrationKpiCodes.NationalDatabases, IntegrationKpiCodes.I766StatusSynced];

    private IQueryable<OutgoingMessage> StatusMessages(KpiPeriod period)
    {
        var (from, to) = (period.StartsAt, period.EndsAt);
        return db.OutgoingMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Destination == DossierChangedHandler.PortalDestination && m.Kind == DossierChangedHandler.PortalStatusKind
                && m.UnitId != null && m.CreatedAt >= from && m.CreatedAt < to);
    }

    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var all = await StatusMessages(period)
            .GroupBy(m => new { m.UnitId, m.UnitPath })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, Dossiers = g.Select(m => m.OrderingKey).Distinct().Count() })
            .ToListAsync(ct);
        // Late: delivered after its deadline, or not delivered and the deadline has passed.
        var late = await StatusMessages(period)
            .Where(m => m.DeliverBy != null && (m.DeliveredAt != null ? m.DeliveredAt > m.DeliverBy : m.DeliverBy < now))
            .GroupBy(m => m.UnitId)
            .Select(g => new { UnitId = g.Key, Dossiers = g.Select(m => m.OrderingKey).Distinct().Count() })
            .ToDictionaryAsync(g => g.UnitId!.Value, g => g.Dossiers, ct);
        var rows = all.Select(a => new KpiRow(IntegrationKpiCodes.I766StatusSynced, a.UnitId!.Value, a.UnitPath!,
            a.Dossiers - late.GetValueOrDefault(a.UnitId!.Value), a.Dossiers)).ToList();

        var connected = await ConnectedDatabasesAsync(period, ct);
        if (connected.Count > 0 && await units.ProvinceAsync(ct: ct) is { } province)
        {
            rows.Add(new KpiRow(IntegrationKpiCodes.NationalDatabases, province.Id, province.Path, connected.Count, NationalSystem.Databases.Count));
        }

        return rows;
    }

    private async Task<List<string>> ConnectedDatabasesAsync(KpiPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.StartsAt, period.EndsAt);
        var keys = NationalSystem.Databases.Select(s => s.Key).ToArray();
        return await db.ExchangeRecords.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(x => keys.Contains(x.System) && x.Succeeded && x.RequestedAt >= from && x.RequestedAt < to)
            .Select(x => x.System).Distinct().ToListAsync(ct);
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        // Messages created or delivered since (their creation day is the day they count for), and exchanges since.
        var created = await db.OutgoingMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Destination == DossierChangedHandler.PortalDestination && (m.CreatedAt >= since || m.DeliveredAt >= since))
            .Select(m => m.CreatedAt).ToListAsync(ct);
        var exchanged = await db.ExchangeRecords.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(x => x.RequestedAt >= since && x.Succeeded).Select(x => x.RequestedAt).ToListAsync(ct);
        // Undelivered messages become late as time passes: their days change too.
        var now = clock.GetUtcNow();
        var overdue = await db.OutgoingMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Destination == DossierChangedHandler.PortalDestination && m.DeliveredAt == null && m.DeliverBy >= since && m.DeliverBy < now)
            .Select(m => m.CreatedAt).ToListAsync(ct);
        return created.Concat(exchanged).Concat(overdue).Select(VietnamTime.DayOf).ToHashSet();
    }

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        if (kpiCode == IntegrationKpiCodes.NationalDatabases)
        {
            var connected = await ConnectedDatabasesAsync(period, ct);
            return NationalSystem.Databases.OrderBy(s => connected.Contains(s.Key) ? 1 : 0)
                .Select(s => new KpiDetailRow(Guid.Empty, s.Key, s.NameVi, unitPath, null, connected.Contains(s.Key),
                    connected.Contains(s.Key) ? "Có trao đổi thành công trong kỳ" : "Chưa có trao đổi thành công trong kỳ", "/Integration")).ToList();
        }

        var now = clock.GetUtcNow();
        var messages = await StatusMessages(period).Where(m => m.UnitPath!.StartsWith(unitPath))
            .OrderBy(m => m.DeliveredAt != null ? (m.DeliveredAt > m.DeliverBy ? 0 : 1) : (m.DeliverBy < now ? 0 : 1)).ThenBy(m => m.CreatedAt)
            .Take(take)
            .Select(m => new { m.Id, m.OrderingKey, m.UnitPath, m.CreatedAt, m.DeliveredAt, m.DeliverBy, m.State, m.Attempts, m.LastError })
            .ToListAsync(ct);
        return messages.Select(m =>
        {
            var inTime = m.DeliverBy is null || (m.DeliveredAt is { } at ? at <= m.DeliverBy : m.DeliverBy >= now);
            var note = m.DeliveredAt is { } delivered
                ? $"Đồng bộ lúc {VietnamTime.FormatWithSeconds(delivered)} sau {m.Attempts} lần gửi"
                : $"Chưa đồng bộ ({m.Attempts} lần gửi){(m.LastError is null ? "" : ": " + m.LastError)}";
            return new KpiDetailRow(m.Id, m.OrderingKey!, "Trạng thái hồ sơ " + m.OrderingKey, m.UnitPath!, m.CreatedAt, inTime, note, "/Delivery");
        }).ToList();
    }
}
