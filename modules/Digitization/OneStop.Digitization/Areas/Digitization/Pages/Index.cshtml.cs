using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Features.ScanQueue;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Pages;

/// <summary>The desk's scan queue (hàng đợi số hóa), the documents digitised recently, and the desks' digitisation switch.</summary>
[Permission(DigitizationPermissions.Access)]
internal sealed class IndexModel(ScanQueueQueries queue, DocumentQueries documents, DeskService desks, IPermissionChecker permissions, ICurrentScope scope) : PageModel
{
    public KeysetPage<ScanQueueItemDto> Queue { get; private set; } = new([], null);
    public KeysetPage<DocumentDto> Recent { get; private set; } = new([], null);
    public IReadOnlyList<DeskDto> Desks { get; private set; } = [];
    public bool CanSwitchDesks { get; private set; }
    public bool CanDigitize { get; private set; }
    public bool CanOpenDataStore { get; private set; }
    public string UnitName => scope.Unit.Name;
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await queue.ListAsync(null, Cursor, 20, ct);
        Recent = await documents.ListAsync(null, null, null, 10, ct);
        Desks = await desks.ListAsync(ct);
        CanSwitchDesks = await permissions.IsGrantedAsync(User, DigitizationPermissions.Desks);
        CanDigitize = await permissions.IsGrantedAsync(User, DigitizationPermissions.Digitize);
        CanOpenDataStore = await permissions.IsGrantedAsync(User, DigitizationPermissions.DataStore);
    }

    public async Task<IActionResult> OnPostDeskAsync(Guid agencyId, bool enabled, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, DigitizationPermissions.Desks))
        {
            return Forbid();
        }

        await desks.SwitchAsync(agencyId, enabled, ct);
        TempData["Digitization.Message"] = enabled ? "Digitization.DeskOn" : "Digitization.DeskOff";
        return RedirectToPage();
    }
}
