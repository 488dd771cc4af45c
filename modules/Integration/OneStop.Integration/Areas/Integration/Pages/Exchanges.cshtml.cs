using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Exchanges;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;

namespace OneStop.Integration.Pages;

[Permission(IntegrationPermissions.ExchangesRead)]
internal sealed class ExchangesModel(IntegrationDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? System { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<ExchangeDto> Exchanges { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct) => Exchanges = (await ExchangeLog.List(db, System, Cursor, 50, ct)).Value!;
}
