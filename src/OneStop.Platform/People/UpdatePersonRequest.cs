using OneStop.Platform.Web;

namespace OneStop.Platform.People;

public sealed record UpdatePersonRequest(string FullName, string? Position, string? Email, string? Phone) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate() => PersonRules.Validate(null, FullName, Position, Email, Phone);
}
