using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Platform.Host.Identity;
using OneStop.Platform.Identity;
using OneStop.Platform.Host.Localization;

namespace OneStop.Platform.Host.Pages.Account;

/// <summary>
/// Second step of a sign-in with an authenticator: the 6-digit code, or one of the recovery codes. Wrong codes count
/// on the same throttle keys as wrong passwords.
/// </summary>
public sealed class TwoFactorModel(SignInManager<PlatformUser> signIn, SignInThrottler throttle, SignInKeys signInKeys, IStringLocalizer<ShellService> T) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = HostMessages.CodeRequired)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var keys = signInKeys.For(HttpContext, user.UserName ?? "");
        if (await throttle.BlockedUntilAsync(keys, HttpContext.RequestAborted) is null)
        {
            var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            var result = code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
            if (result.Succeeded)
            {
                await throttle.ForgetAsync(keys[0], HttpContext.RequestAborted);
                signInKeys.RememberDevice(HttpContext, user.UserName ?? "");
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }

            await throttle.RecordFailureAsync(keys, HttpContext.RequestAborted);
        }

        ModelState.AddModelError(string.Empty, T["TwoFactor.Failed"]);
        return Page();
    }
}
