using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Connections;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Permissions;

namespace OneStop.Integration.Pages;

/// <summary>Connection status board for admins and leaders.</summary>
[Permission(IntegrationPermissions.Access)]
internal sealed class IndexModel(IntegrationDbContext db, TimeProvider clock, IPermissionChecker permissions) : PageModel
{
    public List<ConnectionStatusDto> Connections { get; private set; } = [];
    public bool CanReadExchanges { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Connections = await ConnectionStatus.ComputeAsync(db, clock, ct);
        CanReadExchanges = await permissions.IsGrantedAsync(User, IntegrationPermissions.ExchangesRead);
    }
}
