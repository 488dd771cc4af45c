using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>The whole set of permissions a role holds from now on.</summary>
public sealed record RolePermissionsRequest(IReadOnlyList<string?>? Permissions) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (Permissions is null || Permissions.Any(string.IsNullOrWhiteSpace))
        {
            yield return new(nameof(Permissions), "Danh sách quyền bắt buộc và không có phần tử trống.");
        }
    }
}
