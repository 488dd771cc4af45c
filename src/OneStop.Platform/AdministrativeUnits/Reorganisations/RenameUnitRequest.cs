using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Đổi tên đơn vị hành chính: the identity and the data stay, the name changes on the date.</summary>
public sealed record RenameUnitRequest(string? Name, DateOnly? EffectiveOn);

internal sealed class RenameUnitRequestValidator : AbstractValidator<RenameUnitRequest>
{
    public RenameUnitRequestValidator()
    {
        RuleFor(r => r.Name).UnitName(UnitsMessages.NewNameRequired);
        RuleFor(r => r.EffectiveOn).EffectiveOn();
    }
}
