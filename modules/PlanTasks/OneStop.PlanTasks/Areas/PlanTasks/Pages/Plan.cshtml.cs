using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.Plan;

namespace OneStop.PlanTasks.Pages;

/// <summary>The plan as published (phases, groups, tasks); public plan text, no unit data.</summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class PlanModel(PlanQueries queries) : PageModel
{
    public PlanDto? Plan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Plan = await queries.GetPlanAsync(ct);
}
