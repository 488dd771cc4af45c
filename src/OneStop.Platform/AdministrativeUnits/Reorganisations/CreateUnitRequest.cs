using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Thành lập đơn vị hành chính: a new unit under a parent valid on the date, with its reception desk.</summary>
public sealed record CreateUnitRequest(string? Code, string? Name, string? Level, Guid? ParentId, DateOnly? EffectiveOn, string? DeskName);

internal sealed class CreateUnitRequestValidator : AbstractValidator<CreateUnitRequest>
{
    public CreateUnitRequestValidator()
    {
        RuleFor(r => r.Code).Must(code => !string.IsNullOrWhiteSpace(code) && code.Length <= 16 && code.All(char.IsAsciiDigit))
            .WithErrorCode(UnitsMessages.UnitCodeInvalid);
        RuleFor(r => r.Name).UnitName(UnitsMessages.UnitNameRequired);
        RuleFor(r => r.Level).Must(level => level is UnitLevels.Province or UnitLevels.District or UnitLevels.Commune)
            .WithErrorCode(UnitsMessages.LevelInvalid);
        RuleFor(r => r.ParentId).NotNull().WithErrorCode(UnitsMessages.ParentRequired).When(r => r.Level != UnitLevels.Province);
        RuleFor(r => r.EffectiveOn).EffectiveOn();
        RuleFor(r => r.DeskName).MaximumLength(256).WithErrorCode(UnitsMessages.DeskNameTooLong);
    }
}
