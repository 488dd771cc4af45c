using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.Inspections;

namespace OneStop.PlanTasks.Pages;

/// <summary>Inspection visits in scope (an inspected unit sees its own visits and findings), newest first.</summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class InspectionsModel(InspectionHandler inspections) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<VisitDto> Visits { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct) => Visits = await inspections.ListVisitsAsync(Cursor, 50, ct);
}
