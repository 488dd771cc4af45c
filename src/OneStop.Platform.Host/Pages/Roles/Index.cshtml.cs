using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Modules;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Pages.RoleMatrix;

/// <summary>The roles × permissions matrix, grouped by module; system admins change it and add custom roles.</summary>
[Permission(PlatformPermissions.UsersManage)]
internal sealed class IndexModel(PeopleAdministration people, ModuleRegistry modules, IPermissionChecker permissions) : PageModel
{
    [BindProperty] public List<string> Grants { get; set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? DisplayNameVi { get; set; }
    [BindProperty] public string? DisplayNameEn { get; set; }
    [BindProperty] public int Rank { get; set; } = 20;

    public IReadOnlyList<RoleDto> Roles { get; private set; } = [];
    public IReadOnlyList<IGrouping<string, PermissionDefinition>> Groups { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlatformPermissions.RolesManage))
        {
            return Forbid();
        }

        try
        {
            var wanted = Grants.Select(g => g.Split('|', 2)).Where(g => g.Length == 2).ToLookup(g => g[0], g => g[1]);
            foreach (var role in await people.RolesAsync(ct))
            {
                var permissionsOfRole = wanted[role.Name].Order(StringComparer.Ordinal).ToList();
                if (!permissionsOfRole.SequenceEqual(role.Permissions))
                {
                    await people.SetPermissionsAsync(role.Name, permissionsOfRole!, ct);
                }
            }

            Done = "Roles.Saved";
            return RedirectToPage();
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlatformPermissions.RolesManage))
        {
            return Forbid();
        }

        var request = new CreateRoleRequest(Name ?? "", DisplayNameVi ?? "", DisplayNameEn, Rank);
        Error = string.Join(" ", Validation.Failures(HttpContext.RequestServices, request).Select(e => e.Message));
        if (Error.Length == 0)
        {
            try
            {
                await people.CreateRoleAsync(request, ct);
                Done = "Roles.Created";
                return RedirectToPage();
            }
            catch (PlatformException e)
            {
                Error = e.Message;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Roles = await people.RolesAsync(ct);
        Groups = modules.AllPermissions.DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal).GroupBy(p => p.Name.Split('.')[0]).ToList();
        CanEdit = await permissions.IsGrantedAsync(User, PlatformPermissions.RolesManage);
    }
}
