using FluentValidation;

namespace OneStop.Platform.People;

/// <summary>A new account with its first membership; the answer carries a one-time password.</summary>
public sealed record CreatePersonRequest(string Login, string FullName, string? Position, string? Email, string? Phone, MembershipRequest? Membership);

internal sealed class CreatePersonRequestValidator : AbstractValidator<CreatePersonRequest>
{
    public CreatePersonRequestValidator()
    {
        RuleFor(r => r.Login).Login();
        RuleFor(r => r.FullName).FullName();
        RuleFor(r => r.Position).Position();
        RuleFor(r => r.Email).Email();
        RuleFor(r => r.Phone).Phone();
        RuleFor(r => r.Membership).NotNull().WithErrorCode(PeopleMessages.MembershipRequired)
            .SetValidator(new MembershipRequestValidator()!);
    }
}
