using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Platform.Identity;

namespace OneStop.Platform.Host.Pages.Account;

/// <summary>
/// Enrols an authenticator app (TOTP, RFC 6238, Identity's authenticator token provider): shows the shared key and
/// the otpauth URI, checks one code from the app, then shows 10 recovery codes, once.
/// </summary>
/// <remarks>
/// Once enabled, the key is not shown again (a borrowed session must not copy the authenticator): a new authenticator
/// starts with a new key, after the current password, and two-factor sign-in stays off until it is confirmed.
/// </remarks>
public sealed class EnableAuthenticatorModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IStringLocalizer<ShellService> T) : PageModel
{
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        AlreadyEnabled = user.TwoFactorEnabled;
        if (!AlreadyEnabled)
        {
            await LoadKeyAsync(user);
        }

        return Page();
    }

    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    /// <summary>A new phone: a new key replaces the old one, which stops working at once.</summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.CheckPasswordAsync(user, CurrentPassword))
        {
            AlreadyEnabled = user.TwoFactorEnabled;
            ModelState.AddModelError(string.Empty, T["Authenticator.WrongPassword"]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(string.Empty, T["Authenticator.WrongCode"]);
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // New security stamp and no more "must enrol" claim in this session's cookie.
        await signIn.RefreshSignInAsync(user);
        AlreadyEnabled = true;
        return Page();
    }

    private async Task LoadKeyAsync(PlatformUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = FormatKey(key);
        var login = Uri.EscapeDataString(user.UserName ?? "");
        AuthenticatorUri = $"otpauth://totp/OneStop:{login}?secret={key}&issuer=OneStop&digits=6";
    }

    /// <summary>Groups of four, lower case, as authenticator apps show them: easier to type by hand.</summary>
    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
