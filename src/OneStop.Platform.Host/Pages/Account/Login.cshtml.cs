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
/// Password sign-in behind the throttle (<see cref="SignInThrottler"/>): a wrong password, an unknown login, a
/// deactivated or locked person and a blocked attempt all get the same message in about the same time, so the page
/// tells a stranger nothing about which logins exist. Identity's own lockout is never triggered from here; a browser
/// the person signed in with before is not held by strangers' failures (<see cref="SignInKeys"/>).
/// </summary>
public sealed class LoginModel(
    SignInManager<PlatformUser> signIn,
    UserManager<PlatformUser> users,
    SignInThrottler throttle,
    SignInKeys signInKeys,
    IPasswordHasher<PlatformUser> hasher,
    IStringLocalizer<ShellService> T) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = HostMessages.LoginRequired)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = HostMessages.PasswordRequired)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var login = Input.UserName.Trim();
        var keys = signInKeys.For(HttpContext, login);
        if (await throttle.BlockedUntilAsync(keys, HttpContext.RequestAborted) is not null)
        {
            // Blocked: the password is not even looked at, and the answer is the one a wrong password gets.
            return Refused();
        }

        var user = await users.FindByNameAsync(login);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("/Account/TwoFactor", new { ReturnUrl, Input.RememberMe });
            }

            await throttle.ForgetAsync(keys[0], HttpContext.RequestAborted);
            signInKeys.RememberDevice(HttpContext, login);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (user is null || result.IsNotAllowed || result.IsLockedOut)
        {
            // Identity answered without hashing (unknown, deactivated or locked by an admin): hash anyway, so the time
            // taken does not tell these apart from a wrong password.
            DummyCheck(hasher, Input.Password);
        }

        await throttle.RecordFailureAsync(keys, HttpContext.RequestAborted);
        return Refused();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, T["Login.Failed"]);
        return Page();
    }

    private static readonly PlatformUser DummyUser = new() { UserName = "dummy" };

    /// <summary>A hash of a random password with the same cost as the real ones (PBKDF2, Identity's defaults).</summary>
    private static string? _dummyHash;

    internal static void DummyCheck(IPasswordHasher<PlatformUser> hasher, string password)
    {
        _dummyHash ??= hasher.HashPassword(DummyUser, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(DummyUser, _dummyHash, password);
    }
}
