using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Features.Dossiers.Online;
using OneStop.Platform;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Online;

/// <summary>
/// Hồ sơ trực tuyến chờ xác định nơi nhận: the province's queue of portal submissions no unit could take by itself,
/// each with its reason; the officer picks a unit valid today and the dossier is filed there. Also the re-pull of the
/// portal's feed for provincial and system administrators. Same handler as the API.
/// </summary>
[Permission(CountersPermissions.OnlineSubmissionsReview)]
internal sealed class IndexModel(OnlineSubmissionReview review, IPermissionChecker permissions, IPeopleDirectory people) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = OnlineSubmissionStatuses.Review;
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<OnlineSubmissionDto> Items { get; private set; } = new([], null);
    public IReadOnlyList<RoutableUnitDto> Units { get; private set; } = [];
    public bool CanRepull { get; private set; }
    /// <summary>Full names of the officers who routed the items shown.</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public string? UnitName(Guid? id) => id is null ? null : Units.FirstOrDefault(u => u.Id == id)?.Name;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRouteAsync(Guid id, Guid? unitId, CancellationToken ct)
    {
        var request = new RouteOnlineSubmissionRequest(unitId);
        try
        {
            Validation.ThrowIfInvalid(HttpContext.RequestServices, request);

            var routed = await review.RouteAsync(id, request, ct);
            Message = $"{routed.PortalReference} → {routed.DossierUnitName} ({routed.DossierCode})";
            return RedirectToPage(new { Status, Cursor });
        }
        catch (PlatformException e)
        {
            // A rule's own message says more than the general "invalid data" title.
            Error = e.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRepullAsync(long? afterSequence, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, CountersPermissions.OnlineSubmissionsRepull))
        {
            return Forbid();
        }

        var request = new RepullOnlineSubmissionsRequest(afterSequence);
        try
        {
            Validation.ThrowIfInvalid(HttpContext.RequestServices, request);

            Message = (await review.RepullAsync(request, ct)).Message;
            return RedirectToPage(new { Status });
        }
        catch (PlatformException e)
        {
            // A rule's own message says more than the general "invalid data" title.
            Error = e.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Status = OnlineSubmissionStatuses.All.Contains(Status) ? Status : OnlineSubmissionStatuses.Review;
        CanRepull = await permissions.IsGrantedAsync(User, CountersPermissions.OnlineSubmissionsRepull);
        Units = await review.RoutableUnitsAsync(ct);
        try
        {
            Items = await review.ListAsync(Status, Cursor, 20, ct);
        }
        catch (PlatformException e) when (e.Code == PlatformErrorCodes.InvalidCursor)
        {
            Cursor = null;
            Items = await review.ListAsync(Status, null, 20, ct);
        }

        Names = await people.NamesAsync(Items.Items.Select(i => i.RoutedBy), ct);
    }
}
