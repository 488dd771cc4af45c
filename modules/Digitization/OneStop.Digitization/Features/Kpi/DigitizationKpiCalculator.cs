using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Localization;
using OneStop.Platform.Persistence;
using OneStop.Platform.Kpis;
using OneStop.Platform.Domain;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// Digitization's contribution to Evaluation's KPI engine, per receiving unit (the desk that scans and returns), counted
/// in SQL over the module's copy of the dossiers and its documents with the same flags as <see cref="DigitizationKpiSource"/>:
/// <list type="bullet">
/// <item>as of the period's end, per competent unit and not rolled up (the unit that issued the result, whose level is the
/// level the plan's 30 / 20 / 15 % targets name): of the results in the register (<see cref="Domain.IssuedResult"/>: resolved dossiers and
/// old results digitised from the back-file) issued by the period's last day and still valid on it, those digitised
/// before the period's end (plan: kết quả giải quyết TTHC còn hiệu lực được số hóa; ADR 0030) — a stock, not the
/// period's flow, and a result expired before the period's last day is in neither figure;</item>
/// <item>by resolution day, of the dossiers resolved: result digitised, nothing left to scan, archived (plan: resolved
/// dossiers digitised, archived, reusable); result signed with the unit's certificate (766 5.1: electronic results with
/// legal value);</item>
/// <item>by reception day: of the components the dossiers required, those the applicant was not asked for again because
/// the system held them (<see cref="Domain.NotAskedAgain"/>: reused from the data store or an earlier dossier, or the
/// identity document of an applicant verified in the population database; plan: applicants not asked again for
/// documents already accepted; ADR 0030); of the dossiers received, every component in the data store —
/// digitised for it or reused — and none left to scan (766 5.2); of the dossiers with a digitised document, those
/// with one shared for reuse (766 5.5);</item>
/// <item>one-stop desks with the digitisation process switched on by the end of the period (plan; desks from the
/// platform's agencies); communes that signed an electronic copy of an original (bản sao điện tử từ bản chính) in the
/// period, of the communes (766 5.3).</item>
/// </list>
/// </summary>
internal sealed class DigitizationKpiCalculator(DigitizationDbContext db, PlatformDbContext platform, TimeProvider clock) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    private static readonly string[] ByResolution = [DigitizationKpiCodes.ResolvedDigitised, DigitizationKpiCodes.I766ElectronicResults];

    public IReadOnlyCollection<string> KpiCodes { get; } =
    [
        DigitizationKpiCodes.ResultsDigitised, DigitizationKpiCodes.DesksDigitising, DigitizationKpiCodes.ResolvedDigitised,
        DigitizationKpiCodes.NoRepeatDocuments, DigitizationKpiCodes.I766ElectronicResults, DigitizationKpiCodes.I766DigitisedLinked,
        DigitizationKpiCodes.I766CertifiedCopies, DigitizationKpiCodes.I766SharedForReuse,
    ];

    public async Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default)
    {
        var (start, end, lastDay) = (period.StartsAt, period.EndsAt, period.End.AddDays(-1));
        var dossiers = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(d => (d.ResolvedAt >= start && d.ResolvedAt < end) || (d.ReceivedAt >= start && d.ReceivedAt < end));
        var groups = await DigitizationKpiFlags.Of(db, dossiers, start, end, lastDay)
            .GroupBy(f => new { f.UnitId, f.UnitPath })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.UnitPath,
                Resolved = g.Count(f => f.Resolved),
                Archived = g.Count(f => f.Resolved && f.Result && !f.Open && f.Archived),
                Signed = g.Count(f => f.Resolved && f.SignedResult),
                Received = g.Count(f => f.Received),
                Components = g.Sum(f => f.Received ? f.Components : 0),
                NotAsked = g.Sum(f => f.Received ? f.NotAsked : 0),
                Linked = g.Count(f => f.Received && !f.OpenComponent && (f.ComponentStored || f.Reused > 0)),
                Digitised = g.Count(f => f.Received && f.Digitised),
                Shared = g.Count(f => f.Received && f.Shared),
            })
            .ToListAsync(ct);

        var rows = new List<KpiRow>();
        foreach (var g in groups.Where(g => g.Resolved > 0))
        {
            rows.Add(new KpiRow(DigitizationKpiCodes.ResolvedDigitised, g.UnitId, g.UnitPath, g.Archived, g.Resolved));
            rows.Add(new KpiRow(DigitizationKpiCodes.I766ElectronicResults, g.UnitId, g.UnitPath, g.Signed, g.Resolved));
        }

        foreach (var g in groups.Where(g => g.Received > 0))
        {
            rows.Add(new KpiRow(DigitizationKpiCodes.NoRepeatDocuments, g.UnitId, g.UnitPath, g.NotAsked, g.Components));
            rows.Add(new KpiRow(DigitizationKpiCodes.I766DigitisedLinked, g.UnitId, g.UnitPath, g.Linked, g.Received));
            rows.Add(new KpiRow(DigitizationKpiCodes.I766SharedForReuse, g.UnitId, g.UnitPath, g.Shared, g.Digitised));
        }

        if (period.Kind == KpiPeriodKinds.Day)
        {
            // Desks switched on, communes offering certified copies and the stock of valid results are states, measured
            // per month at the finest (kpis.json): a day would only repeat the month's figures, at more queries a day.
            return rows;
        }

        rows.AddRange(await ResultRowsAsync(period, ct));
        rows.AddRange(await DeskRowsAsync(end, ct));
        rows.AddRange(await CertifiedCopyRowsAsync(period, ct));
        return rows;
    }

    /// <summary>
    /// The codes counted per day (kpis.json: 766 5.1, 5.2 and 5.5) for a month's days in two queries — by resolution day
    /// and by reception day — instead of one flags query per day (ADR 0053). The other codes are left out: their
    /// finest period is the month. SQLite cannot subtract instants in SQL: there each day is asked on its own.
    /// </summary>
    public async Task<IReadOnlyList<KpiDayRows>> ComputeDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return await KpiDays.OneByOneAsync(this, from, to, ct);
        }

        var (start, end) = (VietnamTime.StartOfDay(from), VietnamTime.StartOfDay(to));
        var dossiers = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(d => (d.ResolvedAt >= start && d.ResolvedAt < end) || (d.ReceivedAt >= start && d.ReceivedAt < end));
        var flags = DigitizationKpiFlags.Of(db, dossiers, start, end, to.AddDays(-1));
        var resolved = await flags.Where(f => f.Resolved)
            .GroupBy(f => new { f.UnitId, f.UnitPath, Day = (f.ResolvedAt!.Value - start).Days })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, g.Key.Day, Resolved = g.Count(), Signed = g.Count(f => f.SignedResult) })
            .ToListAsync(ct);
        var received = await flags.Where(f => f.Received)
            .GroupBy(f => new { f.UnitId, f.UnitPath, Day = (f.ReceivedAt!.Value - start).Days })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.UnitPath, g.Key.Day, Received = g.Count(),
                Linked = g.Count(f => !f.OpenComponent && (f.ComponentStored || f.Reused > 0)),
                Digitised = g.Count(f => f.Digitised),
                Shared = g.Count(f => f.Shared),
            })
            .ToListAsync(ct);
        var rows = resolved.Select(g => (g.Day, new KpiRow(DigitizationKpiCodes.I766ElectronicResults, g.UnitId, g.UnitPath, g.Signed, g.Resolved)))
            .Concat(received.Select(g => (g.Day, new KpiRow(DigitizationKpiCodes.I766DigitisedLinked, g.UnitId, g.UnitPath, g.Linked, g.Received))))
            .Concat(received.Select(g => (g.Day, new KpiRow(DigitizationKpiCodes.I766SharedForReuse, g.UnitId, g.UnitPath, g.Shared, g.Digitised))));
        return KpiDays.ByDay(from, rows);
    }

    /// <summary>
    /// Results valid on the period's last day (issued by then, not expired before it) per competent unit, and those of
    /// them digitised before the period's end.
    /// </summary>
    private async Task<IEnumerable<KpiRow>> ResultRowsAsync(KpiPeriod period, CancellationToken ct)
    {
        var end = period.EndsAt;
        var stock = await ValidResults(period.End.AddDays(-1))
            .GroupBy(r => new { r.UnitId, r.UnitPath })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, Valid = g.Count(), Digitised = g.Count(r => r.DigitisedAt != null && r.DigitisedAt < end) })
            .ToListAsync(ct);
        // The targets are per competent level: a province's figure is its own results, not its communes' (RollsUp).
        return stock.Select(s => new KpiRow(DigitizationKpiCodes.ResultsDigitised, s.UnitId, s.UnitPath, s.Digitised, s.Valid, RollsUp: false));
    }

    /// <summary>The register's results valid on <paramref name="day"/>: issued on or before it and not expired before it.</summary>
    private IQueryable<IssuedResult> ValidResults(DateOnly day) =>
        db.Results.IgnoreQueryFilters(Scope).AsNoTracking().Where(r => !r.IsDeleted).Where(IssuedResult.ValidOn(day));

    /// <summary>Desks (Bộ phận Một cửa, service centre) per unit, and those switched on before the period's end.</summary>
    private async Task<IEnumerable<KpiRow>> DeskRowsAsync(DateTimeOffset end, CancellationToken ct)
    {
        var desks = await platform.Agencies.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(a => DeskService.DeskKinds.Contains(a.Kind))
            .GroupBy(a => new { a.UnitId, a.UnitPath }).Select(g => new { g.Key.UnitId, g.Key.UnitPath, Count = g.Count() }).ToListAsync(ct);
        var running = await db.Desks.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(d => d.Enabled && d.EnabledSince < end)
            .GroupBy(d => d.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        return desks.Select(d => new KpiRow(DigitizationKpiCodes.DesksDigitising, d.UnitId, d.UnitPath, Math.Min(d.Count, running.GetValueOrDefault(d.UnitId)), d.Count));
    }

    /// <summary>
    /// One row per commune in existence during the period: 1 of 1 when its certification register (sổ chứng thực bản
    /// sao) has an electronic certified copy made in the period — every line has one, signed when it is written.
    /// </summary>
    private async Task<IEnumerable<KpiRow>> CertifiedCopyRowsAsync(KpiPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.StartsAt, period.EndsAt);
        var offering = (await db.CertifiedCopies.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(x => x.CertifiedAt >= start && x.CertifiedAt < end)
            .Select(x => x.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
        var communes = await CommunesAsync(period, null, ct);
        return communes.Select(c => new KpiRow(DigitizationKpiCodes.I766CertifiedCopies, c.Id, c.Path, offering.Contains(c.Id) ? 1 : 0, 1));
    }

    private async Task<List<(Guid Id, string Path, string Name)>> CommunesAsync(KpiPeriod period, string? under, CancellationToken ct)
    {
        var (first, end) = (period.Start, period.End);
        var units = platform.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Level == UnitLevels.Commune && u.ValidFrom < end && (u.ValidTo == null || u.ValidTo > first));
        if (under is not null)
        {
            units = units.Where(u => u.Path.StartsWith(under));
        }

        return (await units.OrderBy(u => u.Path).Select(u => new { u.Id, u.Path, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Path, u.Name)).ToList();
    }

    /// <summary>
    /// Reception and resolution days of the dossiers written since (their record, a document or a scan item of theirs),
    /// signature days of documents signed since, and today when a desk was switched.
    /// </summary>
    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var dossiers = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking();
        var documents = db.Documents.IgnoreQueryFilters(Scope).AsNoTracking().Where(x => x.CreatedAt >= since || x.ModifiedAt >= since);
        var items = db.ScanQueue.IgnoreQueryFilters(Scope).AsNoTracking().Where(q => q.CreatedAt >= since || q.ModifiedAt >= since);
        var touched = documents.Where(x => x.DossierId != null).Select(x => x.DossierId!.Value).Union(items.Select(q => q.DossierId));
        var times = await dossiers.Where(d => d.CreatedAt >= since || d.ModifiedAt >= since)
            .Select(d => new { d.ReceivedAt, d.ResolvedAt })
            .Union(dossiers.Where(d => touched.Contains(d.Id)).Select(d => new { d.ReceivedAt, d.ResolvedAt }))
            .ToListAsync(ct);
        var signed = await documents.Where(x => x.SignedAt != null).Select(x => x.SignedAt).Distinct().ToListAsync(ct);
        var days = times.SelectMany(t => new[] { t.ReceivedAt, t.ResolvedAt }).Concat(signed).OfType<DateTimeOffset>().Select(LocalDay).ToHashSet();
        var today = LocalDay(clock.GetUtcNow());
        if (await db.Desks.IgnoreQueryFilters(Scope).AnyAsync(d => d.CreatedAt >= since || d.ModifiedAt >= since, ct))
        {
            days.Add(today);
        }

        // A result entered or digitised changes the stock of every period ending after its issue day: one day a month from
        // then to today (from the start of last year at the earliest — the years the engine keeps recomputing).
        var issued = await db.Results.IgnoreQueryFilters(Scope).AsNoTracking().Where(r => r.CreatedAt >= since || r.ModifiedAt >= since)
            .Select(r => (DateOnly?)r.IssuedOn).MinAsync(ct);
        if (issued is { } first)
        {
            var from = first > new DateOnly(today.Year - 1, 1, 1) ? first : new DateOnly(today.Year - 1, 1, 1);
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= today; month = month.AddMonths(1))
            {
                days.Add(month);
            }

            days.Add(today);
        }

        return days;
    }

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        if (kpiCode == DigitizationKpiCodes.DesksDigitising)
        {
            var agencies = await platform.Agencies.IgnoreQueryFilters(Scope).AsNoTracking()
                .Where(a => DeskService.DeskKinds.Contains(a.Kind) && a.UnitPath.StartsWith(unitPath))
                .Select(a => new { a.Id, a.Code, a.Name, a.UnitPath }).ToListAsync(ct);
            var ids = agencies.Select(a => a.Id).ToList();
            var end = period.EndsAt;
            var since = await db.Desks.IgnoreQueryFilters(Scope).AsNoTracking().Where(d => ids.Contains(d.AgencyId) && d.Enabled && d.EnabledSince < end)
                .ToDictionaryAsync(d => d.AgencyId, d => d.EnabledSince, ct);
            return agencies.Select(a => new KpiDetailRow(a.Id, a.Code, a.Name, a.UnitPath, since.GetValueOrDefault(a.Id), since.ContainsKey(a.Id), null, "/Digitization"))
                .OrderBy(r => r.Counted ? 1 : 0).ThenBy(r => r.UnitPath, StringComparer.Ordinal).Take(take).ToList();
        }

        if (kpiCode == DigitizationKpiCodes.I766CertifiedCopies)
        {
            // The communes without a certification in the period (what keeps the card red), then the register lines.
            var (start, end) = (period.StartsAt, period.EndsAt);
            var communes = await CommunesAsync(period, unitPath, ct);
            var entries = await db.CertifiedCopies.IgnoreQueryFilters(Scope).AsNoTracking()
                .Where(x => x.CertifiedAt >= start && x.CertifiedAt < end && x.UnitPath.StartsWith(unitPath))
                .OrderByDescending(x => x.CertifiedAt).Take(take)
                .Select(x => new { x.Id, x.UnitId, x.UnitPath, x.RegisterNumber, x.DocumentName, x.RequesterName, x.CertifiedAt, x.Year }).ToListAsync(ct);
            var certifying = await db.CertifiedCopies.IgnoreQueryFilters(Scope).AsNoTracking()
                .Where(x => x.CertifiedAt >= start && x.CertifiedAt < end && x.UnitPath.StartsWith(unitPath))
                .GroupBy(x => x.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
            var names = communes.ToDictionary(c => c.Id, c => c.Name);
            var missing = communes.Where(c => !certifying.ContainsKey(c.Id))
                .Select(c => new KpiDetailRow(c.Id, c.Path, c.Name, c.Path, null, false, Messages.Text(DigitizationMessages.KpiNoCertified), null));
            var lines = entries.Select(e => new KpiDetailRow(e.Id, e.RegisterNumber,
                $"{(names.TryGetValue(e.UnitId, out var name) ? name + ": " : "")}{e.DocumentName} — {e.RequesterName}", e.UnitPath, e.CertifiedAt, true,
                Messages.Text(DigitizationMessages.KpiCertified, certifying.GetValueOrDefault(e.UnitId)), $"/Digitization/CertifiedCopies?year={e.Year}"));
            return missing.Concat(lines).Take(take).ToList();
        }

        if (kpiCode == DigitizationKpiCodes.ResultsDigitised)
        {
            // The valid results the unit issued itself (the figure does not roll up), those still on paper first.
            var end = period.EndsAt;
            var lines = await ValidResults(period.End.AddDays(-1)).Where(r => r.UnitPath == unitPath)
                .Select(r => new { r.Id, r.DossierId, r.DossierCode, r.Name, r.UnitPath, r.IssuingBody, r.IssuedOn, r.ValidUntil, Counted = r.DigitisedAt != null && r.DigitisedAt < end })
                .OrderBy(r => r.Counted ? 1 : 0).ThenByDescending(r => r.IssuedOn).Take(take).ToListAsync(ct);
            return lines.Select(r => new KpiDetailRow(r.Id, r.DossierCode ?? "", r.Name, r.UnitPath, VietnamTime.StartOfDay(r.IssuedOn), r.Counted,
                Messages.Text(DigitizationMessages.KpiResultLine, r.IssuingBody, r.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    r.ValidUntil is { } until ? until.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : Messages.Text(DigitizationMessages.NoExpiry)),
                r.DossierId is { } dossier ? $"/Counters/Dossiers/Detail?id={dossier}" : "/Digitization/Results")).ToList();
        }

        var (from, to, lastDay) = (period.StartsAt, period.EndsAt, period.End.AddDays(-1));
        var byResolution = ByResolution.Contains(kpiCode);
        var records = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking().Where(d => d.UnitPath.StartsWith(unitPath));
        records = byResolution ? records.Where(d => d.ResolvedAt >= from && d.ResolvedAt < to) : records.Where(d => d.ReceivedAt >= from && d.ReceivedAt < to);
        var flags = DigitizationKpiFlags.Of(db, records, from, to, lastDay);
        flags = kpiCode switch
        {
            DigitizationKpiCodes.NoRepeatDocuments => flags.Where(f => f.Components > 0),
            DigitizationKpiCodes.I766SharedForReuse => flags.Where(f => f.Digitised),
            _ => flags,
        };
        var rows = await flags.Select(f => new
            {
                f.Id, f.Code, f.ProcedureName, f.UnitPath, At = byResolution ? f.ResolvedAt : f.ReceivedAt, f.NotAsked, f.Components,
                Counted = kpiCode == DigitizationKpiCodes.ResolvedDigitised ? f.Result && !f.Open && f.Archived
                    : kpiCode == DigitizationKpiCodes.I766ElectronicResults ? f.SignedResult
                    : kpiCode == DigitizationKpiCodes.NoRepeatDocuments ? f.NotAsked >= f.Components
                    : kpiCode == DigitizationKpiCodes.I766DigitisedLinked ? !f.OpenComponent && (f.ComponentStored || f.Reused > 0)
                    : f.Shared,
            })
            .OrderBy(x => x.Counted ? 1 : 0).ThenByDescending(x => x.At).Take(take).ToListAsync(ct);
        return rows.Select(r => new KpiDetailRow(r.Id, r.Code, r.ProcedureName, r.UnitPath, r.At, r.Counted,
            kpiCode == DigitizationKpiCodes.NoRepeatDocuments ? Messages.Text(DigitizationMessages.KpiReused, r.NotAsked, r.Components) : null,
            $"/Counters/Dossiers/Detail?id={r.Id}")).ToList();
    }

    private static DateOnly LocalDay(DateTimeOffset t) => VietnamTime.DayOf(t);
}
