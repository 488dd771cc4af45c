using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Exchanges;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;

namespace OneStop.Integration.Pages;

[Permission(IntegrationPermissions.ExchangesRead)]
internal sealed class ExchangesModel(IntegrationDbContext db, IPeopleDirectory people) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? System { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<ExchangeDto> Exchanges { get; private set; } = new([], null);
    /// <summary>Full names of the officers on the page (an API client keeps its id).</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Exchanges = (await ExchangeLog.List(db, System, Cursor, 50, ct)).Value!;
        Names = await people.NamesAsync(Exchanges.Items.Select(x => x.ActorName), ct);
    }
}
