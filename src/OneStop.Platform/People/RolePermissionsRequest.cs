using FluentValidation;

namespace OneStop.Platform.People;

/// <summary>The whole set of permissions a role holds from now on.</summary>
public sealed record RolePermissionsRequest(IReadOnlyList<string?>? Permissions);

internal sealed class RolePermissionsRequestValidator : AbstractValidator<RolePermissionsRequest>
{
    public RolePermissionsRequestValidator() =>
        RuleFor(r => r.Permissions).Must(p => p is not null && !p.Any(string.IsNullOrWhiteSpace)).WithErrorCode(PeopleMessages.PermissionsRequired);
}
