using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Dossiers;
using OneStop.Platform;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Pages.Dossiers;

/// <summary>Hồ sơ: every dossier in scope, my inbox (by due date), those waiting at my unit, the overdue ones.</summary>
[Permission(CountersPermissions.DossiersRead)]
internal sealed class IndexModel(DossierQueries queries, ICurrentScope scope, IPermissionChecker permissions, IPeopleDirectory people) : PageModel
{
    public static readonly string[] Views = ["all", "inbox", "unit", "overdue"];

    [BindProperty(SupportsGet = true)] public string View { get; set; } = "all";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<DossierListItem> Dossiers { get; private set; } = new([], null);
    public bool CanReceive { get; private set; }
    /// <summary>Full names of the page's assignees.</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = Views.Contains(View) ? View : "all";
        CanReceive = await permissions.IsGrantedAsync(User, CountersPermissions.DossiersReceive);
        Dossiers = View switch
        {
            "inbox" => await queries.InboxAsync(scope.ActorName, Cursor, 50, ct),
            "unit" => await queries.ListAsync(new DossierFilter(AtMyUnit: true, Text: Q), Cursor, 50, ct),
            "overdue" => await queries.ListAsync(new DossierFilter(Overdue: true, Text: Q), Cursor, 50, ct),
            _ => await queries.ListAsync(new DossierFilter(Status, null, Channel, null, Q), Cursor, 50, ct),
        };
        Names = await people.NamesAsync(Dossiers.Items.Select(d => d.AssignedTo), ct);
    }
}
