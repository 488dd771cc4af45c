using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Identity;
using OneStop.Platform.Host.Localization;

namespace OneStop.Platform.Host.Pages.Account;

/// <summary>
/// A person changes their own password (also the page a must-change person is held at). The change ends the person's
/// other sessions, clears the must-change flag and reissues this session's cookie with the new security stamp.
/// </summary>
public sealed class ChangePasswordModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, UserSessionStore sessions) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = HostMessages.CurrentPasswordRequired)]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = HostMessages.NewPasswordRequired)]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = HostMessages.ConfirmPasswordRequired)]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = HostMessages.ConfirmPasswordMismatch)]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool MustChange { get; private set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync(bool changed = false)
    {
        MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;
        Changed = changed;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        // A cookie stolen before the change must not outlive it.
        await sessions.EndAllAsync(user.Id, UserSessionStore.CurrentSessionId(User), HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { changed = true });
    }
}
