using FluentValidation;

namespace OneStop.Counters.Features.Catalogue.LocationIndependence;

/// <summary>
/// A location-independent decision as entered from the signed paper: its number, date, signer, summary, when it takes
/// effect (and, once replaced, when it stops), the procedures it lists and where they apply.
/// </summary>
internal sealed record SaveDecisionRequest(
    string Number,
    DateOnly SignedOn,
    string Signer,
    string Title,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    bool WholeProvince,
    IReadOnlyList<Guid>? UnitIds,
    IReadOnlyList<string>? ProcedureCodes);

internal sealed class SaveDecisionRequestValidator : AbstractValidator<SaveDecisionRequest>
{
    public const int MaxProcedures = 10_000;

    public SaveDecisionRequestValidator()
    {
        RuleFor(r => r.Number).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 64 && n.Contains('/'))
            .WithErrorCode(CountersMessages.DecisionNumberInvalid);
        RuleFor(r => r.Signer).Must(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 256).WithErrorCode(CountersMessages.DecisionSignerRequired);
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 2000).WithErrorCode(CountersMessages.DecisionTitleRequired);
        RuleFor(r => r.SignedOn).Must(d => d.Year is >= 2000 and <= 2100).WithErrorCode(CountersMessages.DecisionSignedOnInvalid);
        RuleFor(r => r.EffectiveFrom).Must((r, d) => d >= r.SignedOn && d.Year <= 2100).WithErrorCode(CountersMessages.DecisionEffectiveFromInvalid);
        RuleFor(r => r.EffectiveTo).Must((r, d) => d is null || d > r.EffectiveFrom).WithErrorCode(CountersMessages.DecisionEffectiveToInvalid);
        RuleFor(r => r.ProcedureCodes).Must(c => c is { Count: > 0 and <= MaxProcedures } && c.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 32))
            .WithErrorCode(CountersMessages.DecisionProceduresRequired);
        RuleFor(r => r.UnitIds).Must((r, u) => r.WholeProvince || u is { Count: > 0 and <= 1000 }).WithErrorCode(CountersMessages.DecisionUnitsRequired);
    }
}
