using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>A custom role; its permissions are set on the matrix afterwards.</summary>
public sealed record CreateRoleRequest(string Name, string DisplayNameVi, string? DisplayNameEn, int Rank) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            yield return new(nameof(Name), "Mã vai trò bắt buộc, tối đa 64 ký tự, gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.");
        }

        if (string.IsNullOrWhiteSpace(DisplayNameVi) || DisplayNameVi.Length > 128)
        {
            yield return new(nameof(DisplayNameVi), "Tên vai trò bắt buộc, tối đa 128 ký tự.");
        }

        if (DisplayNameEn is { Length: > 128 })
        {
            yield return new(nameof(DisplayNameEn), "Tên tiếng Anh tối đa 128 ký tự.");
        }

        if (Rank is < 1 or > 99)
        {
            yield return new(nameof(Rank), "Cấp của vai trò phải từ 1 đến 99 (100 dành cho quản trị hệ thống).");
        }
    }
}
