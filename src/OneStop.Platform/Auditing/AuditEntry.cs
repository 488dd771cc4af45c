namespace OneStop.Platform.Auditing;

/// <summary>What an audited write records (nhật ký): who, for which unit, when, what before and after; pending or sealed.</summary>
public abstract class AuditEntry
{
    public DateTimeOffset Time { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public Guid? UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}
