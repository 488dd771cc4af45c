using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Features.Courses;
using OneStop.Training.Features.Plans;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Pages;

/// <summary>
/// Kế hoạch đào tạo hằng năm: the plan lines of the units in scope for a year with their fulfilment (classes planned
/// and held, staff planned and trained), 50 a page, totals, Excel; the acting unit edits its own lines (Training.Plan).
/// </summary>
[Permission(TrainingPermissions.Access)]
internal sealed class PlansModel(TrainingPlans plans, TrainingDbContext db, IPermissionChecker permissions, ICurrentScope scope, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty] public PlanInput Input { get; set; } = new();

    public int SelectedYear => Year ?? clock.GetLocalNow().Year;
    public IReadOnlyList<int> Years => Enumerable.Range(2021, clock.GetLocalNow().Year - 2021 + 2).Reverse().ToList();
    public KeysetPage<PlanItemDto> Items { get; private set; } = new([], null);
    public PlanTotals Totals { get; private set; } = new(0, 0, 0, 0, 0);
    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];
    public bool CanPlan { get; private set; }
    public string UnitName => scope.Unit.Name;

    public sealed class PlanInput
    {
        public Guid CourseId { get; set; }
        public int PlannedClasses { get; set; }
        public int PlannedParticipants { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, TrainingPermissions.Plan))
        {
            return Forbid();
        }

        var request = new PlanItemRequest(SelectedYear, Input.CourseId, Input.PlannedParticipants, Input.Note, Input.PlannedClasses);
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError(error.Field == nameof(PlanItemRequest.Year) ? "" : "Input." + error.Field, error.Message);
        }

        if (ModelState.IsValid)
        {
            try
            {
                await plans.UpsertAsync(request, ct);
                TempData["Training.Message"] = "Training.PlanSaved";
                return RedirectToPage(new { year = SelectedYear });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await plans.PageAsync(SelectedYear, Cursor, PageSize, ct);
        Totals = TrainingPlans.Totals(await plans.ListAsync(SelectedYear, ct));
        Courses = (await db.Courses.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(CourseDto.From).ToList();
        CanPlan = await permissions.IsGrantedAsync(User, TrainingPermissions.Plan);
    }
}
