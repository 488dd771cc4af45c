using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Digitization.Contracts;

namespace OneStop.Digitization.Pages;

[Permission(DigitizationPermissions.Access)]
internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
