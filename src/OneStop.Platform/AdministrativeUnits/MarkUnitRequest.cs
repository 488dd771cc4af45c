using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>Đánh dấu: designate a unit (e.g. a commune as especially difficult) from a day, until a day or open-ended.</summary>
public sealed record MarkUnitRequest(Guid UnitId, string Kind, DateOnly ValidFrom, DateOnly? ValidTo, string LegalBasis);

internal sealed class MarkUnitRequestValidator : AbstractValidator<MarkUnitRequest>
{
    public MarkUnitRequestValidator()
    {
        RuleFor(r => r.UnitId).NotEmpty().WithErrorCode(UnitsMessages.DesignationUnitRequired);
        RuleFor(r => r.Kind).Must(k => UnitDesignationKinds.All.Contains(k)).WithErrorCode(UnitsMessages.DesignationKindInvalid);
        RuleFor(r => r.ValidFrom).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithErrorCode(UnitsMessages.DesignationFromInvalid);
        RuleFor(r => r.ValidTo).Must((r, to) => to is null || to > r.ValidFrom).WithErrorCode(UnitsMessages.DesignationToBeforeFrom);
        RuleFor(r => r.LegalBasis).Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 512).WithErrorCode(UnitsMessages.DesignationLegalBasisRequired);
    }
}
