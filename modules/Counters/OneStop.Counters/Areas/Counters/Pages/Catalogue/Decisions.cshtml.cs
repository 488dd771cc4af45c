using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Catalogue.LocationIndependence;
using OneStop.Platform.Permissions;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>Sổ quyết định công bố danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính: all decisions, newest first.</summary>
[Permission(CountersPermissions.CatalogueRead)]
internal sealed class DecisionsModel(DecisionRegistry registry, IPermissionChecker permissions) : PageModel
{
    public IReadOnlyList<DecisionDto> Decisions { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Decisions = await registry.ListAsync(null, inForceOnly: false, ct);
        CanManage = await permissions.IsGrantedAsync(User, CountersPermissions.CatalogueManage);
    }
}
