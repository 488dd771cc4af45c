using OneStop.Platform.Domain;

namespace OneStop.Platform.Auditing;

/// <summary>
/// An audited write not yet sealed into its schema's chain (ADR 0047): inserted in the write's own transaction, without
/// a lock or a read of the chain's end, and moved into <see cref="AuditRecord"/> in order by <see cref="AuditSealer"/>.
/// </summary>
[NotAudited]
public sealed class PendingAuditRecord : AuditEntry
{
    /// <summary>Assigned by the database; orders the records a sealing round takes (the chain's own ids are the sealer's).</summary>
    public long Seq { get; set; }
}
