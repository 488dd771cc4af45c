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

namespace OneStop.PlanTasks.Features.Inspections;

internal sealed record TeamDto(Guid Id, string Name, string DecisionNo, IReadOnlyList<string> Members);
internal sealed record FindingDto(Guid Id, string Text, Guid? FollowUpAssignmentId);
internal sealed record VisitDto(Guid Id, Guid TeamId, string TeamName, Guid UnitId, string UnitName, DateOnly VisitOn, string Summary, IReadOnlyList<FindingDto> Findings);

internal sealed record CreateTeamRequest(string Name, string DecisionNo, List<string> Members);

internal sealed class CreateTeamRequestValidator : AbstractValidator<CreateTeamRequest>
{
    public CreateTeamRequestValidator()
    {
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 256).WithErrorCode(PlanTasksMessages.TeamNameRequired);
        RuleFor(r => r.DecisionNo).Must(no => !string.IsNullOrWhiteSpace(no) && no.Length <= 64).WithErrorCode(PlanTasksMessages.DecisionNoRequired);
        RuleFor(r => r.Members).Must(members => members is { Count: > 0 } && !members.Any(string.IsNullOrWhiteSpace)).WithErrorCode(PlanTasksMessages.MembersRequired);
    }
}

internal sealed record CreateVisitRequest(Guid TeamId, Guid UnitId, DateOnly VisitOn, string Summary);

internal sealed class CreateVisitRequestValidator : AbstractValidator<CreateVisitRequest>
{
    public CreateVisitRequestValidator()
    {
        RuleFor(r => r.TeamId).NotEmpty().WithErrorCode(PlanTasksMessages.VisitTeamRequired);
        RuleFor(r => r.UnitId).NotEmpty().WithErrorCode(PlanTasksMessages.VisitUnitRequired);
        RuleFor(r => r.Summary).Must(summary => summary is { Length: <= 4000 }).WithErrorCode(PlanTasksMessages.VisitSummaryTooLong);
    }
}

internal sealed record AddFindingRequest(string Text, Guid? FollowUpTaskId);

internal sealed class AddFindingRequestValidator : AbstractValidator<AddFindingRequest>
{
    public AddFindingRequestValidator() =>
        RuleFor(r => r.Text).Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= 4000).WithErrorCode(PlanTasksMessages.FindingTextRequired);
}

/// <summary>Kiểm tra: teams (owned by the unit that sets them up), visits and findings (owned by the inspected unit).</summary>
internal sealed class InspectionHandler(PlanTasksDbContext db, IAdministrativeUnitDirectory units, ICurrentScope scope, TimeProvider clock)
{
    public async Task<KeysetPage<VisitDto>> ListVisitsAsync(string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        // Teams are the inspectors' own rows; the inspected unit still sees the team's name on its visit.
        var rows = await db.InspectionVisits.AsNoTracking().Include(v => v.Findings)
            .Where(v => after == null || v.Id < after).OrderByDescending(v => v.Id).Take(size + 1).ToListAsync(ct);
        var teamIds = rows.Select(r => r.TeamId).Distinct().ToList();
        var teams = await db.InspectionTeams.IgnoreQueryFilters(["Scope"]).AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return KeysetCursor.ToPage(rows, size, v => ToDto(v, teams.GetValueOrDefault(v.TeamId, "")), r => (Guid?)r.Id);
    }

