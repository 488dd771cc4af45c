using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// A change set applied (phương án sắp xếp đã áp dụng): what it was, who applied it when, and whether its date has come.
/// Its units and agencies exist from the moment it is applied (with their dates); what moves between units (data,
/// people, open dossiers) moves when it takes effect, at once or on its date.
/// </summary>
public sealed class Reorganisation : Entity
{
    private Reorganisation() { }

    public Reorganisation(ReorganisationPlan plan, string planJson, string choicesJson, string appliedBy, DateTimeOffset appliedAt)
    {
        Title = plan.Title;
        LegalBasis = plan.LegalBasis;
        EffectiveOn = plan.EffectiveOn;
        ContentHash = plan.ContentHash();
        PlanJson = planJson;
        ChoicesJson = choicesJson;
        AppliedBy = appliedBy;
        AppliedAt = appliedAt;
    }

    public string Title { get; private set; } = "";
    public string LegalBasis { get; private set; } = "";
    public DateOnly EffectiveOn { get; private set; }
    public string ContentHash { get; private set; } = "";
    public string PlanJson { get; private set; } = "";
    /// <summary>Dossier id → successor code chosen in the preview (JSON object).</summary>
    public string ChoicesJson { get; private set; } = "{}";
    public string AppliedBy { get; private set; } = "";
    public DateTimeOffset AppliedAt { get; private set; }
    public DateTimeOffset? TookEffectAt { get; private set; }
    /// <summary>What moved when it took effect, one line per kind (audited with the change set).</summary>
    public string Outcome { get; private set; } = "";

    public void TookEffect(DateTimeOffset at, string outcome)
    {
        TookEffectAt = at;
        Outcome = outcome;
    }
}
