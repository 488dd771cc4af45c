using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Host.Pages;

/// <summary>Home page per role: the acting unit at a glance and the entry points of that role's daily work.</summary>
public sealed class IndexModel(PlatformDbContext db, ICurrentScope scope, ShellService shell, TimeProvider clock) : PageModel
{
    public UnitSummary Summary { get; private set; } = null!;
    public string FullName { get; private set; } = "";
    public IReadOnlyList<ShellLink> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = (await UnitsEndpoints.Summary(db, scope, clock, ct)).Value!;
        FullName = User.FindFirst(PlatformClaims.FullName)?.Value ?? User.Identity?.Name ?? "";
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var roleTasks = new List<ShellLink>();
        if (User.IsInRole(Roles.DeskOfficer) || User.IsInRole(Roles.PostalAgent))
        {
            roleTasks.Add(new(english ? "Receive a dossier" : "Tiếp nhận hồ sơ", "/Counters", "bi-inbox"));
        }

        if (User.IsInRole(Roles.Specialist))
        {
            roleTasks.Add(new(english ? "Dossiers to process" : "Hồ sơ cần xử lý", "/Counters", "bi-list-task"));
        }

        if (User.IsInRole(Roles.ProvincialLeader) || User.IsInRole(Roles.UnitLeader))
        {
            roleTasks.Add(new(english ? "KPI cockpit" : "Bảng điều hành chỉ tiêu", "/Evaluation", "bi-speedometer2"));
            roleTasks.Add(new(english ? "Plan tasks" : "Nhiệm vụ kế hoạch", "/PlanTasks", "bi-list-check"));
        }

        if (User.IsInRole(Roles.Inspector))
        {
            roleTasks.Add(new(english ? "Inspections" : "Kiểm tra", "/PlanTasks", "bi-clipboard-check"));
        }

        if (User.IsInRole(Roles.SystemAdmin))
        {
            roleTasks.Add(new(english ? "Background jobs" : "Tác vụ nền", "/jobs", "bi-gear"));
            roleTasks.Add(new(english ? "API reference" : "Tài liệu API", "/scalar", "bi-braces"));
        }

        // Only entries the menu also offers (the person holds the permission), plus role-only entries outside modules.
        var allowed = (await shell.GetAsync(User)).Links.Select(l => l.Url).ToHashSet();
        Tasks = roleTasks.Where(t => allowed.Contains(t.Url) || t.Url == "/scalar").ToList();
    }
}
