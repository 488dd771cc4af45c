using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Features.PlanEditing;

namespace OneStop.PlanTasks.Pages;

/// <summary>The plan form's fields (both the new-plan form and the plan's edit form).</summary>
internal sealed class PlanInput
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Issuer { get; set; } = "UBND thành phố Hải Phòng";
    public DateOnly? IssuedOn { get; set; }
    public string? Signer { get; set; }
    public int StartYear { get; set; } = 2026;
    public int EndYear { get; set; } = 2030;
    public string? Status { get; set; } = PlanStatuses.Draft;
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    public PlanRequest ToRequest() => new(Number, Title, Issuer, IssuedOn, Signer, StartYear, EndYear, Status, EffectiveFrom, EffectiveTo);
}
