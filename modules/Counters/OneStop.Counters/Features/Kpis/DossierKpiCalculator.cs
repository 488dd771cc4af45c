using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Persistence;
using OneStop.Platform.Kpis;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Kpis;

/// <summary>
/// Counters' contribution to Evaluation's KPI engine, counted in SQL over the dossier tables:
/// online share and data reuse by the receiving desk (reception day); on-time resolution (Decree 61/2018) and the 766
/// progress indicator by the competent unit — the unit now holding the dossier for resolution (reception day for
/// progress, resolution day for on-time); fully-online dossiers of procedures eligible for it. Also by the receiving
/// desk and reception day: electronic routing (of the dossiers routed between agencies or levels — liên thông — those
/// whose every routing hand-over was electronic), online payment (of the dossiers with fees in the catalogue or a
/// financial obligation, those paid online) and population data (of citizens' dossiers, those whose applicant was
/// checked against the national population database at intake).
/// <para>
/// "By the receiving desk" is the unit that received the dossier (<see cref="Dossier.ReceivingUnitId"/>, kept when an
/// open dossier is handed to a successor), so the "as was" view counts it where it was received. Dossiers of a unit
/// split since are grouped by applicant's address as well, and each group names its successor for the "as is" view
/// (<see cref="SplitSuccessors"/>); that adds groups only for those few units.
/// </para>
/// </summary>
internal sealed class DossierKpiCalculator(CountersDbContext db, TimeProvider clock, IAdministrativeUnitDirectory units) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];
    private static readonly string[] NotCounted = [DossierStatuses.New, DossierStatuses.Refused, DossierStatuses.Withdrawn];

    public IReadOnlyCollection<string> KpiCodes { get; } =
        [CountersKpiCodes.OnlineShare, CountersKpiCodes.OnTimeRate, CountersKpiCodes.I766Progress,
         CountersKpiCodes.I766DataReuse, CountersKpiCodes.I766FullyOnline, CountersKpiCodes.ElectronicRouting,
         CountersKpiCodes.I766OnlinePayment, CountersKpiCodes.I766PopulationData];

    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default)
    {
        var (start, end, now) = (period.StartsAt, period.EndsAt, clock.GetUtcNow());
        var splits = await SplitsAsync(ct);
        var split = splits.Units;
        var dossiers = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking();
        var received = dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end && !NotCounted.Contains(d.Status));
        var byDesk = await received
            .GroupBy(d => new { UnitId = d.ReceivingUnitId, d.UnitPath, Address = split.Contains(d.ReceivingUnitId) ? d.ApplicantAddress : null })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.UnitPath, g.Key.Address, Count = g.Count(),
                Online = g.Count(d => d.Channel == DossierChannels.Online),
                Reusing = g.Count(d => d.Components.Any(c => c.Source != ComponentSources.Submitted)),
                Routed = g.Count(d => d.Handovers.Any(h => h.Kind == HandoverKinds.Routing)),
                RoutedElectronically = g.Count(d => d.Handovers.Any(h => h.Kind == HandoverKinds.Routing) && !d.Handovers.Any(h => h.Kind == HandoverKinds.Routing && !h.Electronic)),
                WithFees = g.Count(d => d.FeeVnd > 0 || d.FinancialObligationVnd > 0),
                PaidOnline = g.Count(d => (d.FeeVnd > 0 || d.FinancialObligationVnd > 0) && d.PaymentMethod == PaymentMethods.Online),
                Citizens = g.Count(d => d.ApplicantKind == ApplicantKinds.Citizen),
                Verified = g.Count(d => d.ApplicantKind == ApplicantKinds.Citizen && d.ApplicantVerified),
            }).ToListAsync(ct);
        var progress = await received
            .GroupBy(d => new { d.ResolvingUnitId, d.SharedUnitPath, Address = split.Contains(d.ResolvingUnitId) ? d.ApplicantAddress : null })
            .Select(g => new
            {
                g.Key.ResolvingUnitId, g.Key.SharedUnitPath, g.Key.Address, Count = g.Count(),
                OnTrack = g.Count(d => d.ResolvedAt != null ? d.DueAt == null || d.ResolvedAt <= d.DueAt
                    : d.Status != DossierStatuses.Stopped && (d.DueAt == null || d.DueAt >= now)),
            }).ToListAsync(ct);
        var resolved = await dossiers.Where(d => d.ResolvedAt >= start && d.ResolvedAt < end)
            .GroupBy(d => new { d.ResolvingUnitId, d.SharedUnitPath, Address = split.Contains(d.ResolvingUnitId) ? d.ApplicantAddress : null })
            .Select(g => new { g.Key.ResolvingUnitId, g.Key.SharedUnitPath, g.Key.Address, Count = g.Count(), OnTime = g.Count(d => d.DueAt == null || d.ResolvedAt <= d.DueAt) })
            .ToListAsync(ct);
        var fullyOnline = await (from d in received
                                 join p in db.Procedures on d.ProcedureId equals p.Id
                                 where p.FullyOnline
                                 group d by new { UnitId = d.ReceivingUnitId, d.UnitPath, Address = split.Contains(d.ReceivingUnitId) ? d.ApplicantAddress : null } into g
                                 select new { g.Key.UnitId, g.Key.UnitPath, g.Key.Address, Count = g.Count(), Online = g.Count(d => d.Channel == DossierChannels.Online) })
            .ToListAsync(ct);

        var rows = new List<KpiRow>();
        rows.AddRange(byDesk.Select(g => new KpiRow(CountersKpiCodes.OnlineShare, g.UnitId, g.UnitPath, g.Online, g.Count, AsIs(splits, g.UnitId, g.Address))));
        rows.AddRange(byDesk.Select(g => new KpiRow(CountersKpiCodes.I766DataReuse, g.UnitId, g.UnitPath, g.Reusing, g.Count, AsIs(splits, g.UnitId, g.Address))));
        rows.AddRange(byDesk.Where(g => g.Routed > 0).Select(g => new KpiRow(CountersKpiCodes.ElectronicRouting, g.UnitId, g.UnitPath, g.RoutedElectronically, g.Routed, AsIs(splits, g.UnitId, g.Address))));
        rows.AddRange(byDesk.Where(g => g.WithFees > 0).Select(g => new KpiRow(CountersKpiCodes.I766OnlinePayment, g.UnitId, g.UnitPath, g.PaidOnline, g.WithFees, AsIs(splits, g.UnitId, g.Address))));
        rows.AddRange(byDesk.Where(g => g.Citizens > 0).Select(g => new KpiRow(CountersKpiCodes.I766PopulationData, g.UnitId, g.UnitPath, g.Verified, g.Citizens, AsIs(splits, g.UnitId, g.Address))));
        rows.AddRange(progress.Select(g => new KpiRow(CountersKpiCodes.I766Progress, g.ResolvingUnitId, g.SharedUnitPath, g.OnTrack, g.Count, AsIs(splits, g.ResolvingUnitId, g.Address))));
        rows.AddRange(resolved.Select(g => new KpiRow(CountersKpiCodes.OnTimeRate, g.ResolvingUnitId, g.SharedUnitPath, g.OnTime, g.Count, AsIs(splits, g.ResolvingUnitId, g.Address))));
        rows.AddRange(fullyOnline.Select(g => new KpiRow(CountersKpiCodes.I766FullyOnline, g.UnitId, g.UnitPath, g.Online, g.Count, AsIs(splits, g.UnitId, g.Address))));
        return rows;
    }

    /// <summary>Loaded once per engine run (the calculator is scoped to it), not once per period.</summary>
    private async Task<SplitSuccessors> SplitsAsync(CancellationToken ct)
    {
        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        if (_splits is not { } known || known.Today != today)
        {
            _splits = known = (today, await SplitSuccessors.LoadAsync(units, today, ct));
        }

        return known.Splits;
    }

    private (DateOnly Today, SplitSuccessors Splits)? _splits;

    private static Guid? AsIs(SplitSuccessors splits, Guid unitId, string? address) => address is null ? null : splits.Resolve(unitId, address);

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking()
            // An open dossier passing its due date changes "in progress within deadline" without being written.
            .Where(d => d.CreatedAt >= since || d.ModifiedAt >= since || (d.ResolvedAt == null && d.DueAt >= since && d.DueAt < now))
            .Select(d => new { d.ReceivedAt, d.ResolvedAt }).ToListAsync(ct);
        return changed.SelectMany(d => new[] { d.ReceivedAt, d.ResolvedAt }).OfType<DateTimeOffset>()
            .Select(t => VietnamTime.DayOf(t)).ToHashSet();
    }

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        var (start, end, now) = (period.StartsAt, period.EndsAt, clock.GetUtcNow());
        var dossiers = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking();
        var q = kpiCode switch
        {
            CountersKpiCodes.OnTimeRate => dossiers.Where(d => d.ResolvedAt >= start && d.ResolvedAt < end && d.SharedUnitPath.StartsWith(unitPath)),
            CountersKpiCodes.I766Progress =>
                dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end && !NotCounted.Contains(d.Status) && d.SharedUnitPath.StartsWith(unitPath)),
            _ => dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end && !NotCounted.Contains(d.Status) && d.UnitPath.StartsWith(unitPath)),
        };
        q = kpiCode switch
        {
            CountersKpiCodes.ElectronicRouting => q.Where(d => d.Handovers.Any(h => h.Kind == HandoverKinds.Routing)),
            CountersKpiCodes.I766OnlinePayment => q.Where(d => d.FeeVnd > 0 || d.FinancialObligationVnd > 0),
            CountersKpiCodes.I766PopulationData => q.Where(d => d.ApplicantKind == ApplicantKinds.Citizen),
            CountersKpiCodes.I766FullyOnline => q.Where(d => db.Procedures.Any(p => p.Id == d.ProcedureId && p.FullyOnline)),
            _ => q,
        };
        var rows = await q.Select(d => new
            {
                d.Id, d.Code, d.ProcedureName, d.UnitPath, d.ReceivedAt, d.Status, d.Channel, d.PaymentMethod,
                Counted = kpiCode == CountersKpiCodes.OnlineShare || kpiCode == CountersKpiCodes.I766FullyOnline ? d.Channel == DossierChannels.Online
                    : kpiCode == CountersKpiCodes.I766DataReuse ? d.Components.Any(c => c.Source != ComponentSources.Submitted)
                    : kpiCode == CountersKpiCodes.ElectronicRouting ? !d.Handovers.Any(h => h.Kind == HandoverKinds.Routing && !h.Electronic)
                    : kpiCode == CountersKpiCodes.I766OnlinePayment ? d.PaymentMethod == PaymentMethods.Online
                    : kpiCode == CountersKpiCodes.I766PopulationData ? d.ApplicantVerified
                    : d.ResolvedAt != null ? d.DueAt == null || d.ResolvedAt <= d.DueAt : d.DueAt == null || d.DueAt >= now,
            })
            .OrderBy(x => x.Counted ? 1 : 0).ThenByDescending(x => x.ReceivedAt).Take(take).ToListAsync(ct);
        return rows.Select(d => new KpiDetailRow(d.Id, d.Code, d.ProcedureName, d.UnitPath, d.ReceivedAt, d.Counted,
            $"{DossierStatuses.NameVi(d.Status)} · {d.Channel}{(kpiCode == CountersKpiCodes.I766OnlinePayment ? " · " + (d.PaymentMethod ?? "chưa thanh toán") : "")}",
            $"/Counters/Dossiers/Detail?id={d.Id}")).ToList();
    }
}
