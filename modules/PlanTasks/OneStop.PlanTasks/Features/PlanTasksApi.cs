using Microsoft.EntityFrameworkCore;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features;

/// <summary>The module's face to other modules (<see cref="IPlanTasksApi"/>).</summary>
internal sealed class PlanTasksApi(PlanTasksDbContext db, IAdministrativeUnitDirectory units) : IPlanTasksApi
{
    public async Task<Guid> RaiseImprovementTaskAsync(ImprovementTaskRequest request, CancellationToken ct = default)
    {
        var code = "kpi:" + request.Key;
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Code == code, ct);
        if (task is null)
        {
            task = new PlanTask(null, code, request.Title, new Deadline(CompletionKinds.Month, request.DueOn.Year, request.DueOn.Month, null,
                $"Tháng {request.DueOn.Month} năm {request.DueOn.Year}"), "Chỉ tiêu được khắc phục", 0)
            {
                KpiTargets = [request.KpiTargetKey], Origin = "kpi:" + request.KpiTargetKey,
            };
            db.Tasks.Add(task);
        }

        var unit = await units.FindAsync(request.UnitId, ct)
            ?? throw new PlatformException(PlanTasksErrorCodes.UnitNotFound, 404) { MessageCode = PlanTasksMessages.UnitUnknown };
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.PlanTaskId == task.Id && a.UnitId == unit.Id, ct);
        if (assignment is null)
        {
            assignment = new TaskAssignment(task, unit.Id, unit.Path, unit.Name, null, AssignmentRoles.Lead, request.DueOn);
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync(ct);
        }

        return assignment.Id;
    }
}
