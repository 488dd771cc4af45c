using FluentValidation;

namespace OneStop.Platform.People;

/// <summary>A custom role; its permissions are set on the matrix afterwards.</summary>
public sealed record CreateRoleRequest(string Name, string DisplayNameVi, string? DisplayNameEn, int Rank);

internal sealed class CreateRoleRequestValidator : AbstractValidator<CreateRoleRequest>
{
    public CreateRoleRequestValidator()
    {
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            .WithErrorCode(PeopleMessages.RoleNameInvalid);
        RuleFor(r => r.DisplayNameVi).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 128).WithErrorCode(PeopleMessages.RoleDisplayNameRequired);
        RuleFor(r => r.DisplayNameEn).MaximumLength(128).WithErrorCode(PeopleMessages.RoleEnglishNameTooLong);
        // 100 belongs to the system administrator.
        RuleFor(r => r.Rank).InclusiveBetween(1, 99).WithErrorCode(PeopleMessages.RoleRankOutOfRange);
    }
}
