using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Localization;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;
using PlanEntity = OneStop.PlanTasks.Domain.Plan;

namespace OneStop.PlanTasks.Features.PlanEditing;

/// <summary>A plan in a list: its number, title, period and status on the day asked.</summary>
internal sealed record PlanSummaryDto(
    Guid Id, string Code, string Number, string Title, string Issuer, string IssuedOn, string Signer, int StartYear, int EndYear,
    string Status, string StatusToday, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, int Tasks)
{
    public static PlanSummaryDto From(PlanEntity p, DateOnly today, int tasks) => new(
        p.Id, p.Code, p.Number, p.Title, p.Issuer, p.IssuedOn, p.Signer, p.StartYear, p.EndYear, p.Status, p.StatusOn(today), p.EffectiveFrom, p.EffectiveTo, tasks);
}

/// <summary>A task group after a change: where it now stands.</summary>
internal sealed record GroupSummaryDto(Guid Id, Guid PlanId, string Code, string Letter, string Title, int Order);

/// <summary>
/// Xây dựng, sửa kế hoạch: the provincial office enters plans, their task groups and tasks; shared by the API and the
/// pages. Plans are province-wide (not unit-scoped), so writing needs <see cref="PlanTasksPermissions.ManagePlan"/>
/// and acting for the whole province. Every write goes through SaveChanges, hence the audit chain; each is one save,
/// so a refused request changes nothing. A task already assigned is never deleted: its assignments carry the reports.
/// </summary>
internal sealed class PlanEditor(PlanTasksDbContext db, PlatformDbContext platform, IAdministrativeUnitDirectory units, ICurrentScope scope, TimeProvider clock)
{
    /// <summary>What the plan writes for a group of agencies (the plan's own wording, stored as its text).</summary>
    private static readonly AgencyReference[] Groups =
    [
        new("kind:department", "Các sở, ban, ngành tỉnh", true),
        new("kind:vertical", "Các cơ quan, đơn vị ngành dọc", true),
        new("level:commune", "UBND các xã, phường, đặc khu", true),
    ];

    private DateOnly Today => VietnamTime.Today(clock);

