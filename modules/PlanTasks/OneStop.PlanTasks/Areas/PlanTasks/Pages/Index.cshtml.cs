using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.Assignments;
using OneStop.PlanTasks.Features.Reports;

namespace OneStop.PlanTasks.Pages;

/// <summary>Overview of the tasks assigned in the acting unit's scope (the province sees every unit), 50 a page.</summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class IndexModel(AssignmentQueries assignments, ReportQueries reports, IPermissionChecker permissions, ICurrentScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Task { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    /// <summary>Lead agencies of the province with tasks in scope (empty below the province).</summary>
    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    public KeysetPage<AssignmentDto> Items { get; private set; } = new([], null);
    public int PendingReviews { get; private set; }
    public IReadOnlyList<PendingReportItem> ReviewQueue { get; private set; } = [];
    public string UnitName => scope.Unit.Name;

    public string Query(string? cursor = null) =>
        $"?phase={Uri.EscapeDataString(Phase ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&flag={Uri.EscapeDataString(Flag ?? "")}&task={Uri.EscapeDataString(Task ?? "")}&agency={Uri.EscapeDataString(Agency ?? "")}"
        + (cursor is null ? "" : "&cursor=" + cursor);

    public async System.Threading.Tasks.Task OnGetAsync(CancellationToken ct)
    {
        Items = await assignments.ListAsync(new AssignmentFilter(Phase, Status, Flag, string.IsNullOrWhiteSpace(Task) ? null : Task.Trim(), null, Agency), Cursor, 50, ct);
        Agencies = await assignments.LeadAgenciesAsync(ct);
        if (await permissions.IsGrantedAsync(User, PlanTasksPermissions.Review))
        {
            ReviewQueue = await reports.ReviewQueueAsync(200, ct);
            PendingReviews = ReviewQueue.Count;
        }
    }
}
