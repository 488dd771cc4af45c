using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.PlanTasks.Contracts;

namespace OneStop.PlanTasks.Pages;

[Permission(PlanTasksPermissions.Access)]
internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
