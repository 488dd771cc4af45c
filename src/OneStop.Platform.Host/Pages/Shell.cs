using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Identity;
using OneStop.Platform.Modules;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Host.Pages;

/// <param name="Count">What waits behind the entry for this person (a work queue), shown as a badge; null for none.</param>
public sealed record ShellLink(string Title, string Url, string Icon, int? Count = null);

/// <summary>
/// One entry of the menu bar: a module's links under its name (a dropdown) when it offers more than one, else the link
/// itself — so the bar holds one entry per module and fits a 1280 px screen in two rows.
/// </summary>
public sealed record ShellMenuGroup(string Title, string Icon, IReadOnlyList<ShellLink> Links);

public sealed record ShellUnit(Guid Id, string Name, bool IsActing);

public sealed record ShellSearch(string Url, string Placeholder);

public sealed record ShellModel(string? FullName, string? UnitName, IReadOnlyList<ShellLink> Links, IReadOnlyList<ShellUnit> Units, bool IsEnglish)
{
    /// <summary>The header search box, when a module offers one this person may use.</summary>
    public ShellSearch? Search { get; init; }

    /// <summary><see cref="Links"/> grouped per module for the menu bar.</summary>
    public IReadOnlyList<ShellMenuGroup> Menu { get; init; } = [];
}

/// <summary>What the layout shows a person: menu entries they hold permissions for, and the units they may act for.</summary>
public sealed class ShellService(
    ModuleRegistry modules, IPermissionChecker permissions, PlatformDbContext db, IEnumerable<ShellSearchBox> searchBoxes, IEnumerable<IMenuCounter> counters, TimeProvider clock,
    OneStop.Platform.Scoping.ICurrentScope scope, Microsoft.Extensions.Localization.IStringLocalizer<ShellService> localizer)
{
    private ShellModel? _model; // scoped: one computation per request (the layout and a page may both ask)

    public async Task<ShellModel> GetAsync(ClaimsPrincipal user) => _model ??= await BuildAsync(user);

    private async Task<ShellModel> BuildAsync(ClaimsPrincipal user)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        if (user.Identity?.IsAuthenticated != true)
        {
            return new ShellModel(null, null, [], [], english);
        }

        var menu = new List<ShellMenuGroup>();
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var counter in counters)
        {
            foreach (var (url, count) in await counter.CountsAsync(user))
            {
                counts[url] = count;
            }
        }

        foreach (var module in modules.Modules)
        {
            var moduleLinks = new List<ShellLink>();
            foreach (var item in module.Navigation)
            {
                if (item.Permission is null || await permissions.IsGrantedAsync(user, item.Permission))
                {
                    moduleLinks.Add(new(english ? item.TitleEn : item.TitleVi, item.Url, item.Icon, counts.TryGetValue(item.Url, out var n) ? n : null));
                }
            }

            if (moduleLinks.Count > 0)
            {
                menu.Add(moduleLinks.Count == 1
                    ? Single(moduleLinks[0])
                    : new(english ? module.DisplayNameEn : module.DisplayNameVi, moduleLinks[0].Icon, moduleLinks));
            }
        }

        // The units join the administration group: with the queue a module of its own, an admin's menu needs one entry
        // fewer to hold two rows at 1280 px. Whoever sees only the units still gets them as one entry.
        var administration = new List<ShellLink>();
        if (await permissions.IsGrantedAsync(user, PlatformPermissions.UnitsRead))
        {
            administration.Add(new(english ? "Administrative units" : "Đơn vị hành chính", "/Units", "bi-diagram-2"));
        }

        if (await permissions.IsGrantedAsync(user, PlatformPermissions.UsersManage))
        {
            administration.Add(new(english ? "People" : "Người dùng", "/People", "bi-people"));
        }

        if (await permissions.IsGrantedAsync(user, PlatformPermissions.DeliveryManage))
        {
            administration.Add(new(english ? "Dead letters" : "Hàng đợi lỗi", "/Delivery", "bi-exclamation-octagon"));
        }

        if (await permissions.IsGrantedAsync(user, PlatformPermissions.JobsDashboard))
        {
            administration.Add(new(english ? "Background jobs" : "Tác vụ nền", "/jobs", "bi-gear"));
        }

        if (administration.Count > 0)
        {
            menu.Add(administration.Count == 1 ? Single(administration[0]) : new(localizer["App.MenuAdministration"].Value, "bi-sliders", administration));
        }

        var links = menu.SelectMany(g => g.Links).ToList();

        ShellSearch? search = null;
        foreach (var box in searchBoxes)
        {
            if (await permissions.IsGrantedAsync(user, box.Permission))
            {
                search = new ShellSearch(box.Url, english ? box.PlaceholderEn : box.PlaceholderVi);
                break;
            }
        }

        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        // The acting unit as the request's scope has it (renamed, or the successor of a unit retired since sign-in).
        var acting = scope.Unit.UnitId != Guid.Empty ? scope.Unit.UnitId.ToString() : user.FindFirstValue(PlatformClaims.UnitId);
        var units = await (from m in db.UnitMemberships.IgnoreQueryFilters()
                           join u in db.AdministrativeUnits.IgnoreQueryFilters() on m.UnitId equals u.Id
                           where m.UserId == userId
                           orderby u.Path
                           select new { u.Id, u.Name, m.ValidFrom, m.ValidTo }).ToListAsync();
        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        units = units.Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today)).ToList();
        // Someone who works for one agency of the unit sees it beside the unit: "Tỉnh Hải Dương · Sở Thông tin và Truyền thông".
        var unitName = scope.Unit.UnitId != Guid.Empty && scope.Unit.Name.Length > 0 ? scope.Unit.Name : user.FindFirstValue(PlatformClaims.UnitName);
        return new ShellModel(
            user.FindFirstValue(PlatformClaims.FullName) ?? user.Identity.Name,
            user.FindFirstValue(PlatformClaims.AgencyName) is { } agency ? $"{unitName} · {agency}" : unitName,
            links,
            units.Select(u => new ShellUnit(u.Id, u.Name, u.Id.ToString() == acting)).ToList(),
            english) { Search = search, Menu = menu };
    }

    private static ShellMenuGroup Single(ShellLink link) => new(link.Title, link.Icon, [link]);
}
