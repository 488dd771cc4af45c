using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits;

public sealed record RenameAgencyRequest(string Name);

internal sealed class RenameAgencyRequestValidator : AbstractValidator<RenameAgencyRequest>
{
    public RenameAgencyRequestValidator() => RuleFor(r => r.Name).UnitName(UnitsMessages.AgencyNameRequired);
}
