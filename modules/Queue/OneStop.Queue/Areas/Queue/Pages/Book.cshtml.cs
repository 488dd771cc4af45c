using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Queue.Domain;
using OneStop.Queue.Features;
using OneStop.Queue.Features.Appointments;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Pages;

/// <summary>Đặt lịch hẹn (public): a field, a day, a free slot, a name; the citizen gets a code to check in at the kiosk.</summary>
[AllowAnonymous]
internal sealed class BookModel(QueueDbContext db, ICurrentScope scope, AppointmentHandler appointments, TimeProvider clock, IPermissionChecker permissions) : PublicDeskPageModel(permissions)
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty] public DateTimeOffset? SlotStart { get; set; }
    [BindProperty] public string? CitizenName { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public QueueDesk? Desk { get; private set; }
    public SlotsDto? Slots { get; private set; }
    public AppointmentDto? Booked { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => RunAsync(null, ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async desk =>
    {
        var request = new BookRequest(Field ?? "", SlotStart ?? default, CitizenName ?? "", Phone);
        Validation.ThrowIfInvalid(HttpContext.RequestServices, request);

        Booked = await appointments.BookAsync(desk.Id, request, ct);
    }, ct);

    private async Task<IActionResult> RunAsync(Func<QueueDesk, Task>? action, CancellationToken ct)
    {
        if (await QueueDesks.FindPublicAsync(db, Code, ct) is not { } found)
        {
            return await NoDeskAsync();
        }

        using (scope.Change(QueueDesks.ScopeOf(found), null, "booking"))
        {
            Desk = await QueueDesks.GetAsync(db, found.Id, ct);
            Today = QueueTime.DayOf(clock.GetUtcNow());
            if (action is not null)
            {
                try
                {
                    await action(Desk);
                }
                catch (PlatformException e)
                {
                    Error = e.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message;
                }
            }

            if (Booked is null && Date is { } date && !string.IsNullOrEmpty(Field))
            {
                Slots = await appointments.SlotsAsync(Desk.Id, date, ct);
            }
        }

        return Page();
    }
}
