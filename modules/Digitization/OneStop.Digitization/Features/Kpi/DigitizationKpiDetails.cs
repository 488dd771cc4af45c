using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.Localization;
using OneStop.Platform.Persistence;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// The rows behind each digitisation KPI (drill-down), for both of the module's calculators — the flows counted by day
/// (<see cref="DigitizationKpiCalculator"/>) and the stocks counted per period (<see cref="DigitizationStockKpiCalculator"/>) —
/// and the queries they share.
/// </summary>
internal sealed class DigitizationKpiDetails(DigitizationDbContext db, PlatformDbContext platform)
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    private static readonly string[] ByResolution = [DigitizationKpiCodes.ResolvedDigitised, DigitizationKpiCodes.I766ElectronicResults];

    public async Task<IReadOnlyList<KpiDetailRow>> ForAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
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
            var communes = await CommunesAsync(platform, period, unitPath, ct);
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
            var lines = await ValidResults(db, period.End.AddDays(-1)).Where(r => r.UnitPath == unitPath)
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

    /// <summary>The register's results valid on <paramref name="day"/>: issued on or before it and not expired before it.</summary>
    public static IQueryable<IssuedResult> ValidResults(DigitizationDbContext db, DateOnly day) =>
        db.Results.IgnoreQueryFilters(Scope).AsNoTracking().Where(r => !r.IsDeleted).Where(IssuedResult.ValidOn(day));

    /// <summary>The communes in existence on some day of the period (under a unit path, or all).</summary>
    public static async Task<List<(Guid Id, string Path, string Name)>> CommunesAsync(PlatformDbContext platform, KpiPeriod period, string? under, CancellationToken ct)
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
}
