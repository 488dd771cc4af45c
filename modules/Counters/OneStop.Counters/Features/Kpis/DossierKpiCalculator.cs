using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
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

    public Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default) =>
        KpiDays.PeriodAsync(period, (start, end, days) => CountAsync(start, end, days, ct));

    /// <summary>
    /// A month's days in the four queries of one period, grouped by day as well (ADR 0053): on PostgreSQL, where the day
    /// is the whole days between the row's time and the first day's start; SQLite cannot subtract instants in SQL, so
    /// there each day is asked on its own.
    /// </summary>
    public Task<IReadOnlyList<KpiDayRows>> ComputeDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        KpiDays.DaysAsync(this, db.Database.IsNpgsql(), from, to, (start, end, days) => CountAsync(start, end, days, ct), ct);

    /// <summary>
    /// The unit-days of the dossiers written since (ADR 0055): the receiving unit's and the competent unit's reception day,
    /// the competent unit's resolution day. A dossier routed to another unit or handed to a successor since changed its
    /// competent unit, and the one it left is not kept on it: its days are counted whole.
    /// </summary>
    public async Task<KpiChanges?> ChangedUnitDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var changed = await db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking().Where(ChangedSince(since, clock.GetUtcNow()))
            .Where(d => d.ReceivedAt != null)
            .Select(d => new { d.Id, d.ReceivingUnitId, d.ResolvingUnitId, d.ReceivedAt, d.ResolvedAt }).ToListAsync(ct);
        var ids = changed.Select(d => d.Id).ToList();
        var moved = (await db.Set<DossierHistoryEntry>().IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(h => ids.Contains(h.DossierId) && h.At >= since
                && (h.Transition == DossierTransitions.Routed || h.Transition == DossierTransitions.HandedToSuccessor))
            .Select(h => h.DossierId).Distinct().ToListAsync(ct)).ToHashSet();
        var unitDays = new HashSet<KpiUnitDay>();
        var whole = new HashSet<DateOnly>();
        foreach (var d in changed)
        {
            var received = VietnamTime.DayOf(d.ReceivedAt!.Value);
            var resolved = d.ResolvedAt is { } at ? VietnamTime.DayOf(at) : (DateOnly?)null;
            if (moved.Contains(d.Id))
            {
                whole.Add(received);
                if (resolved is { } r)
                {
                    whole.Add(r);
                }

                continue;
            }

            unitDays.Add(new KpiUnitDay(d.ReceivingUnitId, received));
            unitDays.Add(new KpiUnitDay(d.ResolvingUnitId, received));
            if (resolved is { } day)
            {
                unitDays.Add(new KpiUnitDay(d.ResolvingUnitId, day));
            }
        }

        return new KpiChanges(unitDays, whole);
    }

    /// <summary>
    /// The rows of the given unit-days only: the four queries of a period over the range of their days, each restricted to
    /// its unit column and day column for exactly those pairs (ADR 0055). SQLite: each day asked whole, its other units' rows dropped.
    /// </summary>
    public async Task<IReadOnlyList<KpiDayRows>> ComputeUnitDaysAsync(IReadOnlyCollection<KpiUnitDay> unitDays, CancellationToken ct = default)
    {
        if (unitDays.Count == 0)
        {
            return [];
        }

        var (first, last) = (unitDays.Min(u => u.Day), unitDays.Max(u => u.Day));
        if (!db.Database.IsNpgsql())
        {
            var wanted = unitDays.ToHashSet();
            var days = new List<KpiDayRows>();
            foreach (var day in unitDays.Select(u => u.Day).Distinct().Order())
            {
                var rows = await ComputeAsync(KpiPeriod.ForDay(day), ct);
                days.Add(new KpiDayRows(day, rows.Where(r => wanted.Contains(new KpiUnitDay(r.UnitId, day))).ToList()));
            }

            return days;
        }

        var origin = VietnamTime.StartOfDay(first);
        var only = new UnitDayFilter(unitDays);
        return KpiDays.ByDay(first, await CountAsync(origin, VietnamTime.StartOfDay(last.AddDays(1)), origin, ct, only));
    }

    /// <summary>
    /// The rows of [<paramref name="start"/>, <paramref name="end"/>), each tagged with its day from
    /// <paramref name="days"/> (the reception day, or the resolution day for on-time), or all with day 0 when null.
    /// </summary>
    private async Task<IEnumerable<(int Day, KpiRow Row)>> CountAsync(
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset? days, CancellationToken ct, UnitDayFilter? only = null)
    {
        var now = clock.GetUtcNow();
        var splits = await SplitsAsync(ct);
        var split = splits.Units;
        // All dossiers, or only those of the unit-days asked for, by the column each count groups by.
        IQueryable<Dossier> Dossiers(UnitDayFilter.Column column) =>
            (only is null ? db.Dossiers : only.Of(db, column)).IgnoreQueryFilters(Scope).AsNoTracking();
        IQueryable<Dossier> Received(UnitDayFilter.Column column) =>
            Dossiers(column).Where(d => d.ReceivedAt >= start && d.ReceivedAt < end && !NotCounted.Contains(d.Status));
        var atDesk = Received(UnitDayFilter.Column.ReceivedAtDesk);
        var byResolver = Received(UnitDayFilter.Column.ReceivedByResolver);
        var resolvedBy = Dossiers(UnitDayFilter.Column.ResolvedByResolver).Where(d => d.ResolvedAt >= start && d.ResolvedAt < end);

        var byDesk = await Flagged(atDesk, few: only is not null)
            .GroupBy(GroupKey.Of(GroupKey.ByDesk(split, days)))
            .Select(g => new
            {
                g.Key, Count = g.Count(),
                Online = g.Count(x => x.Dossier.Channel == DossierChannels.Online),
                Reusing = g.Count(x => x.Reusing),
                Routed = g.Count(x => x.Routed),
                RoutedElectronically = g.Count(x => x.Routed && !x.RoutedOnPaper),
                WithFees = g.Count(x => x.Dossier.FeeVnd > 0 || x.Dossier.FinancialObligationVnd > 0),
                PaidOnline = g.Count(x => (x.Dossier.FeeVnd > 0 || x.Dossier.FinancialObligationVnd > 0) && x.Dossier.PaymentMethod == PaymentMethods.Online),
                Citizens = g.Count(x => x.Dossier.ApplicantKind == ApplicantKinds.Citizen),
                Verified = g.Count(x => x.Dossier.ApplicantKind == ApplicantKinds.Citizen && x.Dossier.ApplicantVerified),
                FullyOnline = g.Count(x => x.FullyOnline),
                FullyOnlineOnline = g.Count(x => x.FullyOnline && x.Dossier.Channel == DossierChannels.Online),
            }).ToListAsync(ct);
        var progress = await byResolver
            .GroupBy(GroupKey.ByResolver(split, days, resolutionDay: false))
            .Select(g => new
            {
                g.Key, Count = g.Count(),
                OnTrack = g.Count(d => d.ResolvedAt != null ? d.DueAt == null || d.ResolvedAt <= d.DueAt
                    : d.Status != DossierStatuses.Stopped && (d.DueAt == null || d.DueAt >= now)),
            }).ToListAsync(ct);
        var resolved = await resolvedBy
            .GroupBy(GroupKey.ByResolver(split, days, resolutionDay: true))
            .Select(g => new { g.Key, Count = g.Count(), OnTime = g.Count(d => d.DueAt == null || d.ResolvedAt <= d.DueAt) })
            .ToListAsync(ct);

        var rows = new List<(int Day, KpiRow Row)>();
        void Add(string code, GroupKey key, decimal numerator, decimal denominator) =>
            rows.Add((key.Day, new KpiRow(code, key.UnitId, key.UnitPath, numerator, denominator, AsIs(splits, key.UnitId, key.Address))));
        foreach (var g in byDesk)
        {
            Add(CountersKpiCodes.OnlineShare, g.Key, g.Online, g.Count);
            Add(CountersKpiCodes.I766DataReuse, g.Key, g.Reusing, g.Count);
            if (g.Routed > 0)
            {
                Add(CountersKpiCodes.ElectronicRouting, g.Key, g.RoutedElectronically, g.Routed);
            }

            if (g.WithFees > 0)
            {
                Add(CountersKpiCodes.I766OnlinePayment, g.Key, g.PaidOnline, g.WithFees);
            }

            if (g.Citizens > 0)
            {
                Add(CountersKpiCodes.I766PopulationData, g.Key, g.Verified, g.Citizens);
            }

            if (g.FullyOnline > 0)
            {
                Add(CountersKpiCodes.I766FullyOnline, g.Key, g.FullyOnlineOnline, g.FullyOnline);
            }
        }

        progress.ForEach(g => Add(CountersKpiCodes.I766Progress, g.Key, g.OnTrack, g.Count));
        resolved.ForEach(g => Add(CountersKpiCodes.OnTimeRate, g.Key, g.OnTime, g.Count));
        return rows;
    }

    /// <summary>
    /// The dossiers with what the desk's codes ask of their components, hand-overs and procedure. For a whole period
    /// (<paramref name="few"/> false) the components and hand-overs are aggregated once per dossier (restricted to the
    /// dossiers counted, so an index finds them) and left-joined: an EXISTS per flag and dossier made PostgreSQL hash the
    /// whole tables for each query (as for Digitization's flags). For the unit-days of an incremental run (a few tens of
    /// thousands of dossiers at most) each flag is an EXISTS per dossier, one probe of an index each, so the dossiers are
    /// read once rather than once more per aggregate (1.9 s against ~0.5 s for 72,591 dossiers at 1 M).
    /// </summary>
    private IQueryable<FlaggedDossier> Flagged(IQueryable<Dossier> dossiers, bool few)
    {
        var fullyOnline = db.Procedures.Where(p => p.FullyOnline).Select(p => new { ProcedureId = (Guid?)p.Id });
        if (few)
        {
            var components = db.Set<DossierComponent>();
            return from d in dossiers
                   join p in fullyOnline on (Guid?)d.ProcedureId equals p.ProcedureId into ps
                   from p in ps.DefaultIfEmpty()
                   select new FlaggedDossier
                   {
                       Dossier = d,
                       Reusing = components.Any(c => c.DossierId == d.Id && c.Source != ComponentSources.Submitted),
                       Routed = db.DossierHandovers.Any(h => h.DossierId == d.Id && h.Kind == HandoverKinds.Routing),
                       RoutedOnPaper = db.DossierHandovers.Any(h => h.DossierId == d.Id && h.Kind == HandoverKinds.Routing && !h.Electronic),
                       FullyOnline = p.ProcedureId != null,
                   };
        }

        var ids = dossiers.Select(d => d.Id);
        var reusing = db.Set<DossierComponent>().Where(c => c.Source != ComponentSources.Submitted && ids.Contains(c.DossierId))
            .GroupBy(c => c.DossierId).Select(g => new { DossierId = (Guid?)g.Key });
        var routing = db.DossierHandovers.Where(h => h.Kind == HandoverKinds.Routing && ids.Contains(h.DossierId))
            .GroupBy(h => h.DossierId).Select(g => new { DossierId = (Guid?)g.Key, OnPaper = g.Max(h => h.Electronic ? 0 : 1) });
        return from d in dossiers
               join c in reusing on (Guid?)d.Id equals c.DossierId into cs
               from c in cs.DefaultIfEmpty()
               join h in routing on (Guid?)d.Id equals h.DossierId into hs
               from h in hs.DefaultIfEmpty()
               join p in fullyOnline on (Guid?)d.ProcedureId equals p.ProcedureId into ps
               from p in ps.DefaultIfEmpty()
               select new FlaggedDossier { Dossier = d, Reusing = c.DossierId != null, Routed = h.DossierId != null, RoutedOnPaper = h.OnPaper == 1, FullyOnline = p.ProcedureId != null };
    }

    /// <summary>A dossier with its component and hand-over flags (<see cref="Flagged"/>).</summary>
    private sealed class FlaggedDossier
    {
        public Dossier Dossier { get; init; } = null!;
        /// <summary>A component came from the data store or an earlier dossier rather than from the applicant.</summary>
        public bool Reusing { get; init; }
        /// <summary>Routed between agencies or levels (liên thông) at least once.</summary>
        public bool Routed { get; init; }
        /// <summary>One of its routing hand-overs was on paper.</summary>
        public bool RoutedOnPaper { get; init; }
        /// <summary>Its procedure is eligible for fully-online service (dịch vụ công trực tuyến toàn trình).</summary>
        public bool FullyOnline { get; init; }
    }

    /// <summary>
    /// What the dossiers are grouped by: the counting unit and its path, the applicant's address where the unit was split
    /// since, and the day (whole days since <c>days</c>; 0 when counting a period).
    /// </summary>
    private sealed class GroupKey
    {
        public Guid UnitId { get; init; }
        public string UnitPath { get; init; } = "";
        public string? Address { get; init; }
        public int Day { get; init; }

        /// <summary>A dossier's key applied to the dossier of a <see cref="FlaggedDossier"/>.</summary>
        public static Expression<Func<FlaggedDossier, GroupKey>> Of(Expression<Func<Dossier, GroupKey>> key)
        {
            var flagged = Expression.Parameter(typeof(FlaggedDossier), "x");
            var body = ReplacingExpressionVisitor.Replace(key.Parameters[0], Expression.Property(flagged, nameof(FlaggedDossier.Dossier)), key.Body);
            return Expression.Lambda<Func<FlaggedDossier, GroupKey>>(body, flagged);
        }

        /// <summary>By the receiving desk and the reception day.</summary>
        public static Expression<Func<Dossier, GroupKey>> ByDesk(IReadOnlyList<Guid> split, DateTimeOffset? days) => days is { } origin
            ? d => new GroupKey { UnitId = d.ReceivingUnitId, UnitPath = d.UnitPath, Address = split.Contains(d.ReceivingUnitId) ? d.ApplicantAddress : null, Day = (d.ReceivedAt!.Value - origin).Days }
            : d => new GroupKey { UnitId = d.ReceivingUnitId, UnitPath = d.UnitPath, Address = split.Contains(d.ReceivingUnitId) ? d.ApplicantAddress : null, Day = 0 };

        /// <summary>By the competent unit (the one holding the dossier for resolution) and the reception or resolution day.</summary>
        public static Expression<Func<Dossier, GroupKey>> ByResolver(IReadOnlyList<Guid> split, DateTimeOffset? days, bool resolutionDay) => (days, resolutionDay) switch
        {
            ({ } origin, false) => d => new GroupKey { UnitId = d.ResolvingUnitId, UnitPath = d.SharedUnitPath, Address = split.Contains(d.ResolvingUnitId) ? d.ApplicantAddress : null, Day = (d.ReceivedAt!.Value - origin).Days },
            ({ } origin, true) => d => new GroupKey { UnitId = d.ResolvingUnitId, UnitPath = d.SharedUnitPath, Address = split.Contains(d.ResolvingUnitId) ? d.ApplicantAddress : null, Day = (d.ResolvedAt!.Value - origin).Days },
            _ => d => new GroupKey { UnitId = d.ResolvingUnitId, UnitPath = d.SharedUnitPath, Address = split.Contains(d.ResolvingUnitId) ? d.ApplicantAddress : null, Day = 0 },
        };
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

    /// <summary>
    /// The dossiers written since <paramref name="since"/>, and the open ones whose due date passed since: passing it changes
    /// "in progress within deadline" without a write.
    /// </summary>
    private static Expression<Func<Dossier, bool>> ChangedSince(DateTimeOffset since, DateTimeOffset now) =>
        d => d.CreatedAt >= since || d.ModifiedAt >= since || (d.ResolvedAt == null && d.DueAt >= since && d.DueAt < now);

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var changed = await db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking().Where(ChangedSince(since, clock.GetUtcNow()))
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
