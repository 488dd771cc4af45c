using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.ControlReport;
using OneStop.PlanTasks.Features.Resources;

namespace OneStop.PlanTasks.Pages;

/// <summary>
/// Nguồn lực: investment projects proposed for the medium-term public investment plan and budget allocations, each
/// linked to a task of the plan; newest first, 50 a page, filter by task, Excel export; forms for PlanTasks.Resources.
/// </summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class ResourcesModel(ResourceService resources, IPermissionChecker permissions) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "task")] public Guid? TaskId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProjectCursor { get; set; }
    [BindProperty(SupportsGet = true)] public string? AllocationCursor { get; set; }
    [BindProperty] public ProjectInput Project { get; set; } = new();
    [BindProperty] public AllocationInput Allocation { get; set; } = new();

    public KeysetPage<ProjectDto> Projects { get; private set; } = new([], null);
    public KeysetPage<AllocationDto> Allocations { get; private set; } = new([], null);
    public IReadOnlyList<TaskOption> Tasks { get; private set; } = [];
    public IReadOnlyList<ProjectDto> ProjectOptions { get; private set; } = [];
    public bool CanManage { get; private set; }

    public sealed class ProjectInput
    {
        public string? Name { get; set; }
        public Guid? PlanTaskId { get; set; }
        public decimal ProposedAmount { get; set; }
        public int FromYear { get; set; } = 2021;
        public int ToYear { get; set; } = 2025;
    }

    public sealed class AllocationInput
    {
        public Guid PlanTaskId { get; set; }
        public Guid? ProjectId { get; set; }
        public int Year { get; set; } = DateTime.Today.Year;
        public decimal Amount { get; set; }
        public string? Source { get; set; }
    }

    public string Query(string? projectCursor = null, string? allocationCursor = null) =>
        $"?task={TaskId}" + (projectCursor is null ? "" : "&projectCursor=" + projectCursor) + (allocationCursor is null ? "" : "&allocationCursor=" + allocationCursor);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await resources.ExcelAsync(TaskId, ct), ControlReportEndpoints.XlsxType, "nguon-luc-ke-hoach.xlsx");

    public Task<IActionResult> OnPostProjectAsync(CancellationToken ct) =>
        ManageAsync(new ProposeProjectRequest(Project.Name ?? "", Project.PlanTaskId, Project.ProposedAmount, Project.FromYear, Project.ToYear), "Project",
            r => resources.ProposeAsync(r, ct), "PlanTasks.ProjectProposed", ct);

    public Task<IActionResult> OnPostAllocationAsync(CancellationToken ct) =>
        ManageAsync(new AllocateRequest(Allocation.PlanTaskId, Allocation.ProjectId, Allocation.Year, Allocation.Amount, Allocation.Source ?? ""), "Allocation",
            r => resources.AllocateAsync(r, ct), "PlanTasks.AllocationRecorded", ct);

    private async Task<IActionResult> ManageAsync<TRequest, TResult>(TRequest request, string prefix, Func<TRequest, Task<TResult>> action, string message, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlanTasksPermissions.Resources))
        {
            return Forbid();
        }

        // Only the submitted form's fields are checked; the other form's inputs are not part of this post.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (ModelState.Check(HttpContext.RequestServices, request, prefix))
        {
            try
            {
                await action(request);
                TempData["PlanTasks.Message"] = message;
                return RedirectToPage(new { task = TaskId });
            }
            catch (PlatformException e)
            {
                if (e.Errors is { } errors)
                {
                    foreach (var (field, messages) in errors)
                    {
                        ModelState.AddModelError($"{prefix}.{field}", string.Join(" ", messages));
                    }
                }
                else
                {
                    ModelState.AddModelError("", e.Message);
                }
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Projects = await resources.ProjectPageAsync(TaskId, ProjectCursor, PageSize, ct);
        Allocations = await resources.AllocationPageAsync(TaskId, AllocationCursor, PageSize, ct);
        Tasks = await resources.TasksAsync(ct);
        CanManage = await permissions.IsGrantedAsync(User, PlanTasksPermissions.Resources);
        ProjectOptions = CanManage ? await resources.AllProjectsAsync(null, ct) : [];
    }
}
