using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Features.Assignments;
using OneStop.PlanTasks.Features.Plan;
using OneStop.PlanTasks.Features.PlanEditing;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Pages;

/// <summary>
/// A task of a plan: the provincial office enters it (new, with <c>?group=</c>) or edits it, chooses the lead and
/// coordinating agencies from lists, and assigns it to units; its assignments in scope are listed with their status.
/// </summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class PlanTaskModel(
    PlanTasksDbContext db, PlanEditor editor, AssignmentQueries assignments, AssignTaskHandler assign,
    IAdministrativeUnitDirectory units, ICurrentScope scope, IPermissionChecker permissions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Group { get; set; }
    [BindProperty] public TaskInput Input { get; set; } = new();
    [BindProperty] public Guid? AssignUnitId { get; set; }

    public TaskDto? Task { get; private set; }
    public string GroupTitle { get; private set; } = "";
    public Guid PlanId { get; private set; }
    public string PlanNumber { get; private set; } = "";
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    public IReadOnlyList<AgencyReference> Agencies { get; private set; } = [];
    public IReadOnlyList<AssignmentDto> Assignments { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnitInfo> Units { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanAssign { get; private set; }

    public sealed class TaskInput
    {
        public string? Title { get; set; }
        public List<string> Leads { get; set; } = [];
        public List<string> Coordinators { get; set; } = [];
        public string? DeadlineKind { get; set; } = CompletionKinds.Date;
        public int? DeadlineYear { get; set; }
        public int? DeadlineMonth { get; set; }
        public int? DeadlineDay { get; set; }
        public int? DeadlineQuarter { get; set; }
        public string? Products { get; set; }

        public TaskRequest ToRequest() => new(Title, Leads, Coordinators, DeadlineKind, DeadlineYear, DeadlineMonth, DeadlineDay, DeadlineQuarter, Products);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Task is { } t)
        {
            Input = new TaskInput
            {
                Title = t.Title, Leads = [.. t.Leads], Coordinators = [.. t.Coordinators], DeadlineKind = t.Completion.Kind, DeadlineYear = t.Completion.Year,
                DeadlineMonth = t.Completion.Month, DeadlineDay = t.Completion.Day, DeadlineQuarter = t.Completion.Quarter, Products = t.Products,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan))
        {
            return Forbid();
        }

        ModelState.Remove(nameof(AssignUnitId));
        var request = Input.ToRequest();
        if (ModelState.Check(HttpContext.RequestServices, request, "Input"))
        {
            try
            {
                var saved = Id is { } id ? await editor.UpdateTaskAsync(id, request, ct) : await editor.AddTaskAsync(Group ?? Guid.Empty, request, ct);
                TempData["PlanTasks.Message"] = "PlanTasks.TaskSaved";
                return RedirectToPage(new { id = saved.Id });
            }
            catch (PlatformException e)
            {
                PlanPageErrors.Add(ModelState, e, "Input");
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.Report))
        {
            return Forbid();
        }

        foreach (var key in ModelState.Keys.Where(k => k != nameof(AssignUnitId)).ToList())
        {
            ModelState.Remove(key);
        }

        var request = new AssignTaskRequest(Id ?? Guid.Empty, AssignUnitId ?? Guid.Empty);
        if (ModelState.Check(HttpContext.RequestServices, request))
        {
            try
            {
                await assign.HandleAsync(request, ct);
                TempData["PlanTasks.Message"] = "PlanTasks.TaskAssigned";
                return RedirectToPage(new { id = Id });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        return await LoadAsync(ct, keepInput: false) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan))
        {
            return Forbid();
        }

        ModelState.Clear();
        if (!await LoadAsync(ct, keepInput: false))
        {
            return NotFound();
        }

        try
        {
            await editor.DeleteTaskAsync(Id ?? Guid.Empty, ct);
            TempData["PlanTasks.Message"] = "PlanTasks.TaskDeleted";
            return RedirectToPage("/Plan", new { id = PlanId });
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("", e.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool keepInput = true)
    {
        CanManage = await permissions.IsGrantedAsync(User, PlanTasksPermissions.ManagePlan);
        CanAssign = await permissions.IsGrantedAsync(User, PlanTasksPermissions.Report) && scope.Unit.AgencyCode is null;
        Guid groupId;
        if (Id is { } id)
        {
            var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.GroupId != null, ct);
            if (task is null)
            {
                return false;
            }

            Task = TaskDto.From(task);
            groupId = task.GroupId!.Value;
            Assignments = (await assignments.ListAsync(new AssignmentFilter(Task: task.Code), null, 200, ct)).Items;
        }
        else if (Group is { } g && CanManage)
        {
            groupId = g;
        }
        else
        {
            return false;
        }

        var taskGroup = await db.Groups.AsNoTracking().FirstOrDefaultAsync(x => x.Id == groupId, ct);
        if (taskGroup is null)
        {
            return false;
        }

        var plan = await (from ph in db.Phases.AsNoTracking() join p in db.Plans.AsNoTracking() on ph.PlanId equals p.Id where ph.Id == taskGroup.PhaseId select p).FirstAsync(ct);
        GroupTitle = $"{taskGroup.Letter}) {taskGroup.Title}";
        PlanId = plan.Id;
        PlanNumber = plan.Number;
        StartYear = plan.StartYear;
        EndYear = plan.EndYear;
        if (CanManage)
        {
            Agencies = await editor.AgencyOptionsAsync(ct);
        }

        if (Task is not null && CanAssign)
        {
            var today = VietnamTime.Today(clock);
            var assigned = Assignments.Where(a => a.AgencyCode == null).Select(a => a.UnitId).ToHashSet();
            Units = (await units.AllAsync(ct))
                .Where(u => u.IsValidOn(today) && scope.Unit.Contains(u.Path) && u.Id != scope.Unit.UnitId && !assigned.Contains(u.Id))
                .OrderBy(u => u.Path).ToList();
        }

        return true;
    }
}
