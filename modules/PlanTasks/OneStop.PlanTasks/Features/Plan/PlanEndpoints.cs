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

internal sealed record PlanDto(string Code, string Title, string Issuer, string IssuedOn, IReadOnlyList<PhaseDto> Phases);
internal sealed record PhaseDto(string Code, string Title, int StartYear, int EndYear, IReadOnlyList<GroupDto> Groups);
internal sealed record GroupDto(string Code, string Letter, string Title, IReadOnlyList<TaskDto> Tasks);
internal sealed record DeadlineDto(string Kind, int? Year, int? Month, int? Quarter, string Text);
internal sealed record TaskDto(
    Guid Id, string Code, string Title, IReadOnlyList<string> Leads, string LeadText, IReadOnlyList<string> Coordinators,
    string CoordinatorText, DeadlineDto Completion, string Products, IReadOnlyList<string> KpiTargets, string? Origin)
{
    public static TaskDto From(PlanTask t) => new(t.Id, t.Code, t.Title, t.Leads, t.LeadText, t.Coordinators, t.CoordinatorText,
        new DeadlineDto(t.Completion.Kind, t.Completion.Year, t.Completion.Month, t.Completion.Quarter, t.Completion.Text), t.Products, t.KpiTargets, t.Origin);
}

/// <summary>The plan as data: phases → task groups → tasks. Plan data is province-wide (the text is public); assignments are scoped.</summary>
internal sealed class PlanQueries(PlanTasksDbContext db)
{
    public async Task<PlanDto?> GetPlanAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().OrderBy(p => p.Code).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.Order).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Order).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.GroupId != null).OrderBy(t => t.Order).ToListAsync(ct);
        return new PlanDto(plan.Code, plan.Title, plan.Issuer, plan.IssuedOn, phases.Select(p => new PhaseDto(p.Code, p.Title, p.StartYear, p.EndYear,
            groups.Where(g => g.PhaseId == p.Id).Select(g => new GroupDto(g.Code, g.Letter, g.Title,
                tasks.Where(t => t.GroupId == g.Id).Select(TaskDto.From).ToList())).ToList())).ToList());
    }
}

internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/plan", GetPlan).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Kế hoạch: giai đoạn, nhóm công việc, nhiệm vụ");
        api.MapGet("/tasks/{id:guid}", GetTask).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Một nhiệm vụ của kế hoạch");
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlan(PlanQueries queries, CancellationToken ct) =>
        await queries.GetPlanAsync(ct) is { } plan
            ? TypedResults.Ok(plan)
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.TaskNotFound, Messages.Text(PlanTasksMessages.NoPlan), 404));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetTask(PlanTasksDbContext db, Guid id, CancellationToken ct) =>
        await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } task
            ? TypedResults.Ok(TaskDto.From(task))
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.TaskNotFound, 404));
}