    public async Task<IReadOnlyList<PlanSummaryDto>> ListAsync(CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.StartYear).ThenBy(p => p.Number).ToListAsync(ct);
        var counts = await (from t in db.Tasks.AsNoTracking()
                            join g in db.Groups.AsNoTracking() on t.GroupId equals g.Id
                            join ph in db.Phases.AsNoTracking() on g.PhaseId equals ph.Id
                            group t by ph.PlanId into byPlan
                            select new { PlanId = byPlan.Key, Count = byPlan.Count() }).ToDictionaryAsync(x => x.PlanId, x => x.Count, ct);
        return plans.Select(p => PlanSummaryDto.From(p, Today, counts.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>The agencies of the province valid today and the groups of agencies, for the lead and coordinator lists.</summary>
    public async Task<IReadOnlyList<AgencyReference>> AgencyOptionsAsync(CancellationToken ct)
    {
        var province = await units.ProvinceAsync(Today, ct);
        if (province is null)
        {
            return Groups;
        }

        var agencies = (await platform.Agencies.AsNoTracking().Where(a => a.UnitId == province.Id).ToListAsync(ct))
            .Where(a => a.IsValidOn(Today)).OrderBy(a => a.Name, Vietnamese.Order)
            .Select(a => new AgencyReference("agency:" + a.Code, a.Name, false));
        return [.. agencies, .. Groups];
    }

    public async Task<PlanSummaryDto> CreatePlanAsync(PlanRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var number = request.Number!.Trim();
        await EnsureNumberFreeAsync(number, null, ct);
        var code = $"KH-{request.StartYear}-{request.EndYear}";
        for (var n = 2; await db.Plans.AnyAsync(p => p.Code == code, ct); n++)
        {
            code = $"KH-{request.StartYear}-{request.EndYear}-{n}";
        }

        var plan = new PlanEntity(code, "", "", "");
        Describe(plan, request, number);
        db.Plans.Add(plan);

        // A follow-on plan has one phase, its whole period; its code starts the codes of its groups and tasks.
        var phaseCode = $"{request.StartYear}-{request.EndYear}";
        for (var n = 2; await db.Phases.AnyAsync(p => p.Code == phaseCode, ct); n++)
        {
            phaseCode = $"{request.StartYear}-{request.EndYear}-{n}";
        }

        db.Phases.Add(new PlanPhase(plan.Id, phaseCode, $"Giai đoạn {request.StartYear} – {request.EndYear}", request.StartYear, request.EndYear, 1));
        await db.SaveChangesAsync(ct);
        return PlanSummaryDto.From(plan, Today, 0);
    }

    public async Task<PlanSummaryDto> UpdatePlanAsync(Guid id, PlanRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw PlanNotFound();
        var number = request.Number!.Trim();
        await EnsureNumberFreeAsync(number, id, ct);
        var tasks = await TasksOfPlan(id).ToListAsync(ct);
        if (tasks.Any(t => t.Completion.Year is { } y && (y < request.StartYear || y > request.EndYear)))
        {
            throw new PlatformException(PlanTasksErrorCodes.PlanPeriodExcludesTasks, 409);
        }

        Describe(plan, request, number);
        var phases = await db.Phases.Where(p => p.PlanId == id).ToListAsync(ct);
        if (phases.Count == 1)
        {
            // A one-phase plan's phase is its period (the seeded plan's yearly phases stay as the text has them).
            db.Entry(phases[0]).Property(p => p.StartYear).CurrentValue = request.StartYear;
            db.Entry(phases[0]).Property(p => p.EndYear).CurrentValue = request.EndYear;
        }

        await db.SaveChangesAsync(ct);
        return PlanSummaryDto.From(plan, Today, tasks.Count);
    }

    public async Task DeletePlanAsync(Guid id, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw PlanNotFound();
        var phases = await db.Phases.Where(p => p.PlanId == id).ToListAsync(ct);
        var phaseIds = phases.Select(p => p.Id).ToList();
        if (await db.Groups.AnyAsync(g => phaseIds.Contains(g.PhaseId), ct))
        {
            throw new PlatformException(PlanTasksErrorCodes.PlanNotEmpty, 409);
        }

        db.Phases.RemoveRange(phases);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
    }

    public async Task<GroupSummaryDto> AddGroupAsync(Guid planId, GroupRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        _ = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw PlanNotFound();
        var phase = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).OrderByDescending(p => p.Order).FirstAsync(ct);
        var siblings = await db.Groups.AsNoTracking().Where(g => g.PhaseId == phase.Id).ToListAsync(ct);
        var order = siblings.Count == 0 ? 1 : siblings.Max(g => g.Order) + 1;
        var code = $"{phase.Code}.{order}";
        for (var n = order + 1; await db.Groups.AnyAsync(g => g.Code == code, ct); n++)
        {
            code = $"{phase.Code}.{n}";
        }

        var group = new TaskGroup(phase.Id, code, GroupLetters.At(order), request.Title!.Trim(), order);
        db.Groups.Add(group);
        await db.SaveChangesAsync(ct);
        return new GroupSummaryDto(group.Id, planId, group.Code, group.Letter, group.Title, group.Order);
    }

    public async Task<GroupSummaryDto> RenameGroupAsync(Guid id, GroupRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var (group, planId) = await GroupAsync(id, ct);
        group.Rename(request.Title!.Trim());
        await db.SaveChangesAsync(ct);
        return new GroupSummaryDto(group.Id, planId, group.Code, group.Letter, group.Title, group.Order);
    }

    public async Task MoveGroupAsync(Guid id, MoveRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var (group, _) = await GroupAsync(id, ct);
        var siblings = await db.Groups.Where(g => g.PhaseId == group.PhaseId).OrderBy(g => g.Order).ToListAsync(ct);
        Move(siblings, group, request.Direction == "up");
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Place(i + 1);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteGroupAsync(Guid id, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var (group, _) = await GroupAsync(id, ct);
        if (await db.Tasks.AnyAsync(t => t.GroupId == id, ct))
        {
            throw new PlatformException(PlanTasksErrorCodes.GroupNotEmpty, 409);
        }

        db.Groups.Remove(group);
        var rest = await db.Groups.Where(g => g.PhaseId == group.PhaseId && g.Id != id).OrderBy(g => g.Order).ToListAsync(ct);
        for (var i = 0; i < rest.Count; i++)
        {
            rest[i].Place(i + 1);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<Plan.TaskDto> AddTaskAsync(Guid groupId, TaskRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var (group, planId) = await GroupAsync(groupId, ct);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        var (leads, leadText, coordinators, coordinatorText, deadline) = await CheckAsync(plan, request, ct);
        var siblings = await db.Tasks.AsNoTracking().Where(t => t.GroupId == groupId).Select(t => t.Order).ToListAsync(ct);
        var order = siblings.Count == 0 ? 1 : siblings.Max() + 1;
        var code = $"{group.Code}.{order}";
        for (var n = order + 1; await db.Tasks.AnyAsync(t => t.Code == code, ct); n++)
        {
            code = $"{group.Code}.{n}";
        }

        var task = new PlanTask(group.Id, code, request.Title!.Trim(), deadline, (request.Products ?? "").Trim(), order);
        task.Describe(task.Title, leads, leadText, coordinators, coordinatorText, deadline, task.Products);
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        return Plan.TaskDto.From(task);
    }

    public async Task<Plan.TaskDto> UpdateTaskAsync(Guid id, TaskRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id && t.GroupId != null, ct) ?? throw TaskNotFound();
        var (_, planId) = await GroupAsync(task.GroupId!.Value, ct);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        var (leads, leadText, coordinators, coordinatorText, deadline) = await CheckAsync(plan, request, ct);
        task.Describe(request.Title!.Trim(), leads, leadText, coordinators, coordinatorText, deadline, (request.Products ?? "").Trim());

        // Assignments not yet done follow the new deadline; a done one keeps the date it was done against.
        var due = deadline.DueOn(Today);
        foreach (var assignment in await db.Assignments.IgnoreQueryFilters([PlanTasksDbContext.AgencyFilter]).Where(a => a.PlanTaskId == id && a.Status != TaskStatuses.Completed).ToListAsync(ct))
        {
            assignment.Reschedule(due);
        }

        await db.SaveChangesAsync(ct);
        return Plan.TaskDto.From(task);
    }

    public async Task MoveTaskAsync(Guid id, MoveRequest request, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id && t.GroupId != null, ct) ?? throw TaskNotFound();
        var siblings = await db.Tasks.Where(t => t.GroupId == task.GroupId).OrderBy(t => t.Order).ToListAsync(ct);
        Move(siblings, task, request.Direction == "up");
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Place(i + 1);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a task nobody was assigned yet; an assigned one is refused, so no progress report is ever lost.</summary>
    public async Task DeleteTaskAsync(Guid id, CancellationToken ct)
    {
        await EnsureProvinceAsync(ct);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id && t.GroupId != null, ct) ?? throw TaskNotFound();

        // Every assignment counts, whoever's scope or agency it is in, and soft-deleted ones too (they keep reports).
        if (await db.Assignments.IgnoreQueryFilters().AnyAsync(a => a.PlanTaskId == id, ct))
        {
            throw new PlatformException(PlanTasksErrorCodes.TaskHasAssignments, 409);
        }

        if (await db.InvestmentProjects.IgnoreQueryFilters().AnyAsync(p => p.PlanTaskId == id, ct)
            || await db.BudgetAllocations.IgnoreQueryFilters().AnyAsync(a => a.PlanTaskId == id, ct))
        {
            throw new PlatformException(PlanTasksErrorCodes.TaskHasResources, 409);
        }

        db.Tasks.Remove(task);
        var rest = await db.Tasks.Where(t => t.GroupId == task.GroupId && t.Id != id).OrderBy(t => t.Order).ToListAsync(ct);
        for (var i = 0; i < rest.Count; i++)
        {
            rest[i].Place(i + 1);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Move<T>(List<T> siblings, T item, bool up)
    {
        var at = siblings.IndexOf(item);
        var to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= siblings.Count)
        {
            return;
        }

        (siblings[at], siblings[to]) = (siblings[to], siblings[at]);
    }

    private async Task<(List<string> Leads, string LeadText, List<string> Coordinators, string CoordinatorText, Deadline Deadline)> CheckAsync(
        PlanEntity plan, TaskRequest request, CancellationToken ct)
    {
        var options = (await AgencyOptionsAsync(ct)).ToDictionary(o => o.Reference, o => o.Name);
        var errors = new Dictionary<string, string[]>();
        var leads = request.Leads!.Select(l => l.Trim()).Distinct().ToList();
        var coordinators = (request.Coordinators ?? []).Select(c => c.Trim()).Where(c => c.Length > 0 && !leads.Contains(c)).Distinct().ToList();
        if (leads.FirstOrDefault(l => !options.ContainsKey(l)) is { } unknownLead)
        {
            errors[nameof(TaskRequest.Leads)] = [Messages.Text(PlanTasksMessages.TaskAgencyUnknown, unknownLead)];
        }

        if (coordinators.FirstOrDefault(c => !options.ContainsKey(c)) is { } unknownCoordinator)
        {
            errors[nameof(TaskRequest.Coordinators)] = [Messages.Text(PlanTasksMessages.TaskAgencyUnknown, unknownCoordinator)];
        }

        if (request.DeadlineYear is { } year && (year < plan.StartYear || year > plan.EndYear))
        {
            errors[nameof(TaskRequest.DeadlineYear)] = [Messages.Text(PlanTasksMessages.DeadlineOutsidePlan, plan.StartYear, plan.EndYear)];
        }

        if (errors.Count > 0)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400) { MessageCode = PlatformMessages.DataInvalid, Errors = errors };
        }

        return (leads, string.Join("; ", leads.Select(l => options[l])), coordinators, string.Join("; ", coordinators.Select(c => options[c])), DeadlineOf(request));
    }

    /// <summary>The deadline with the plan's kind of wording (Vietnamese: it is the plan's text).</summary>
    private static Deadline DeadlineOf(TaskRequest r)
    {
        var year = r.DeadlineYear;
        return r.DeadlineKind switch
        {
            CompletionKinds.Date => new Deadline(CompletionKinds.Date, year, r.DeadlineMonth, null,
                year is { } y ? $"Ngày {r.DeadlineDay}/{r.DeadlineMonth}/{y}" : $"Ngày {r.DeadlineDay}/{r.DeadlineMonth} hằng năm") { Day = r.DeadlineDay },
            CompletionKinds.Month => new Deadline(CompletionKinds.Month, year, r.DeadlineMonth, null, $"Tháng {r.DeadlineMonth} năm {year}"),
            CompletionKinds.Quarter => new Deadline(CompletionKinds.Quarter, year, null, r.DeadlineQuarter,
                $"Quý {Roman(r.DeadlineQuarter ?? 1)} " + (year is { } qy ? $"năm {qy}" : "hằng năm")),
            _ => new Deadline(CompletionKinds.Regular, null, null, null, "Thường xuyên"),
        };
    }

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    private async Task<(TaskGroup Group, Guid PlanId)> GroupAsync(Guid id, CancellationToken ct)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new PlatformException(PlanTasksErrorCodes.GroupNotFound, 404);
        var planId = await db.Phases.Where(p => p.Id == group.PhaseId).Select(p => p.PlanId).FirstAsync(ct);
        return (group, planId);
    }

