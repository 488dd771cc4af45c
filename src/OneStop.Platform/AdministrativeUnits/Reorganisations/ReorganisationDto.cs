namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>A change set as applied, for lists and for the answer to an apply.</summary>
public sealed record ReorganisationDto(Guid Id, string Title, string LegalBasis, DateOnly EffectiveOn, string AppliedBy, DateTimeOffset AppliedAt,
    DateTimeOffset? TookEffectAt, string Outcome)
{
    public static ReorganisationDto Of(Reorganisation r) => new(r.Id, r.Title, r.LegalBasis, r.EffectiveOn, r.AppliedBy, r.AppliedAt, r.TookEffectAt, r.Outcome);
}
