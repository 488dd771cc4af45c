using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Connections;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Permissions;

namespace OneStop.Integration.Pages;

/// <summary>Connection status board for admins and leaders.</summary>
[Permission(IntegrationPermissions.Access)]
internal sealed class IndexModel(IntegrationDbContext db, ConnectorAddresses addresses, TimeProvider clock, IPermissionChecker permissions,
    IStringLocalizer<IntegrationModule> T) : PageModel
{
    public List<ConnectionStatusDto> Connections { get; private set; } = [];
    public bool CanReadExchanges { get; private set; }
    public bool CanCheck { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Connections = await ConnectionStatus.ComputeAsync(db, addresses, clock, ct);
        CanReadExchanges = await permissions.IsGrantedAsync(User, IntegrationPermissions.ExchangesRead);
        CanCheck = await permissions.IsGrantedAsync(User, IntegrationPermissions.SandboxManage);
    }

    /// <summary>Runs the hourly connection check now (system administrators).</summary>
    public async Task<IActionResult> OnPostCheckAsync([FromServices] ConnectionHealthChecker checker, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, IntegrationPermissions.SandboxManage))
        {
            return Forbid();
        }

        var checks = await checker.RunAsync(ct);
        Notice = T["Integration.Checked", checks.Count, checks.Count(c => c.Healthy)];
        return RedirectToPage();
    }
}
