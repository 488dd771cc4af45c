using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Localization;
using OneStop.Platform.Web;

namespace OneStop.Platform.Auditing;

/// <summary>
/// Walks a module's audit chain from the start; any edited, removed or re-ordered sealed record is reported. What is
/// committed but still pending is sealed first, so the walk covers every write committed before it (ADR 0047).
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditChainVerification> VerifyAsync(DbContext context, CancellationToken ct = default)
    {
        await AuditSealer.SealAsync(context, wait: true, ct);
        var previousHash = AuditRecord.GenesisHash;
        long expectedId = 1, count = 0;
        await foreach (var record in context.Set<AuditRecord>().AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (record.Id != expectedId)
            {
                return new(false, count, record.Id, Messages.Text(PlatformMessages.AuditRecordMissing, expectedId));
            }

            if (record.PreviousHash != previousHash)
            {
                return new(false, count, record.Id, Messages.Text(PlatformMessages.AuditLinkBroken));
            }

            if (record.ComputeHash() != record.Hash)
            {
                return new(false, count, record.Id, Messages.Text(PlatformMessages.AuditContentChanged));
            }

            previousHash = record.Hash;
            expectedId++;
        }

        return new(true, count, null, null);
    }
}
