namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// What a change set would do, before anything is applied: problems (then nothing can be applied), units created,
/// renamed, merged, split or dissolved, agencies, people, and what each module hands over.
/// </summary>
public sealed record ReorganisationPreview(
    string Title,
    string LegalBasis,
    DateOnly EffectiveOn,
    string ContentHash,
    bool AlreadyApplied,
    IReadOnlyList<ReorganisationProblem> Problems,
    IReadOnlyList<ReorganisationPreviewLine> Created,
    IReadOnlyList<ReorganisationPreviewLine> Renamed,
    IReadOnlyList<ReorganisationPreviewLine> Merged,
    IReadOnlyList<ReorganisationPreviewLine> Split,
    IReadOnlyList<ReorganisationPreviewLine> Agencies,
    IReadOnlyList<ReorganisationPreviewLine> MembershipsMoved,
    IReadOnlyList<ReorganisationPreviewLine> MembershipsToReassign,
    IReadOnlyList<SuccessionImpact> Impacts)
{
    public bool CanApply => Problems.Count == 0 && !AlreadyApplied;

    public int Retired => Merged.Count + Split.Count;

    public int OpenItems => Impacts.Where(i => i.OpenWork).Sum(i => i.Count);
}
