using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>Read-only view for other modules; the scope filter of the caller applies.</summary>
internal sealed class CountersApi(CountersDbContext db, TimeProvider time) : ICountersApi
{
    public async Task<DossierSnapshot?> FindDossierAsync(Guid id, CancellationToken ct = default) =>
        (await db.Dossiers.AsNoTracking().Include(d => d.Components).FirstOrDefaultAsync(d => d.Id == id, ct))?.ToSnapshot(time.GetUtcNow());

    public async Task<DossierSnapshot?> FindDossierByCodeAsync(string code, CancellationToken ct = default) =>
        (await db.Dossiers.AsNoTracking().Include(d => d.Components).FirstOrDefaultAsync(d => d.Code == code, ct))?.ToSnapshot(time.GetUtcNow());

    public async Task<IReadOnlyList<DossierSnapshot>> ListDossiersAsync(Guid? after, int take, CancellationToken ct = default)
    {
        var query = db.Dossiers.AsNoTracking().Include(d => d.Components).AsSplitQuery();
        if (after is { } last)
        {
            query = query.Where(d => d.Id.CompareTo(last) > 0);
        }

        var now = time.GetUtcNow();
        return (await query.OrderBy(d => d.Id).Take(Math.Clamp(take, 1, 5000)).ToListAsync(ct)).Select(d => d.ToSnapshot(now)).ToList();
    }

    public async Task<ProcedureInfo?> FindProcedureAsync(string code, CancellationToken ct = default)
    {
        var p = await db.Procedures.AsNoTracking().Include(x => x.Components).Include(x => x.Versions).ThenInclude(v => v.Components).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Code == code, ct);
        if (p is null)
        {
            return null;
        }

        var today = OneStop.Platform.Domain.VietnamTime.Today(time);
        var listed = await Features.Catalogue.LocationIndependence.LocationIndependence.ListedAsync(db, p.Code, today, ct);
        // The components of the version valid today (ADR 0028).
        return new ProcedureInfo(p.Code, p.Name, p.Field, p.Levels.ToList(), p.FullyOnline, p.PostalAllowed, listed,
            p.ComponentsOn(today).Select(c => new ProcedureComponentInfo(c.Name, c.DocumentTypeCode, c.Required)).ToList());
    }

    public async Task<ApplicantContact?> ApplicantContactAsync(Guid dossierId, CancellationToken ct = default) =>
        await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId)
            .Select(d => new ApplicantContact(d.ApplicantPhone, d.ApplicantEmail)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<string>> ProcedureFieldsAsync(CancellationToken ct = default) =>
        await db.Procedures.AsNoTracking().Select(p => p.Field).Where(f => f != "").Distinct().OrderBy(f => f).ToListAsync(ct);
}
