using FluentValidation;

namespace OneStop.Platform.People;

public sealed record UpdatePersonRequest(string FullName, string? Position, string? Email, string? Phone);

internal sealed class UpdatePersonRequestValidator : AbstractValidator<UpdatePersonRequest>
{
    public UpdatePersonRequestValidator()
    {
        RuleFor(r => r.FullName).FullName();
        RuleFor(r => r.Position).Position();
        RuleFor(r => r.Email).Email();
        RuleFor(r => r.Phone).Phone();
    }
}
