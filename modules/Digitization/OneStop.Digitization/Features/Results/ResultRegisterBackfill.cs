using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Persistence;

namespace OneStop.Digitization.Features.Results;

/// <summary>
/// Lập sổ kết quả từ hồ sơ đã giải quyết: writes the register line of every dossier resolved before the register existed
/// (or whose resolution event was lost), from the module's copy of the dossier — issued by the resolving unit on the
/// resolution day, digitised if its result's copy is already stored — so the plan's stock of valid results counts them
/// (ADR 0030). Idempotent (a dossier has one line), in batches; a nightly job and once after each deployment.
/// </summary>
internal sealed class ResultRegisterBackfill(DigitizationDbContext db, IAdministrativeUnitDirectory units, ILogger<ResultRegisterBackfill> log)
{
    public const string JobId = "digitization-results-backfill";
    private const int BatchSize = 500;
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    /// <summary>Writes the missing lines; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var written = 0;
        var unitCache = new Dictionary<Guid, AdministrativeUnitInfo?>();
        while (true)
        {
            var batch = await db.Dossiers.IgnoreQueryFilters(Scope)
                .Where(d => !d.IsDeleted && d.ResolvedAt != null && (d.Status == DossierStatuses.Resolved || d.Status == DossierStatuses.Returned)
                    && !db.Results.IgnoreQueryFilters(Scope).Any(r => r.DossierId == d.Id))
                .OrderBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(d => (Guid?)d.Id).ToList();
            var copies = (await db.Documents.IgnoreQueryFilters(Scope).Where(x => ids.Contains(x.DossierId) && x.Kind == DocumentKinds.Result && !x.IsDeleted).ToListAsync(ct))
                .GroupBy(x => x.DossierId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(x => x.CreatedAt).First());
            foreach (var record in batch)
            {
                var unitId = ResultRegister.IssuingUnitId(record);
                if (!unitCache.TryGetValue(unitId, out var unit))
                {
                    unitCache[unitId] = unit = await units.FindAsync(unitId, ct);
                }

                db.Results.Add(ResultRegister.LineOf(record, unit, copies.GetValueOrDefault(record.Id)));
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += batch.Count;
        }

        if (written > 0)
        {
            log.LogInformation("Results register: {Count} lines written for dossiers resolved before the register", written);
        }

        return written;
    }
}
