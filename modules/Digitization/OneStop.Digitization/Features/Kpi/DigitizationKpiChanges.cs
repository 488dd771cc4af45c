using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Persistence;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// What both digitisation calculators report as changed for an incremental run. Scoped like them, so the scan of the
/// dossiers and documents runs once a run for both (their watermarks are written together), not once per calculator.
/// </summary>
internal sealed class DigitizationKpiChanges(DigitizationDbContext db)
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    private readonly Dictionary<DateTimeOffset, HashSet<DateOnly>> _known = [];

    /// <summary>
    /// Reception and resolution days of the dossiers written since (their record, a document or a scan item of theirs), and
    /// signature days of documents signed since.
    /// </summary>
    /// <returns>A set of the caller's own, to add to.</returns>
    public async Task<HashSet<DateOnly>> DossierDaysAsync(DateTimeOffset since, CancellationToken ct)
    {
        if (!_known.TryGetValue(since, out var days))
        {
            _known[since] = days = await ScanAsync(since, ct);
        }

        return [.. days];
    }

    private async Task<HashSet<DateOnly>> ScanAsync(DateTimeOffset since, CancellationToken ct)
    {
        // "Written since" as the last write's time (a row is modified only after it was created), which one expression
        // index per table answers (migration KpiChangeIndexes); an OR of the two columns read every row.
        var dossiers = db.Dossiers.IgnoreQueryFilters(Scope).AsNoTracking();
        var documents = db.Documents.IgnoreQueryFilters(Scope).AsNoTracking().Where(x => (x.ModifiedAt ?? x.CreatedAt) >= since);
        var items = db.ScanQueue.IgnoreQueryFilters(Scope).AsNoTracking().Where(q => (q.ModifiedAt ?? q.CreatedAt) >= since);
        var touched = documents.Where(x => x.DossierId != null).Select(x => x.DossierId!.Value).Union(items.Select(q => q.DossierId));
        var times = await dossiers.Where(d => (d.ModifiedAt ?? d.CreatedAt) >= since)
            .Select(d => new { d.ReceivedAt, d.ResolvedAt })
            .Union(dossiers.Where(d => touched.Contains(d.Id)).Select(d => new { d.ReceivedAt, d.ResolvedAt }))
            .ToListAsync(ct);
        var signed = await documents.Where(x => x.SignedAt != null).Select(x => x.SignedAt).Distinct().ToListAsync(ct);
        return times.SelectMany(t => new[] { t.ReceivedAt, t.ResolvedAt }).Concat(signed).OfType<DateTimeOffset>().Select(VietnamTime.DayOf).ToHashSet();
    }
}
