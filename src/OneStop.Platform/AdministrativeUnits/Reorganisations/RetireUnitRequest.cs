using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Sáp nhập (one successor), chia tách (several; the first is primary and keeps the archive) or giải thể of a unit on
/// a date. Successors are units valid on that date.
/// </summary>
public sealed record RetireUnitRequest(IReadOnlyList<Guid>? SuccessorIds, DateOnly? EffectiveOn, string? Note);

internal sealed class RetireUnitRequestValidator : AbstractValidator<RetireUnitRequest>
{
    public RetireUnitRequestValidator()
    {
        RuleFor(r => r.SuccessorIds).Must(ids => ids is { Count: > 0 and <= 20 }).WithErrorCode(UnitsMessages.SuccessorsRequired)
            .DependentRules(() => RuleFor(r => r.SuccessorIds).Must(ids => ids!.Distinct().Count() == ids!.Count).WithErrorCode(UnitsMessages.SuccessorRepeated));
        RuleFor(r => r.EffectiveOn).EffectiveOn();
        RuleFor(r => r.Note).MaximumLength(128).WithErrorCode(UnitsMessages.NoteTooLong);
    }
}
