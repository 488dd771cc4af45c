using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Hợp nhất (into a successor agency) or giải thể (no successor) of an agency on a date.</summary>
public sealed record RetireAgencyRequest(Guid? SuccessorId, DateOnly? EffectiveOn);

internal sealed class RetireAgencyRequestValidator : AbstractValidator<RetireAgencyRequest>
{
    public RetireAgencyRequestValidator() => RuleFor(r => r.EffectiveOn).EffectiveOn();
}
