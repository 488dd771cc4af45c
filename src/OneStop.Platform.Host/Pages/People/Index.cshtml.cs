using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Pages.People;

/// <summary>People in the administrator's units: filters, search without diacritics, 50 a page.</summary>
[Permission(PlatformPermissions.UsersManage)]
internal sealed class IndexModel(PeopleAdministration people, PeopleLookups lookups) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public KeysetPage<PersonDto> People { get; private set; } = new([], null);
    public IReadOnlyList<PeopleLookups.UnitOption> Units { get; private set; } = [];
    public IReadOnlyList<RoleDto> Roles { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var admin = await people.AdministratorAsync(User, ct);
        Units = await lookups.UnitsAsync(admin, ct);
        Roles = await people.RolesAsync(ct);
        try
        {
            People = await people.ListAsync(admin, UnitId, Role, Status, Q, Cursor, 50, ct);
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }
    }

    public string RoleName(string code, bool english) =>
        RoleDto.DisplayNameOf(Roles, code, english);
}
