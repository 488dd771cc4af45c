using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Training.Contracts;
using OneStop.Training.Features.Staff;

namespace OneStop.Training.Pages;

/// <summary>
/// Ai ở bộ phận nào đã được đào tạo về nội dung gì: desk staff in scope, one column a course with the certificate valid
/// today; filter by unit (the acting unit or one directly below), by course, or the untrained only; 50 a page, Excel.
/// </summary>
[Permission(TrainingPermissions.Access)]
internal sealed class StaffModel(TrainedStaffQueries staff, IAdministrativeUnitDirectory units, ICurrentScope scope) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Course { get; set; }
    [BindProperty(SupportsGet = true)] public bool Untrained { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public KeysetPage<StaffLine> Lines { get; private set; } = new([], null);
    public IReadOnlyList<StaffCourse> Courses { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnitInfo> Units { get; private set; } = [];

    public string Query(string? cursor = null) =>
        $"?unit={Unit}&course={Course}&untrained={Untrained.ToString().ToLowerInvariant()}" + (cursor is null ? "" : "&cursor=" + cursor);

    public string ExportUrl => $"/api/v1/training/staff/export?unitId={Unit}&courseId={Course}&untrained={Untrained.ToString().ToLowerInvariant()}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Unit is { } unitId && (await units.FindAsync(unitId, ct) is not { } unit || !scope.Unit.Contains(unit.Path)))
        {
            return NotFound();
        }

        var own = await units.FindAsync(scope.Unit.UnitId, ct);
        Units = own is null ? [] : [own, .. (await units.ChildrenAsync(own.Id, ct: ct)).OrderBy(u => u.Path, StringComparer.Ordinal)];
        Courses = await staff.CoursesAsync(ct);
        Lines = await staff.PageAsync(new StaffFilter(Unit, Course, Untrained), Cursor, PageSize, ct);
        return Page();
    }
}
