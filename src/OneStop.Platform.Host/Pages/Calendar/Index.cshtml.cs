using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Platform.Calendar;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Pages.Calendar;

/// <summary>
/// Lịch làm việc: days off of a year, the acting unit's office hours; system administrators add and remove days. A
/// kernel page (ADR 0022) kept at the address it had under Counters.
/// </summary>
[Permission(PlatformPermissions.CalendarRead)]
public sealed class IndexModel(PlatformDbContext db, IWorkingCalendar calendar, IPermissionChecker permissions, ICurrentScope scope, IStringLocalizer<ShellService> t)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public AddDayOffInput Input { get; set; } = new();
    internal IReadOnlyList<DayOffDto> Days { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanManage { get; private set; }
    public OfficeHours Hours { get; private set; } = OfficeHours.Default;
    public bool HoursAreDefault { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlatformPermissions.CalendarManage))
        {
            return Forbid();
        }

        var request = new AddDayOffRequest(Input.Date ?? default, Input.Kind ?? "", Input.Name ?? "", Input.Source);
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }

        if (Input.Date is null)
        {
            ModelState.AddModelError("Input.Date", t["Calendar.ChooseDate"]);
        }

        if (ModelState.ErrorCount == 0 && await db.DaysOff.AnyAsync(d => d.Date == request.Date, ct))
        {
            ModelState.AddModelError("Input.Date", t["Calendar.DateExists", request.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (ModelState.ErrorCount > 0)
        {
            Year = Input.Date?.Year ?? Year;
            await LoadAsync(ct);
            return Page();
        }

        await DaysOffEndpoints.Add(db, request, ct);
        return RedirectToPage(new { year = request.Date.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlatformPermissions.CalendarManage))
        {
            return Forbid();
        }

        await DaysOffEndpoints.Remove(db, id, ct);
        return RedirectToPage(new { year = Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Years = await db.DaysOff.AsNoTracking().Select(d => d.Date.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
        Year ??= Years.Contains(DateTime.UtcNow.Year) ? DateTime.UtcNow.Year : Years.LastOrDefault();
        Days = (await DaysOffEndpoints.List(db, Year, ct)).Value!;
        CanManage = await permissions.IsGrantedAsync(User, PlatformPermissions.CalendarManage);
        var own = await calendar.OwnOfficeHoursAsync(scope.Unit.UnitId, ct);
        (Hours, HoursAreDefault) = (own ?? OfficeHours.Default, own is null);
    }

    public sealed class AddDayOffInput
    {
        public DateOnly? Date { get; set; }
        public string? Kind { get; set; } = DayOffKinds.Holiday;
        public string? Name { get; set; }
        public string? Source { get; set; }
    }
}
