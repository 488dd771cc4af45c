using System.Security.Cryptography;
using System.Text;
using OneStop.Platform.Domain;

namespace OneStop.Platform.Auditing;

/// <summary>
/// One audited write (nhật ký): who, for which unit, when, what before and after. Append-only; each record's
/// <see cref="Hash"/> covers its content and the previous record's hash, so editing or deleting any record
/// breaks the chain from there on. One chain per module schema.
/// </summary>
[NotAudited]
public sealed class AuditRecord : AuditEntry
{
    public long Id { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>The chain's record for <paramref name="entry"/> at <paramref name="id"/>, hashed over <paramref name="previousHash"/>.</summary>
    public static AuditRecord Seal(AuditEntry entry, long id, string previousHash)
    {
        var record = new AuditRecord
        {
            Id = id, Time = entry.Time, ActorId = entry.ActorId, ActorName = entry.ActorName, UnitId = entry.UnitId, UnitPath = entry.UnitPath,
            EntityType = entry.EntityType, EntityId = entry.EntityId, Action = entry.Action, Before = entry.Before, After = entry.After,
            PreviousHash = previousHash,
        };
        record.Hash = record.ComputeHash();
        return record;
    }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        // Fields joined with a separator that cannot occur unescaped in the JSON snapshots' framing: lengths prefix each field.
        var sb = new StringBuilder();
        foreach (var field in new[]
                 {
                     PreviousHash, Time.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     ActorId?.ToString() ?? "", ActorName, UnitId?.ToString() ?? "", UnitPath, EntityType, EntityId,
                     Action, Before ?? "", After ?? "",
                 })
        {
            sb.Append(field.Length).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}

/// <summary>Result of walking a chain: intact, or the first record whose hash does not hold.</summary>
public sealed record AuditChainVerification(bool IsIntact, long RecordsChecked, long? FirstBrokenRecordId, string? Reason);
