using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.Plan;

namespace OneStop.PlanTasks.Features.PlanEditing;

/// <summary>Plans, task groups and tasks: read with PlanTasks.Access, written with PlanTasks.Plan.Manage.</summary>
internal static class PlanEditingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/plans");
        plans.MapGet("/", async (PlanEditor editor, CancellationToken ct) => TypedResults.Ok(await editor.ListAsync(ct)))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Các kế hoạch: số, trích yếu, giai đoạn, trạng thái hôm nay");
        plans.MapGet("/agencies", async (PlanEditor editor, CancellationToken ct) => TypedResults.Ok(await editor.AgencyOptionsAsync(ct)))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Cơ quan chủ trì, phối hợp có thể chọn");
        plans.MapGet("/{id:guid}", GetPlan).RequirePermission(PlanTasksPermissions.Access).WithSummary("Một kế hoạch với nhóm nhiệm vụ và nhiệm vụ");
        plans.MapPost("/", CreatePlan).RequirePermission(PlanTasksPermissions.ManagePlan).Validate<PlanRequest>().WithIdempotency()
            .WithSummary("Thêm kế hoạch");
        plans.MapPut("/{id:guid}", async (PlanEditor editor, Guid id, PlanRequest request, CancellationToken ct) => TypedResults.Ok(await editor.UpdatePlanAsync(id, request, ct)))
            .RequirePermission(PlanTasksPermissions.ManagePlan).Validate<PlanRequest>().WithSummary("Sửa kế hoạch");
        plans.MapDelete("/{id:guid}", async (PlanEditor editor, Guid id, CancellationToken ct) =>
            {
                await editor.DeletePlanAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlanTasksPermissions.ManagePlan).WithSummary("Xóa kế hoạch chưa có nhóm nhiệm vụ");
        plans.MapPost("/{id:guid}/groups", AddGroup).RequirePermission(PlanTasksPermissions.ManagePlan).Validate<GroupRequest>().WithIdempotency()
            .WithSummary("Thêm nhóm nhiệm vụ");

        var groups = api.MapGroup("/plan-groups");
        groups.MapPut("/{id:guid}", async (PlanEditor editor, Guid id, GroupRequest request, CancellationToken ct) => TypedResults.Ok(await editor.RenameGroupAsync(id, request, ct)))
            .RequirePermission(PlanTasksPermissions.ManagePlan).Validate<GroupRequest>().WithSummary("Sửa tên nhóm nhiệm vụ");
        groups.MapPost("/{id:guid}/move", async (PlanEditor editor, Guid id, MoveRequest request, CancellationToken ct) =>
            {
                await editor.MoveGroupAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlanTasksPermissions.ManagePlan).Validate<MoveRequest>().WithSummary("Chuyển nhóm nhiệm vụ lên, xuống");
        groups.MapDelete("/{id:guid}", async (PlanEditor editor, Guid id, CancellationToken ct) =>
            {
                await editor.DeleteGroupAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlanTasksPermissions.ManagePlan).WithSummary("Xóa nhóm nhiệm vụ chưa có nhiệm vụ");
        groups.MapPost("/{id:guid}/tasks", AddTask).RequirePermission(PlanTasksPermissions.ManagePlan).Validate<TaskRequest>().WithIdempotency()
            .WithSummary("Thêm nhiệm vụ vào nhóm");

        var tasks = api.MapGroup("/plan-tasks");
        tasks.MapPut("/{id:guid}", async (PlanEditor editor, Guid id, TaskRequest request, CancellationToken ct) => TypedResults.Ok(await editor.UpdateTaskAsync(id, request, ct)))
            .RequirePermission(PlanTasksPermissions.ManagePlan).Validate<TaskRequest>().WithSummary("Sửa nhiệm vụ");
        tasks.MapPost("/{id:guid}/move", async (PlanEditor editor, Guid id, MoveRequest request, CancellationToken ct) =>
            {
                await editor.MoveTaskAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlanTasksPermissions.ManagePlan).Validate<MoveRequest>().WithSummary("Chuyển nhiệm vụ lên, xuống");
        tasks.MapDelete("/{id:guid}", async (PlanEditor editor, Guid id, CancellationToken ct) =>
            {
                await editor.DeleteTaskAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlanTasksPermissions.ManagePlan).WithSummary("Xóa nhiệm vụ chưa giao cho đơn vị nào");
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlan(PlanQueries queries, Guid id, CancellationToken ct) =>
        await queries.GetPlanAsync(id, ct) is { } plan
            ? TypedResults.Ok(plan)
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.PlanNotFound, 404));

    private static async Task<Created<PlanSummaryDto>> CreatePlan(PlanEditor editor, PlanRequest request, CancellationToken ct)
    {
        var plan = await editor.CreatePlanAsync(request, ct);
        return TypedResults.Created($"/api/v1/plantasks/plans/{plan.Id}", plan);
    }

    private static async Task<Created<GroupSummaryDto>> AddGroup(PlanEditor editor, Guid id, GroupRequest request, CancellationToken ct)
    {
        var group = await editor.AddGroupAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/plantasks/plans/{id}", group);
    }

    private static async Task<Created<TaskDto>> AddTask(PlanEditor editor, Guid id, TaskRequest request, CancellationToken ct)
    {
        var task = await editor.AddTaskAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/plantasks/tasks/{task.Id}", task);
    }
}
