using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Platform.Modules;
using OneStop.Platform.Permissions;

namespace OneStop.Counters.Pages;

/// <summary>The module's overview: its menu entries the person holds permissions for.</summary>
[Permission(CountersPermissions.Access)]
internal sealed class IndexModel(ModuleRegistry modules, IPermissionChecker permissions) : PageModel
{
    public bool CanReceive { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public IReadOnlyList<NavigationItem> Links { get; private set; } = [];

    public async Task OnGetAsync()
    {
        CanReceive = await permissions.IsGrantedAsync(User, CountersPermissions.DossiersReceive);
        var links = new List<NavigationItem>();
        foreach (var item in modules.Modules.OfType<CountersModule>().Single().Navigation.Where(n => n.Url != "/Counters"))
        {
            if (item.Permission is null || await permissions.IsGrantedAsync(User, item.Permission))
            {
                links.Add(item);
            }
        }

        Links = links;
    }
}
