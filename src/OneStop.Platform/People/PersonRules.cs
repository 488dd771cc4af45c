using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>What a person's record must look like, shared by the form, the API and the workbook import.</summary>
internal static partial class PersonRules
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex LoginPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    // Vietnamese numbers: 0 or +84 followed by 9 digits (mobile) or 10 (landline with area code).
    [GeneratedRegex(@"^(0|\+84)\d{9,10}$")]
    private static partial Regex PhonePattern();

    public static string NormalizeLogin(string? login) => (login ?? "").Trim().ToLowerInvariant();

    public static string? NormalizePhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : new string(phone.Where(c => char.IsDigit(c) || c == '+').ToArray());

    public static IEnumerable<ValidationError> Validate(string? login, string? fullName, string? position, string? email, string? phone)
    {
        if (login is not null && !LoginPattern().IsMatch(NormalizeLogin(login)))
        {
            yield return new("Login", "Tên đăng nhập 3–64 ký tự, chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (ví dụ: motcua.camthuong).");
        }

        if (string.IsNullOrWhiteSpace(fullName) || fullName.Trim().Length > 256)
        {
            yield return new("FullName", "Họ và tên bắt buộc, tối đa 256 ký tự.");
        }

        if (position is { Length: > 256 })
        {
            yield return new("Position", "Chức danh tối đa 256 ký tự.");
        }

        if (!string.IsNullOrWhiteSpace(email) && (email.Trim().Length > 256 || !EmailPattern().IsMatch(email.Trim())))
        {
            yield return new("Email", $"Địa chỉ thư điện tử \"{email.Trim()}\" không hợp lệ.");
        }

        if (!string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(NormalizePhone(phone)!))
        {
            yield return new("Phone", $"Số điện thoại \"{phone.Trim()}\" không hợp lệ (10–11 chữ số, bắt đầu bằng 0 hoặc +84).");
        }
    }

    // No look-alikes (0/O, 1/l/I): the password is read aloud or copied from paper.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789@#%+=?";

    /// <summary>A one-time password of 12 characters (about 70 bits) with every character class, so it passes any policy.</summary>
    public static string GenerateOneTimePassword()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(Alphabet, 12);
            if (candidate.Any(char.IsDigit) && candidate.Any(char.IsLower) && candidate.Any(char.IsUpper) && candidate.Any(c => !char.IsLetterOrDigit(c)))
            {
                return candidate;
            }
        }
    }
}
