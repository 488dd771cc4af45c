using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Integration.Contracts;

namespace OneStop.Integration.Pages;

[Permission(IntegrationPermissions.Access)]
internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
