using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>Successor link for a merge, split or dissolution (sáp nhập, chia tách, giải thể).</summary>
public sealed class UnitSuccession : Entity
{
    private UnitSuccession() { }

    public UnitSuccession(Guid predecessorId, Guid successorId, DateOnly effectiveOn, string reason, bool isPrimary = true, Guid? changeSetId = null)
    {
        PredecessorId = predecessorId;
        SuccessorId = successorId;
        EffectiveOn = effectiveOn;
        Reason = reason;
        IsPrimary = isPrimary;
        ChangeSetId = changeSetId;
    }

    public Guid PredecessorId { get; private set; }
    public Guid SuccessorId { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; } = "";
    /// <summary>The successor that keeps the archive and takes what no rule sends elsewhere (one per predecessor).</summary>
    public bool IsPrimary { get; private set; } = true;
    public Guid? ChangeSetId { get; private set; }

    public UnitSuccessionInfo ToInfo() => new(PredecessorId, SuccessorId, EffectiveOn, IsPrimary);
}
