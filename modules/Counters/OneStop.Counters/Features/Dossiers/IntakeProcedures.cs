using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Persistence;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// The procedure an intake is for, with everything intake and reception read of it (components, legal times, fees,
/// steps, versions with theirs). Seven split queries per intake before ADR 0060; now one row (the catalogue's change
/// version) while the catalogue is unchanged.
/// </summary>
internal sealed class IntakeProcedures(CountersDbContext db, IntakeProcedureCache cache)
{
    /// <summary>The name of the catalogue's change version (migration <c>CatalogueVersion</c>).</summary>
    public const string VersionName = "catalogue";

    public async Task<Procedure?> FindAsync(string code, CancellationToken ct)
    {
        // The version first, then the rows: a procedure read after it is at least as new as it says.
        if (await ChangeVersions.ReadAsync(db.Database, CountersDbContext.SchemaName, VersionName, ct) is not { } version)
        {
            return await ReadAsync(code, ct); // embedded SQLite: no version kept, read per intake
        }

        var procedures = cache.At(version);
        if (procedures.TryGetValue(code, out var known))
        {
            return known;
        }

        var procedure = await ReadAsync(code, ct);
        if (procedure is not null && procedures.Count < IntakeProcedureCache.MaxProcedures)
        {
            procedures.TryAdd(code, procedure);
        }

        return procedure;
    }

    private Task<Procedure?> ReadAsync(string code, CancellationToken ct) =>
        db.Procedures.AsNoTracking().Include(p => p.Components).Include(p => p.LegalTimes).Include(p => p.Fees).Include(p => p.Steps)
            .Include(p => p.Versions).ThenInclude(v => v.Components).Include(p => p.Versions).ThenInclude(v => v.Fees).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Code == code, ct);
}
