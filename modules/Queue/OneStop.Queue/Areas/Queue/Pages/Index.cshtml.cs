using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Features;
using OneStop.Queue.Features.Measurement;
using OneStop.Platform.Permissions;

namespace OneStop.Queue.Pages;

/// <summary>
/// Hàng đợi — the leader's board: live queue length and longest wait per desk (refreshed every few seconds), waiting
/// and service times by desk, counter, field or day over a period, against the plan's 15-minute target.
/// </summary>
[Permission(QueuePermissions.Read)]
internal sealed class IndexModel(QueueStats stats, TimeProvider clock, IPermissionChecker permissions) : PageModel
{
    public const double TargetMinutes = 15;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    public IReadOnlyList<LiveDesk> Live { get; private set; } = [];
    public IReadOnlyList<StatsRow> Rows { get; private set; } = [];

    /// <summary>May create desks: with none yet, the page says to start there.</summary>
    public bool CanManage { get; private set; }
    /// <summary>Only those who serve at a counter see the counter console (others would meet a refusal).</summary>
    public bool CanServe { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = QueueTime.DayOf(clock.GetUtcNow());
        From ??= today;
        To ??= today;
        if (From > To)
        {
            (From, To) = (To, From);
        }

        By = StatsGroupings.All.Contains(By) ? By : StatsGroupings.Desk;
        Live = await stats.LiveAsync(ct);
        CanManage = Live.Count == 0 && await permissions.IsGrantedAsync(User, QueuePermissions.Manage);
        CanServe = await permissions.IsGrantedAsync(User, QueuePermissions.Serve);
        Rows = await stats.StatsAsync(From.Value, To.Value, By!, ct);
    }

    /// <summary>The live table alone, for htmx polling.</summary>
    public async Task<IActionResult> OnGetLiveAsync(CancellationToken ct)
    {
        Live = await stats.LiveAsync(ct);
        return Partial("_LiveTable", this);
    }
}
