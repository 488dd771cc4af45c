using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Queue.Contracts;

namespace OneStop.Queue.Pages;

/// <summary>
/// The public pages of one desk (kiosk, board, booking). Before a unit has set up a desk — or with a mistyped code —
/// they say so plainly instead of a bare 404 (issue 21), and offer desk setup to those who may do it.
/// </summary>
internal abstract class PublicDeskPageModel(IPermissionChecker permissions) : PageModel
{
    /// <summary>No desk has the code in the address.</summary>
    public bool NoDesk { get; private set; }

    public bool CanSetUpDesks { get; private set; }

    /// <summary>The "no desk yet" page, still with status 404 for displays and scripts that test for it.</summary>
    protected async Task<IActionResult> NoDeskAsync()
    {
        NoDesk = true;
        CanSetUpDesks = await permissions.IsGrantedAsync(User, QueuePermissions.Manage);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
