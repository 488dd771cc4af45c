using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Auditing;

/// <summary>
/// Seals the pending records of one schema into its hash chain (ADR 0047): one sealer at a time per schema (an advisory
/// lock on PostgreSQL; SQLite's immediate transaction serialises writers anyway) reads the chain's end once, gives the
/// committed pending records the next ids in their order, hashes each over the one before, and removes them from the
/// pending table in the same transaction. A record another transaction has not committed yet is not visible, so it is
/// sealed by a later round: the chain's order is the order of sealing.
/// </summary>
public static class AuditSealer
{
    public const int BatchSize = 1000;

    /// <summary>
    /// Seals what is pending now. With <paramref name="wait"/> false (the background rounds) a round another instance is
    /// running is left to it; with true (verification, reading a trail) it waits for that round and then seals the rest.
    /// </summary>
    /// <returns>How many records were sealed.</returns>
    public static async Task<int> SealAsync(DbContext db, bool wait, CancellationToken ct = default)
    {
        var sealedCount = 0;
        while (true)
        {
            var batch = await SealBatchAsync(db, wait, ct);
            sealedCount += batch;
            if (batch < BatchSize)
            {
                return sealedCount;
            }
        }
    }

    private static async Task<int> SealBatchAsync(DbContext db, bool wait, CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            // Sealing saves the context: it must not carry a caller's unsaved changes along.
            throw new InvalidOperationException("Seal the audit trail with a context that has no unsaved changes.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var schema = db.Model.FindEntityType(typeof(AuditRecord))!.GetSchema() ?? "public";
            var key = "audit:" + schema;
            if (wait)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext({0}))", [key], ct);
            }
            else if (!(await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock(hashtext({0})) AS \"Value\"", key).ToListAsync(ct)).Single())
            {
                return 0;
            }
        }

        var pending = await db.Set<PendingAuditRecord>().AsNoTracking().OrderBy(p => p.Seq).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var last = await db.Set<AuditRecord>().AsNoTracking()
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        var id = last?.Id ?? 0;
        var records = new List<AuditRecord>(pending.Count);
        var previousHash = last?.Hash ?? AuditRecord.GenesisHash;
        foreach (var p in pending)
        {
            var record = AuditRecord.Seal(p, ++id, previousHash);
            previousHash = record.Hash;
            records.Add(record);
        }

        var taken = pending.Select(p => p.Seq).ToList();
        await db.Set<PendingAuditRecord>().Where(p => taken.Contains(p.Seq)).ExecuteDeleteAsync(ct);
        db.AddRange(records);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var record in records)
        {
            db.Entry(record).State = EntityState.Detached;
        }

        return pending.Count;
    }
}
