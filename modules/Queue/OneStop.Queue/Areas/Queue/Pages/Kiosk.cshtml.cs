using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Features;
using OneStop.Queue.Features.Appointments;
using OneStop.Queue.Features.Tickets;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Pages;

/// <summary>
/// Kiosk lấy số (public, touch screen in the waiting room): choose a field, or type/scan a dossier code, or an
/// appointment code; priority groups say so with one tap. Acts for the desk's unit only.
/// </summary>
[AllowAnonymous]
internal sealed class KioskModel(QueueDbContext db, ICurrentScope scope, IssueTicketHandler issue, AppointmentHandler appointments, IPermissionChecker permissions) : PublicDeskPageModel(permissions)
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? PriorityGroup { get; set; }
    [BindProperty] public string? DossierCode { get; set; }
    [BindProperty] public string? AppointmentCode { get; set; }

    public QueueDesk? Desk { get; private set; }
    public TicketDto? Ticket { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await RunAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await RunAsync(async desk =>
    {
        if (!string.IsNullOrWhiteSpace(AppointmentCode))
        {
            return await appointments.CheckInAsync(desk.Id, new CheckInRequest(AppointmentCode, PriorityGroup), QueueTicketSources.Appointment, ct);
        }

        var request = new IssueTicketRequest(Field, PriorityGroup, DossierCode);
        Validation.ThrowIfInvalid(HttpContext.RequestServices, request);
        return await issue.HandleAsync(desk.Id, request, QueueTicketSources.Kiosk, ct);
    }, ct);

    private async Task<IActionResult> RunAsync(Func<QueueDesk, Task<TicketDto>>? action, CancellationToken ct)
    {
        if (await QueueDesks.FindPublicAsync(db, Code, ct) is not { } found)
        {
            return await NoDeskAsync();
        }

        using (scope.Change(QueueDesks.ScopeOf(found), null, "kiosk"))
        {
            Desk = await QueueDesks.GetAsync(db, found.Id, ct);
            if (action is not null)
            {
                try
                {
                    Ticket = await action(Desk);
                }
                catch (PlatformException e)
                {
                    Error = e.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message;
                }
            }
        }

        return Page();
    }
}
