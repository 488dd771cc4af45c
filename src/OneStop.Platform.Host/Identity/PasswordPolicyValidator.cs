using Microsoft.AspNetCore.Identity;
using OneStop.Platform.Identity;
using OneStop.Platform.Host.Localization;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Identity;

/// <summary>
/// NIST SP 800-63B instead of composition rules: long enough (Identity's length rule), not the login, and not one of
/// the well-known weak passwords shipped with the product (<c>SeedData/common-passwords.txt</c>, case-insensitive).
/// </summary>
internal sealed class PasswordPolicyValidator : IPasswordValidator<PlatformUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        // Very short logins would forbid half the dictionary; real logins here are like "motcua.camthuong".
        if (user.UserName is { Length: >= 3 } login && password.Contains(login, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = Messages.Text(HostMessages.PasswordContainsUserName) });
        }

        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = Messages.Text(HostMessages.PasswordTooCommon) });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        var assembly = typeof(PlatformUser).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry && !entry.StartsWith('#'))
            {
                set.Add(entry);
            }
        }

        return set;
    }
}