    public async Task<IReadOnlyList<TeamDto>> ListTeamsAsync(CancellationToken ct) =>
        (await db.InspectionTeams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(t => new TeamDto(t.Id, t.Name, t.DecisionNo, t.Members)).ToList();

    public async Task<TeamDto> CreateTeamAsync(CreateTeamRequest request, CancellationToken ct)
    {
        var team = new InspectionTeam(request.Name.Trim(), request.DecisionNo.Trim(), request.Members.Select(m => m.Trim()).ToList());
        db.InspectionTeams.Add(team);
        await db.SaveChangesAsync(ct);
        return new TeamDto(team.Id, team.Name, team.DecisionNo, team.Members);
    }

    public async Task<VisitDto> CreateVisitAsync(CreateVisitRequest request, CancellationToken ct)
    {
        var team = await db.InspectionTeams.FirstOrDefaultAsync(t => t.Id == request.TeamId, ct)
            ?? throw new PlatformException(PlanTasksErrorCodes.TeamNotFound, 404);
        var unit = await units.FindAsync(request.UnitId, ct);
        if (unit is null || !scope.Unit.Contains(unit.Path))
        {
            throw new PlatformException(PlanTasksErrorCodes.UnitNotFound, 404) { MessageCode = PlanTasksMessages.InspectedUnitOutOfScope };
        }

        var visit = new InspectionVisit(team.Id, unit.Id, unit.Path, unit.Name, request.VisitOn, request.Summary?.Trim() ?? "");
        db.InspectionVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return ToDto(visit, team.Name);
    }

    /// <summary>A finding may name a plan task to follow up: the inspected unit is then assigned that task.</summary>
    public async Task<FindingDto> AddFindingAsync(Guid visitId, AddFindingRequest request, CancellationToken ct)
    {
        var visit = await db.InspectionVisits.FirstOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new PlatformException(PlanTasksErrorCodes.VisitNotFound, 404);
        Guid? followUp = null;
        if (request.FollowUpTaskId is { } taskId)
        {
            var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct)
                ?? throw new PlatformException(PlanTasksErrorCodes.TaskNotFound, 404) { MessageCode = PlanTasksMessages.FollowUpTaskNotFound };
            var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.PlanTaskId == task.Id && a.UnitId == visit.UnitId && a.AgencyCode == null, ct);
            if (assignment is null)
            {
                assignment = new TaskAssignment(task, visit.UnitId, visit.UnitPath, visit.UnitName, null, AssignmentRoles.Lead,
                    task.Completion.DueOn(DateOnly.FromDateTime(clock.GetLocalNow().Date)));
                db.Assignments.Add(assignment);
            }

            followUp = assignment.Id;
        }

        var finding = new InspectionFinding(visit, request.Text.Trim(), followUp);
        db.InspectionFindings.Add(finding);
        await db.SaveChangesAsync(ct);
        return new FindingDto(finding.Id, finding.Text, finding.FollowUpAssignmentId);
    }

    private static VisitDto ToDto(InspectionVisit v, string teamName) => new(v.Id, v.TeamId, teamName, v.UnitId, v.UnitName, v.VisitOn, v.Summary,
        v.Findings.Select(f => new FindingDto(f.Id, f.Text, f.FollowUpAssignmentId)).ToList());
}

internal static class InspectionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/inspections");
        group.MapGet("/teams", async (InspectionHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListTeamsAsync(ct)))
            .RequirePermission(PlanTasksPermissions.Inspect).WithSummary("Đoàn kiểm tra");
        group.MapPost("/teams", async (InspectionHandler h, CreateTeamRequest request, CancellationToken ct) =>
        {
            var dto = await h.CreateTeamAsync(request, ct);
            return TypedResults.Created($"/api/v1/plantasks/inspections/teams/{dto.Id}", dto);
        }).RequirePermission(PlanTasksPermissions.Inspect).Validate<CreateTeamRequest>().WithIdempotency().WithSummary("Thành lập đoàn kiểm tra");
        group.MapGet("/visits", async (InspectionHandler h, string? cursor, int? pageSize, CancellationToken ct) => TypedResults.Ok(await h.ListVisitsAsync(cursor, pageSize, ct)))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Cuộc kiểm tra trong phạm vi");
        group.MapPost("/visits", async (InspectionHandler h, CreateVisitRequest request, CancellationToken ct) =>
        {
            var dto = await h.CreateVisitAsync(request, ct);
            return TypedResults.Created($"/api/v1/plantasks/inspections/visits/{dto.Id}", dto);
        }).RequirePermission(PlanTasksPermissions.Inspect).Validate<CreateVisitRequest>().WithIdempotency().WithSummary("Ghi nhận cuộc kiểm tra tại đơn vị");
        group.MapPost("/visits/{id:guid}/findings", async (InspectionHandler h, Guid id, AddFindingRequest request, CancellationToken ct) =>
            TypedResults.Ok(await h.AddFindingAsync(id, request, ct)))
            .RequirePermission(PlanTasksPermissions.Inspect).Validate<AddFindingRequest>().WithSummary("Kết luận kiểm tra, nhiệm vụ khắc phục");
    }
}
