using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using OneStop.Integration.Connectors;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.DossierSync;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.Localization;

namespace OneStop.Integration.Features.Kpis;

/// <summary>
/// The Integration module's KPIs, computed in the database:
/// <list type="bullet">
/// <item><c>plan.national-databases</c> (count, province; kết nối, chia sẻ dữ liệu với CSDL quốc gia): of the national
/// databases (population, business registration, land), those whose connection was switched on and passed at least one
/// health check (<see cref="ConnectionCheck"/>) in the period — a connection healthy for part of the period counts for
/// that period. A check answered by a simulator counts only in Development: elsewhere it is "not connected, simulator".
/// Calls made for dossiers do not count (a simulator answers every one). No row for a period without any check.</item>
/// <item><c>i766.1.3</c> (ratio, per receiving unit): dossiers with a status change in the period whose every status
/// message reached the national portal in time (<see cref="DossierChangedHandler.InTime"/>), or is still within it,
/// over dossiers with a status change in the period.</item>
/// </list>
/// </summary>
internal sealed class IntegrationKpiCalculator(IntegrationDbContext db, IAdministrativeUnitDirectory units, TimeProvider clock, IHostEnvironment environment) : IKpiCalculator
{
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

        var databases = await DatabaseChecksAsync(period, ct);
        if (databases.Count > 0 && await units.ProvinceAsync(ct: ct) is { } province)
        {
            rows.Add(new KpiRow(IntegrationKpiCodes.NationalDatabases, province.Id, province.Path,
                databases.Count(d => d.Connected), NationalSystem.Databases.Count));
        }

        return rows;
    }

    /// <summary>Simulators stand in for the national systems only where nobody is judged on the figure.</summary>
    private bool SimulatorsCount => environment.IsDevelopment();

    /// <summary>A national database's health checks in a period.</summary>
    private sealed record DatabaseChecks(string System, int Checks, int Enabled, int Healthy, int HealthySimulated)
    {
        /// <summary>Counted as connected: switched on and healthy at least once in the period (a real system, or a simulator in Development).</summary>
        public bool Connected { get; init; }
    }

    /// <summary>The national databases with at least one check in the period (none: the period has no data).</summary>
    private async Task<List<DatabaseChecks>> DatabaseChecksAsync(KpiPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.StartsAt, period.EndsAt);
        var keys = NationalSystem.Databases.Select(s => s.Key).ToArray();
        var groups = await db.ConnectionChecks.AsNoTracking()
            .Where(c => keys.Contains(c.System) && c.CheckedAt >= from && c.CheckedAt < to)
            .GroupBy(c => c.System)
            .Select(g => new
            {
                System = g.Key, Checks = g.Count(), Enabled = g.Count(c => c.Enabled),
                Healthy = g.Count(c => c.Enabled && c.Healthy && !c.Simulated),
                HealthySimulated = g.Count(c => c.Enabled && c.Healthy && c.Simulated),
            })
            .ToListAsync(ct);
        return groups.Select(g => new DatabaseChecks(g.System, g.Checks, g.Enabled, g.Healthy, g.HealthySimulated)
        {
            Connected = g.Healthy > 0 || (SimulatorsCount && g.HealthySimulated > 0),
        }).ToList();
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        // Messages created or delivered since (their creation day is the day they count for), and connection checks since.
        var created = await db.OutgoingMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Destination == DossierChangedHandler.PortalDestination && (m.CreatedAt >= since || m.DeliveredAt >= since))
            .Select(m => m.CreatedAt).ToListAsync(ct);
        var checks = await db.ConnectionChecks.AsNoTracking()
            .Where(c => c.CheckedAt >= since).Select(c => c.CheckedAt).ToListAsync(ct);
        // Undelivered messages become late as time passes: their days change too.
        var now = clock.GetUtcNow();
        var overdue = await db.OutgoingMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Destination == DossierChangedHandler.PortalDestination && m.DeliveredAt == null && m.DeliverBy >= since && m.DeliverBy < now)
            .Select(m => m.CreatedAt).ToListAsync(ct);
        return created.Concat(checks).Concat(overdue).Select(VietnamTime.DayOf).ToHashSet();
    }

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        if (kpiCode == IntegrationKpiCodes.NationalDatabases)
        {
            var checks = (await DatabaseChecksAsync(period, ct)).ToDictionary(d => d.System);
            return NationalSystem.Databases.Select(s => (System: s, Checks: checks.GetValueOrDefault(s.Key)))
                .OrderBy(x => x.Checks?.Connected == true ? 1 : 0)
                .Select(x => new KpiDetailRow(Guid.Empty, x.System.Key, x.System.Name, unitPath, null, x.Checks?.Connected == true, Reason(x.Checks), "/Integration"))
                .ToList();
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

    /// <summary>Why a national database counts as connected for the period, or why not (ADR 0031).</summary>
    private string Reason(DatabaseChecks? d) => d switch
    {
        null => Messages.Text(IntegrationMessages.ConnectionNoCheck),
        { Connected: true, Healthy: > 0 } => Messages.Text(IntegrationMessages.ConnectionHealthy, d.Healthy, d.Checks),
        { Connected: true } => Messages.Text(IntegrationMessages.ConnectionHealthySimulatedDevelopment, d.HealthySimulated, d.Checks),
        { Enabled: 0 } => Messages.Text(IntegrationMessages.ConnectionDisabled, d.Checks),
        { HealthySimulated: > 0 } => Messages.Text(IntegrationMessages.ConnectionSimulatorOnly, environment.EnvironmentName),
        _ => Messages.Text(IntegrationMessages.ConnectionNeverHealthy, d.Checks),
    };
}
