using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Features.Classes;
using OneStop.Training.Features.Courses;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Pages;

/// <summary>Classes in scope (newest first, 50 a page), a form to open a class, and the staff trained in scope.</summary>
[Permission(TrainingPermissions.Access)]
internal sealed class IndexModel(ClassHandler classes, TrainingDbContext db, IPermissionChecker permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty] public ClassInput Input { get; set; } = new();

    public KeysetPage<ClassDto> Classes { get; private set; } = new([], null);
    public KeysetPage<ParticipantDto> Trained { get; private set; } = new([], null);
    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];
    public bool CanManage { get; private set; }

    public sealed class ClassInput
    {
        public Guid CourseId { get; set; }
        public string Title { get; set; } = "";
        public DateOnly StartsOn { get; set; } = DateOnly.FromDateTime(DateTime.Today);
        public DateOnly EndsOn { get; set; } = DateOnly.FromDateTime(DateTime.Today);
        public string Venue { get; set; } = "";
        public string Organiser { get; set; } = "provincial-office";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, TrainingPermissions.Manage))
        {
            return Forbid();
        }

        var request = new CreateClassRequest(Input.CourseId, Input.Title ?? "", Input.StartsOn, Input.EndsOn, Input.Venue ?? "", Input.Organiser);
        if (ModelState.Check(HttpContext.RequestServices, request, "Input"))
        {
            try
            {
                var created = await classes.CreateAsync(request, ct);
                return RedirectToPage("Class", new { id = created.Id });
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
        Classes = await classes.ListAsync(Cursor, 50, ct);
        Trained = await classes.TrainedAsync(null, 50, ct);
        Courses = (await db.Courses.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(CourseDto.From).ToList();
        CanManage = await permissions.IsGrantedAsync(User, TrainingPermissions.Manage);
    }
}
