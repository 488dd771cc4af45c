using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Features.PlanEditing;

namespace OneStop.PlanTasks.Pages;

/// <summary>Các kế hoạch: every plan with its number, period and status today; the provincial office adds a plan here.</summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class PlansModel(PlanEditor editor, IPermissionChecker permissions) : PageModel
{
    public IReadOnlyList<PlanSummaryDto> Plans { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public PlanInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan))
        {
            return Forbid();
        }

        var request = Input.ToRequest();
        if (ModelState.Check(HttpContext.RequestServices, request, "Input"))
        {
            try
            {
                var plan = await editor.CreatePlanAsync(request, ct);
                TempData["PlanTasks.Message"] = "PlanTasks.PlanSaved";
                return RedirectToPage("/Plan", new { id = plan.Id });
            }
            catch (PlatformException e)
            {
                PlanPageErrors.Add(ModelState, e, "Input");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = await editor.ListAsync(ct);
        CanManage = await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan);
    }
}
