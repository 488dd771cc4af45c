using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Host.Pages.Units;

/// <summary>Units in the acting unit's scope, as an indented tree in path order, 100 a page.</summary>
[Permission(PlatformPermissions.UnitsRead)]
public sealed class IndexModel(PlatformDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<AdministrativeUnitInfo> Units { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct) =>
        Units = (await UnitsEndpoints.ListUnits(db, Level, null, Cursor, 100, ct)).Value!;
}
