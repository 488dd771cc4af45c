using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Features.DueDate;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Pages.Calendar;

/// <summary>Thử tính hạn giải quyết: an officer enters a reception time and a legal time and reads how the due date comes out.</summary>
[Permission(PlatformPermissions.CalendarRead)]
internal sealed class DueDateModel(DueDateHandler handler) : PageModel
{
    [BindProperty] public string? ReceivedAt { get; set; }
    [BindProperty] public decimal Value { get; set; } = 1;
    [BindProperty] public string? Unit { get; set; } = LegalTimeUnits.WorkingDay;
    [BindProperty] public string? ProcedureCode { get; set; }
    // Nullable: a missing field must not trip MVC's implicit [Required] with an English message.
    [BindProperty] public string? Channel { get; set; } = Domain.Catalogue.Channels.Direct;
    [BindProperty] public string? StopFrom { get; set; }
    [BindProperty] public string? StopTo { get; set; }
    [BindProperty] public decimal? ExtensionDays { get; set; }
    [BindProperty] public string? ExtensionReason { get; set; }
    public DueDateResponse? Result { get; private set; }

    public void OnGet() => ReceivedAt = VietnamTime.ToLocal(DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IReadOnlyList<ClockStopDto>? stops = string.IsNullOrWhiteSpace(StopFrom) && string.IsNullOrWhiteSpace(StopTo) ? null : [new(StopFrom ?? "", StopTo ?? "")];
        IReadOnlyList<ExtensionDto>? extensions = ExtensionDays is > 0 ? [new(ExtensionDays.Value, LegalTimeUnits.WorkingDay, ExtensionReason ?? "")] : null;
        // With a procedure code the catalogue's legal time (version in force on the reception date) replaces value and unit.
        var code = string.IsNullOrWhiteSpace(ProcedureCode) ? null : ProcedureCode.Trim();
        var request = new DueDateRequest(null, ReceivedAt ?? "", Value, Unit, code, code is null ? null : Channel ?? Domain.Catalogue.Channels.Direct, stops, extensions);
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        try
        {
            Result = await handler.HandleAsync(request, ct);
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("", e.Message);
        }

        return Page();
    }
}
