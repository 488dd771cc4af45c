using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Calendar;
using OneStop.Counters.Features.Calendar;
using OneStop.Counters.Features.Calendar.DaysOff;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Pages.Calendar;

/// <summary>Lịch làm việc: days off of a year, the acting unit's office hours; system administrators add and remove days.</summary>
[Permission(CountersPermissions.CalendarRead)]
internal sealed class IndexModel(CountersDbContext db, IPermissionChecker permissions, ICurrentScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public AddDayOffInput Input { get; set; } = new();
    public IReadOnlyList<DayOffDto> Days { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanManage { get; private set; }
    public Domain.Calendar.OfficeHours Hours { get; private set; } = Domain.Calendar.OfficeHours.Default;
    public bool HoursAreDefault { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, CountersPermissions.CalendarManage))
        {
            return Forbid();
        }

        var request = new AddDayOffRequest(Input.Date ?? default, Input.Kind ?? "", Input.Name ?? "", Input.Source);
        foreach (var error in request.Validate())
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }

        if (Input.Date is null)
        {
            ModelState.AddModelError("Input.Date", "Chọn ngày.");
        }

        if (ModelState.ErrorCount == 0 && await db.DaysOff.AnyAsync(d => d.Date == request.Date, ct))
        {
            ModelState.AddModelError("Input.Date", $"Ngày {request.Date:dd/MM/yyyy} đã có trong lịch.");
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
        if (!await permissions.IsGrantedAsync(User, CountersPermissions.CalendarManage))
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
        CanManage = await permissions.IsGrantedAsync(User, CountersPermissions.CalendarManage);
        (Hours, HoursAreDefault) = await CalendarReader.OfficeHoursAsync(db, scope.Unit.UnitId, ct);
    }

    internal sealed class AddDayOffInput
    {
        public DateOnly? Date { get; set; }
        public string? Kind { get; set; } = DayOffKinds.Holiday;
        public string? Name { get; set; }
        public string? Source { get; set; }
    }
}
