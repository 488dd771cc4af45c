using Microsoft.EntityFrameworkCore;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features.Deadlines;

/// <summary>
/// Quét hạn nhiệm vụ: flags overdue (quá hạn) and due-soon (sắp đến hạn, within <see cref="DueSoonDays"/>) assignments.
/// An idempotent scanner of database state: it recomputes the flags from due dates and statuses and writes only real
/// changes, so running it twice (or after a lost run) gives the same result. Runs unrestricted as a recurring job.
/// </summary>
internal sealed class DeadlineScanner(PlanTasksDbContext db, TimeProvider clock)
{
    public const string JobId = "plantasks-deadline-scan";
    public const int DueSoonDays = 30;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var changed = 0;
        // Only assignments with a due date can be late; "Thường xuyên" and "theo hướng dẫn" tasks have none.
        foreach (var assignment in await db.Assignments.Where(a => a.DueOn != null || a.IsOverdue || a.IsDueSoon).ToListAsync(ct))
        {
            if (assignment.Flag(today, DueSoonDays))
            {
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }
}