    private IQueryable<PlanTask> TasksOfPlan(Guid planId) =>
        from t in db.Tasks
        join g in db.Groups on t.GroupId equals g.Id
        join ph in db.Phases on g.PhaseId equals ph.Id
        where ph.PlanId == planId
        select t;

    private async Task EnsureNumberFreeAsync(string number, Guid? except, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(p => p.Number == number && p.Id != except, ct))
        {
            throw new PlatformException(PlanTasksErrorCodes.PlanNumberTaken, 409);
        }
    }

    /// <summary>Plans are the province's: someone acting for one of its departments, or for a commune, does not edit them.</summary>
    private async Task EnsureProvinceAsync(CancellationToken ct)
    {
        var province = await units.ProvinceAsync(Today, ct);
        if (province is null || scope.Unit.UnitId != province.Id || scope.Unit.AgencyCode is not null)
        {
            throw new PlatformException(PlanTasksErrorCodes.PlanOnlyByProvince, 403);
        }
    }

    private static void Describe(PlanEntity plan, PlanRequest r, string number) =>
        plan.Describe(number, r.Title!.Trim(), (r.Issuer ?? "").Trim(), r.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            (r.Signer ?? "").Trim(), r.StartYear, r.EndYear, r.Status!, r.EffectiveFrom, r.EffectiveTo);

    private static PlatformException PlanNotFound() => new(PlanTasksErrorCodes.PlanNotFound, 404);

    private static PlatformException TaskNotFound() => new(PlanTasksErrorCodes.TaskNotFound, 404);
}
