using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits;

public sealed record CreateAgencyRequest(string Code, string Name, string Kind, Guid? UnitId);

internal sealed class CreateAgencyRequestValidator : AbstractValidator<CreateAgencyRequest>
{
    private static readonly string[] Kinds =
        [AgencyKinds.Department, AgencyKinds.Vertical, AgencyKinds.ServiceCenter, AgencyKinds.OneStopDesk, AgencyKinds.Post, AgencyKinds.Office];

    public CreateAgencyRequestValidator()
    {
        RuleFor(r => r.Code).Must(code => !string.IsNullOrWhiteSpace(code) && code.Length <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            .WithErrorCode(UnitsMessages.AgencyCodeInvalid);
        RuleFor(r => r.Name).UnitName(UnitsMessages.AgencyNameRequired);
        RuleFor(r => r.Kind).Must(kind => Kinds.Contains(kind)).WithErrorCode(UnitsMessages.AgencyKindInvalid);
    }
}
