using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Identity;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.PlanTasks.Contracts;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Host.Pages;

/// <summary>Home page per role: the acting unit at a glance and the entry points of that role's daily work.</summary>
public sealed class IndexModel(PlatformDbContext db, ICurrentScope scope, IPermissionChecker permissions, TimeProvider clock) : PageModel
{
    public UnitSummary Summary { get; private set; } = null!;
    public string FullName { get; private set; } = "";
    public IReadOnlyList<ShellLink> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = (await UnitsEndpoints.Summary(db, scope, clock, ct)).Value!;
        FullName = User.FindFirst(PlatformClaims.FullName)?.Value ?? User.Identity?.Name ?? "";
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        // Each tile goes where the work is and is shown only with the permission its page demands (no tile to a 403).
        var roleTasks = new List<(ShellLink Link, string? Permission)>();
        if (User.IsInRole(Roles.DeskOfficer) || User.IsInRole(Roles.PostalAgent))
        {
            roleTasks.Add((new(english ? "Receive a dossier" : "Tiếp nhận hồ sơ", "/Counters/Dossiers/Intake", "bi-inbox"), CountersPermissions.DossiersReceive));
        }

        if (User.IsInRole(Roles.Specialist))
        {
            roleTasks.Add((new(english ? "Dossiers to process" : "Hồ sơ cần xử lý", "/Counters/Dossiers", "bi-list-task"), CountersPermissions.DossiersRead));
        }

        if (User.IsInRole(Roles.ProvincialLeader) || User.IsInRole(Roles.UnitLeader))
        {
            roleTasks.Add((new(english ? "KPI cockpit" : "Bảng điều hành chỉ tiêu", "/Evaluation", "bi-speedometer2"), EvaluationPermissions.Cockpit));
            roleTasks.Add((new(english ? "Plan tasks" : "Nhiệm vụ kế hoạch", "/PlanTasks", "bi-list-check"), PlanTasksPermissions.Access));
        }

        if (User.IsInRole(Roles.Inspector))
        {
            roleTasks.Add((new(english ? "Inspections" : "Kiểm tra", "/PlanTasks/Inspections", "bi-clipboard-check"), PlanTasksPermissions.Access));
        }

        if (User.IsInRole(Roles.UnitAdmin))
        {
            roleTasks.Add((new(english ? "People" : "Người dùng", "/People", "bi-people"), PlatformPermissions.UsersManage));
        }

        if (User.IsInRole(Roles.SystemAdmin))
        {
            roleTasks.Add((new(english ? "Background jobs" : "Tác vụ nền", "/jobs", "bi-gear"), PlatformPermissions.JobsDashboard));
            roleTasks.Add((new(english ? "API reference" : "Tài liệu API", "/scalar", "bi-braces"), null));
        }

        var tasks = new List<ShellLink>();
        foreach (var (link, permission) in roleTasks)
        {
            if (permission is null || await permissions.IsGrantedAsync(User, permission))
            {
                tasks.Add(link);
            }
        }

        Tasks = tasks;
    }
}
