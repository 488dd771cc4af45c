using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features.Plan;

internal sealed record PlanDto(
    Guid Id, string Code, string Number, string Title, string Issuer, string IssuedOn, string Signer, int StartYear, int EndYear,
    string Status, string StatusToday, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, IReadOnlyList<PhaseDto> Phases);
internal sealed record PhaseDto(Guid Id, string Code, string Title, int StartYear, int EndYear, IReadOnlyList<GroupDto> Groups);
internal sealed record GroupDto(Guid Id, string Code, string Letter, string Title, IReadOnlyList<TaskDto> Tasks);
internal sealed record DeadlineDto(string Kind, int? Year, int? Month, int? Quarter, string Text, int? Day = null);
internal sealed record TaskDto(
    Guid Id, string Code, string Title, IReadOnlyList<string> Leads, string LeadText, IReadOnlyList<string> Coordinators,
    string CoordinatorText, DeadlineDto Completion, string Products, IReadOnlyList<string> KpiTargets, string? Origin)
{
    public static TaskDto From(PlanTask t) => new(t.Id, t.Code, t.Title, t.Leads, t.LeadText, t.Coordinators, t.CoordinatorText,
        new DeadlineDto(t.Completion.Kind, t.Completion.Year, t.Completion.Month, t.Completion.Quarter, t.Completion.Text, t.Completion.Day), t.Products, t.KpiTargets, t.Origin);
}

/// <summary>
/// A plan as data: phases → task groups → tasks. Plan data is province-wide (the text is public); assignments are
/// scoped. Several plans coexist: without an id, the plan in force today, else the latest one.
/// </summary>
internal sealed class PlanQueries(PlanTasksDbContext db, TimeProvider clock)
{
    public async Task<PlanDto?> GetPlanAsync(CancellationToken ct) => await GetPlanAsync(null, ct);

    public async Task<PlanDto?> GetPlanAsync(Guid? id, CancellationToken ct)
    {
        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        var plans = await db.Plans.AsNoTracking().Where(p => id == null || p.Id == id).ToListAsync(ct);
        var plan = id is not null ? plans.FirstOrDefault()
            : plans.Where(p => p.IsInForceOn(today)).OrderByDescending(p => p.StartYear).FirstOrDefault()
              ?? plans.Where(p => p.Status != PlanStatuses.Draft).OrderByDescending(p => p.StartYear).FirstOrDefault()
              ?? plans.OrderByDescending(p => p.StartYear).FirstOrDefault();
        if (plan is null)
        {
            return null;
        }

        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.Order).ToListAsync(ct);
        var phaseIds = phases.Select(p => p.Id).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => phaseIds.Contains(g.PhaseId)).OrderBy(g => g.Order).ToListAsync(ct);
        var groupIds = groups.Select(g => (Guid?)g.Id).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => groupIds.Contains(t.GroupId)).OrderBy(t => t.Order).ToListAsync(ct);
        return new PlanDto(plan.Id, plan.Code, plan.Number, plan.Title, plan.Issuer, plan.IssuedOn, plan.Signer, plan.StartYear, plan.EndYear,
            plan.Status, plan.StatusOn(today), plan.EffectiveFrom, plan.EffectiveTo,
            phases.Select(p => new PhaseDto(p.Id, p.Code, p.Title, p.StartYear, p.EndYear,
                groups.Where(g => g.PhaseId == p.Id).Select(g => new GroupDto(g.Id, g.Code, g.Letter, g.Title,
                    tasks.Where(t => t.GroupId == g.Id).Select(TaskDto.From).ToList())).ToList())).ToList());
    }
}

internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/plan", GetPlan).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Kế hoạch (đang có hiệu lực, hoặc theo id): giai đoạn, nhóm công việc, nhiệm vụ");
        api.MapGet("/tasks/{id:guid}", GetTask).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Một nhiệm vụ của kế hoạch");
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlan(PlanQueries queries, Guid? id, CancellationToken ct) =>
        await queries.GetPlanAsync(id, ct) is { } plan
            ? TypedResults.Ok(plan)
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.TaskNotFound, Messages.Text(PlanTasksMessages.NoPlan), 404));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetTask(PlanTasksDbContext db, Guid id, CancellationToken ct) =>
        await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } task
            ? TypedResults.Ok(TaskDto.From(task))
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.TaskNotFound, 404));
}
