using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>Bỏ đánh dấu: the designation no longer holds from <see cref="From"/> (a day on or before its start removes it).</summary>
public sealed record UnmarkUnitRequest(DateOnly From);

internal sealed class UnmarkUnitRequestValidator : AbstractValidator<UnmarkUnitRequest>
{
    public UnmarkUnitRequestValidator() =>
        RuleFor(r => r.From).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithErrorCode(UnitsMessages.DesignationFromInvalid);
}
