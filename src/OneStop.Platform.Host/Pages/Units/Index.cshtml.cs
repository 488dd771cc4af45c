using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Host.Pages.Units;

/// <summary>
/// Units in the acting unit's scope as an indented tree in path order, 100 a page, as they stood on a chosen day
/// (today by default) or all of them with their dates; and the change sets applied so far.
/// </summary>
[Permission(PlatformPermissions.UnitsRead)]
public sealed class IndexModel(PlatformDbContext db, TimeProvider clock, IPermissionChecker permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public KeysetPage<AdministrativeUnitInfo> Units { get; private set; } = new([], null);
    public IReadOnlyList<ReorganisationDto> Changes { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = (await UnitsEndpoints.ListUnits(db, clock, Level, null, Cursor, 100, On, All, ct)).Value!;
        Changes = (await db.Reorganisations.AsNoTracking().OrderByDescending(r => r.EffectiveOn).Take(20).ToListAsync(ct)).Select(ReorganisationDto.Of).ToList();
        CanManage = await permissions.IsGrantedAsync(User, PlatformPermissions.UnitsManage);
    }

    public string Query(string? cursor = null) =>
        $"?level={Level}" + (On is { } on ? $"&on={on:yyyy-MM-dd}" : "") + (All ? "&all=true" : "") + (cursor is null ? "" : "&cursor=" + cursor);
}
