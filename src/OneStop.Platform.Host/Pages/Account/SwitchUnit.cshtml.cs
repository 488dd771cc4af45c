using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Host.Pages.Account;

/// <summary>Unit switcher: a person with several memberships chooses the unit to act for; the cookie is reissued.</summary>
public sealed class SwitchUnitModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, PlatformDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(Guid unitId, string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        var isMember = (await db.UnitMemberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id && m.UnitId == unitId).ToListAsync())
            .Any(m => m.IsValidOn(today));
        if (!isMember)
        {
            return Forbid();
        }

        user.ActingUnitId = unitId;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
