using FluentValidation;

namespace OneStop.Platform.People;

/// <summary>Grants a person roles in a unit (and optionally one agency of it) for a period.</summary>
public sealed record MembershipRequest(Guid UnitId, string? AgencyCode, IReadOnlyList<string?>? Roles, DateOnly? ValidFrom, DateOnly? ValidTo);

internal sealed class MembershipRequestValidator : AbstractValidator<MembershipRequest>
{
    public MembershipRequestValidator()
    {
        RuleFor(m => m.UnitId).NotEmpty().WithErrorCode(PeopleMessages.UnitRequired);
        RuleFor(m => m.Roles).Must(roles => roles is { Count: > 0 } && !roles.Any(string.IsNullOrWhiteSpace)).WithErrorCode(PeopleMessages.RolesRequired);
        RuleFor(m => m.ValidTo).Must((m, to) => m.ValidFrom is not { } from || to is not { } end || end >= from).WithErrorCode(PeopleMessages.ValidToBeforeValidFrom);
        RuleFor(m => m.ValidFrom).Must((m, from) => InRange(from) && InRange(m.ValidTo)).WithErrorCode(PeopleMessages.ValidityOutOfRange);
        RuleFor(m => m.AgencyCode).MaximumLength(32).WithErrorCode(PeopleMessages.AgencyCodeTooLong);
    }

    private static bool InRange(DateOnly? date) => date is not { Year: < 2000 or > 2100 };
}
