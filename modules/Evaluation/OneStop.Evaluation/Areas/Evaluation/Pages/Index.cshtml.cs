using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Evaluation.Contracts;

namespace OneStop.Evaluation.Pages;

[Permission(EvaluationPermissions.Access)]
internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
