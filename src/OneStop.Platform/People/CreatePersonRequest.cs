using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>A new account with its first membership; the answer carries a one-time password.</summary>
public sealed record CreatePersonRequest(string Login, string FullName, string? Position, string? Email, string? Phone, MembershipRequest? Membership)
    : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        foreach (var error in PersonRules.Validate(Login, FullName, Position, Email, Phone))
        {
            yield return error;
        }

        if (Membership is null)
        {
            yield return new(nameof(Membership), "Chưa chọn đơn vị và vai trò của người dùng.");
            yield break;
        }

        foreach (var error in Membership.Validate(nameof(Membership) + "."))
        {
            yield return error;
        }
    }
}
