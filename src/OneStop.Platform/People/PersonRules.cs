using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FluentValidation;

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

    // The rules of a person's fields, shared by the create and update requests and the workbook import's rows.
    public static IRuleBuilderOptions<T, string?> Login<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(login => login is not null && LoginPattern().IsMatch(NormalizeLogin(login))).WithErrorCode(PeopleMessages.LoginInvalid);

    public static IRuleBuilderOptions<T, string?> FullName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= 256).WithErrorCode(PeopleMessages.FullNameRequired);

    public static IRuleBuilderOptions<T, string?> Position<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(256).WithErrorCode(PeopleMessages.PositionTooLong);

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(email => string.IsNullOrWhiteSpace(email) || (email.Trim().Length <= 256 && EmailPattern().IsMatch(email.Trim())))
            .WithErrorCode(PeopleMessages.EmailInvalid);

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(phone => string.IsNullOrWhiteSpace(phone) || PhonePattern().IsMatch(NormalizePhone(phone)!)).WithErrorCode(PeopleMessages.PhoneInvalid);

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
