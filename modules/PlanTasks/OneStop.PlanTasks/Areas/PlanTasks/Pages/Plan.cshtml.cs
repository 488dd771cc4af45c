using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.Plan;
using OneStop.PlanTasks.Features.PlanEditing;

namespace OneStop.PlanTasks.Pages;

/// <summary>
/// One plan (the one in force without an id): phases, groups, tasks. The provincial office edits the plan's record,
/// adds, renames, moves and deletes groups, moves tasks and opens a task to edit or assign it.
/// </summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class PlanModel(PlanQueries queries, PlanEditor editor, IPermissionChecker permissions) : PageModel
{
    public PlanDto? Plan { get; private set; }
    public bool CanManage { get; private set; }

    [BindProperty] public PlanInput Input { get; set; } = new();
    [BindProperty] public string? GroupTitle { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is not null && Plan is null)
        {
            return NotFound();
        }

        if (Plan is not null)
        {
            Input = new PlanInput
            {
                Number = Plan.Number, Title = Plan.Title, Issuer = Plan.Issuer, Signer = Plan.Signer, StartYear = Plan.StartYear, EndYear = Plan.EndYear,
                Status = Plan.Status, EffectiveFrom = Plan.EffectiveFrom, EffectiveTo = Plan.EffectiveTo,
                IssuedOn = DateOnly.TryParseExact(Plan.IssuedOn, "yyyy-MM-dd", out var issued) ? issued : null,
            };
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) =>
        WriteAsync(id, "Input", Input.ToRequest(), r => editor.UpdatePlanAsync(id, r, ct), "PlanTasks.PlanSaved", ct);

    public Task<IActionResult> OnPostAddGroupAsync(Guid id, CancellationToken ct) =>
        WriteAsync(id, nameof(GroupTitle), new GroupRequest(GroupTitle), r => editor.AddGroupAsync(id, r, ct), "PlanTasks.GroupSaved", ct);

    public Task<IActionResult> OnPostRenameGroupAsync(Guid id, Guid group, string? title, CancellationToken ct) =>
        WriteAsync(id, "", new GroupRequest(title), r => editor.RenameGroupAsync(group, r, ct), "PlanTasks.GroupSaved", ct);

    public Task<IActionResult> OnPostMoveGroupAsync(Guid id, Guid group, string? direction, CancellationToken ct) =>
        WriteAsync(id, "", new MoveRequest(direction), async r => { await editor.MoveGroupAsync(group, r, ct); return 0; }, "PlanTasks.OrderSaved", ct);

    public Task<IActionResult> OnPostDeleteGroupAsync(Guid id, Guid group, CancellationToken ct) =>
        WriteAsync(id, "", 0, async _ => { await editor.DeleteGroupAsync(group, ct); return 0; }, "PlanTasks.GroupDeleted", ct);

    public Task<IActionResult> OnPostMoveTaskAsync(Guid id, Guid task, string? direction, CancellationToken ct) =>
        WriteAsync(id, "", new MoveRequest(direction), async r => { await editor.MoveTaskAsync(task, r, ct); return 0; }, "PlanTasks.OrderSaved", ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan))
        {
            return Forbid();
        }

        try
        {
            await editor.DeletePlanAsync(id, ct);
            TempData["PlanTasks.Message"] = "PlanTasks.PlanDeleted";
            return RedirectToPage("/Plans");
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("", e.Message);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult> WriteAsync<TRequest, TResult>(Guid id, string prefix, TRequest request, Func<TRequest, Task<TResult>> action, string message, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan))
        {
            return Forbid();
        }

        // Only the submitted form counts: the plan form's fields are not part of a group's post.
        foreach (var key in ModelState.Keys.Where(k => prefix.Length == 0 || !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (request is int || ModelState.Check(HttpContext.RequestServices, request, prefix))
        {
            try
            {
                await action(request);
                TempData["PlanTasks.Message"] = message;
                return RedirectToPage(new { id });
            }
            catch (PlatformException e)
            {
                PlanPageErrors.Add(ModelState, e, prefix);
            }
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        Plan = await queries.GetPlanAsync(id, ct);
        CanManage = await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan);
    }
}
