using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Counters.Contracts;

namespace OneStop.Counters.Pages;

[Permission(CountersPermissions.Access)]
internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
