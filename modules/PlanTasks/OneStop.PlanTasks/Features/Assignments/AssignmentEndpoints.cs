using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features.Assignments;

internal sealed record AssignmentDto(
    Guid Id, Guid TaskId, string TaskCode, string TaskTitle, string CompletionText, Guid UnitId, string UnitPath, string UnitName,
    string? AgencyCode, string Role, string Status, int Percent, DateOnly? DueOn, bool IsOverdue, bool IsDueSoon);

/// <param name="Agency">Lead agency code at the province (e.g. <c>STTTT</c>): a department's own tasks.</param>
internal sealed record AssignmentFilter(string? Phase = null, string? Status = null, string? Flag = null, string? Task = null, Guid? UnitId = null, string? Agency = null);

/// <summary>A lead agency that has assignments in scope, for the overview's filter.</summary>
internal sealed record AgencyOption(string Code, string Name);

internal sealed record AssignTaskRequest(Guid TaskId, Guid UnitId);

internal sealed class AssignTaskRequestValidator : AbstractValidator<AssignTaskRequest>
{
    public AssignTaskRequestValidator()
    {
        RuleFor(r => r.TaskId).NotEmpty().WithErrorCode(PlanTasksMessages.AssignTaskRequired);
        RuleFor(r => r.UnitId).NotEmpty().WithErrorCode(PlanTasksMessages.AssignUnitRequired);
    }
}

/// <summary>
/// Assignments in the caller's scope (a commune sees its own, a district its own and its communes', the province all).
/// Overdue (quá hạn) and due-soon are read from the due date, the status and today, not from the nightly scanner's
/// flags: an assignment made or done since the last scan is already right.
/// </summary>
internal sealed class AssignmentQueries(PlanTasksDbContext db, TimeProvider clock)
{
    public const int DueSoonDays = Deadlines.DeadlineScanner.DueSoonDays;

    public async Task<KeysetPage<AssignmentDto>> ListAsync(AssignmentFilter filter, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<string>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.Assignments.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Phase))
        {
            query = query.Where(a => a.Task.Code.StartsWith(filter.Phase + "."));
        }

        if (!string.IsNullOrEmpty(filter.Task))
        {
            query = query.Where(a => a.Task.Code == filter.Task);
        }

        if (!string.IsNullOrEmpty(filter.Status))
        {
            query = query.Where(a => a.Status == filter.Status);
        }

        if (filter.UnitId is { } unit)
        {
            query = query.Where(a => a.UnitId == unit);
        }

        if (!string.IsNullOrEmpty(filter.Agency))
        {
            query = query.Where(a => a.AgencyCode == filter.Agency);
        }

        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        var soon = today.AddDays(DueSoonDays);
        query = filter.Flag switch
        {
            "overdue" => query.Where(a => a.Status != TaskStatuses.Completed && a.DueOn != null && a.DueOn < today),
            "due-soon" => query.Where(a => a.Status != TaskStatuses.Completed && a.DueOn != null && a.DueOn >= today && a.DueOn <= soon),
            _ => query,
        };

        // Sort key: task code then unit path then id, as one string so the cursor stays a single value.
        var rows = await query.Select(a => new { a, Key = a.Task.Code + "|" + a.UnitPath + "|" + a.Id.ToString() })
            .Where(x => after == null || string.Compare(x.Key, after) > 0)
            .OrderBy(x => x.Key).Take(size + 1)
            .Select(x => new { x.Key, Dto = new AssignmentDto(x.a.Id, x.a.PlanTaskId, x.a.Task.Code, x.a.Task.Title, x.a.Task.Completion.Text, x.a.UnitId, x.a.UnitPath,
                x.a.UnitName, x.a.AgencyCode, x.a.Role, x.a.Status, x.a.Percent, x.a.DueOn,
                x.a.Status != TaskStatuses.Completed && x.a.DueOn != null && x.a.DueOn < today,
                x.a.Status != TaskStatuses.Completed && x.a.DueOn != null && x.a.DueOn >= today && x.a.DueOn <= soon) })
            .ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, x => x.Dto, r => r.Key);
    }

    public async Task<IReadOnlyList<AgencyOption>> LeadAgenciesAsync(CancellationToken ct) =>
        (await db.Assignments.AsNoTracking().Where(a => a.AgencyCode != null).Select(a => new { a.AgencyCode, a.UnitName }).Distinct().ToListAsync(ct))
        .Select(a => new AgencyOption(a.AgencyCode!, a.UnitName)).OrderBy(a => a.Name, OneStop.Platform.Localization.Vietnamese.Order).ToList();

    public Task<AssignmentDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        var soon = today.AddDays(DueSoonDays);
        return db.Assignments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AssignmentDto(a.Id, a.PlanTaskId, a.Task.Code, a.Task.Title, a.Task.Completion.Text, a.UnitId, a.UnitPath,
                a.UnitName, a.AgencyCode, a.Role, a.Status, a.Percent, a.DueOn,
                a.Status != TaskStatuses.Completed && a.DueOn != null && a.DueOn < today,
                a.Status != TaskStatuses.Completed && a.DueOn != null && a.DueOn >= today && a.DueOn <= soon))
            .FirstOrDefaultAsync(ct);
    }
}

