using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Integration.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.Exchanges;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;

namespace OneStop.Integration.Pages;

/// <summary>The dead-letter queue: messages the receiver never accepted, with a retry (confirmed) for admins.</summary>
[Permission(IntegrationPermissions.ExchangesRead)]
internal sealed class OutgoingModel(IntegrationDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<OutgoingDto> Messages { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct) =>
        Messages = (await OutgoingEndpoints.List(db, OutgoingStates.Dead, Cursor, 50, ct)).Value!;

    [Permission(IntegrationPermissions.SandboxManage)]
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        await OutgoingEndpoints.Retry(db, clock, id, ct);
        return RedirectToPage();
    }
}
