namespace OneStop.Platform.Domain;

/// <summary>Base of every entity: a time-ordered GUID key generated in the application (no round trip to get it).</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = SequentialGuid.NewGuid();
}

/// <summary>A row owned by an administrative unit; filtered by the "Scope" query filter.</summary>
public interface IUnitScoped
{
    Guid UnitId { get; set; }
    string UnitPath { get; set; }
}

/// <summary>
/// A unit-scoped row that a second unit also sees and may change: a dossier received at one desk and resolved by a
/// competent unit elsewhere (tiếp nhận không phụ thuộc địa giới hành chính). The "Scope" filter matches either path.
/// </summary>
public interface ISharedWithUnit : IUnitScoped
{
    string SharedUnitPath { get; }
}

/// <summary>Rows that are never physically deleted; filtered by the "SoftDelete" query filter.</summary>
public interface ISoftDelete
{
    bool IsDeleted { get; set; }
}

/// <summary>Creation and modification stamps, set when saving.</summary>
public interface IHasAuditStamps
{
    DateTimeOffset CreatedAt { get; set; }
    string CreatedBy { get; set; }
    DateTimeOffset? ModifiedAt { get; set; }
    string? ModifiedBy { get; set; }
}

/// <summary>Convenience base for a unit-owned, soft-deletable, stamped entity.</summary>
public abstract class ScopedEntity : Entity, IUnitScoped, ISoftDelete, IHasAuditStamps
{
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public bool IsDeleted { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
}

/// <summary>Properties that must never be copied into the audit trail (secrets, hashes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoreAttribute : Attribute;

/// <summary>Entities whose changes are not audited (the audit trail itself, message queues, token stores).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