/// <summary>
/// Giao nhiệm vụ cho đơn vị cấp dưới: a unit assigns a task to one of its sub-units (a district to its communes, the
/// province to any unit). Writing is only possible inside the caller's scope, so a district cannot assign elsewhere.
/// </summary>
internal sealed class AssignTaskHandler(PlanTasksDbContext db, IAdministrativeUnitDirectory units, ICurrentScope scope, TimeProvider clock)
{
    public async Task<AssignmentDto> HandleAsync(AssignTaskRequest request, CancellationToken ct)
    {
        // A department's officer reports on its own tasks; passing the unit's tasks down is for those who act for the unit.
        if (scope.Unit.AgencyCode is not null)
        {
            throw new PlatformException(PlanTasksErrorCodes.AssignOnlyForWholeUnit, 403);
        }

        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == request.TaskId, ct)
            ?? throw new PlatformException(PlanTasksErrorCodes.TaskNotFound, 404);
        var unit = await units.FindAsync(request.UnitId, ct);
        if (unit is null || !scope.Unit.Contains(unit.Path) || unit.Id == scope.Unit.UnitId)
        {
            throw new PlatformException(PlanTasksErrorCodes.UnitNotFound, 404) { MessageCode = PlanTasksMessages.AssignUnitOutOfScope };
        }

        var existing = await db.Assignments.FirstOrDefaultAsync(a => a.PlanTaskId == task.Id && a.UnitId == unit.Id && a.AgencyCode == null, ct);
        if (existing is null)
        {
            existing = new TaskAssignment(task, unit.Id, unit.Path, unit.Name, null, AssignmentRoles.Lead, task.Completion.DueOn(DateOnly.FromDateTime(clock.GetLocalNow().Date)));
            db.Assignments.Add(existing);
            await db.SaveChangesAsync(ct);
        }

        return new AssignmentDto(existing.Id, task.Id, task.Code, task.Title, task.Completion.Text, existing.UnitId, existing.UnitPath, existing.UnitName,
            existing.AgencyCode, existing.Role, existing.Status, existing.Percent, existing.DueOn, existing.IsOverdue, existing.IsDueSoon);
    }
}

internal static class AssignmentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/assignments");
        group.MapGet("/", List).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Nhiệm vụ được giao trong phạm vi (lọc theo giai đoạn, trạng thái, quá hạn, đơn vị, cơ quan chủ trì cấp tỉnh)");
        group.MapGet("/{id:guid}", Get).RequirePermission(PlanTasksPermissions.Access);
        group.MapPost("/", Assign).RequirePermission(PlanTasksPermissions.Report)
            .Validate<AssignTaskRequest>().WithIdempotency()
            .WithSummary("Giao nhiệm vụ cho đơn vị cấp dưới");
    }

    private static async Task<Ok<KeysetPage<AssignmentDto>>> List(
        AssignmentQueries queries, string? phase, string? status, string? flag, string? task, Guid? unitId, string? agency, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new AssignmentFilter(phase, status, flag, task, unitId, agency), cursor, pageSize, ct));

    private static async Task<Results<Ok<AssignmentDto>, ProblemHttpResult>> Get(AssignmentQueries queries, Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.AssignmentNotFound, 404));

    private static async Task<Created<AssignmentDto>> Assign(AssignTaskHandler handler, AssignTaskRequest request, CancellationToken ct)
    {
        var dto = await handler.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/plantasks/assignments/{dto.Id}", dto);
    }
}
