using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.Documents;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features.Resources;

internal sealed record ProjectDto(Guid Id, string Name, Guid? PlanTaskId, decimal ProposedAmount, int FromYear, int ToYear, string Status, string UnitPath)
{
    /// <summary>Code of the linked task, for lists and exports.</summary>
    public string? TaskCode { get; init; }
}

internal sealed record AllocationDto(Guid Id, Guid PlanTaskId, Guid? ProjectId, int Year, decimal Amount, string Source, string UnitPath)
{
    public string? TaskCode { get; init; }
    public string? ProjectName { get; init; }
}

internal sealed record ProposeProjectRequest(string Name, Guid? PlanTaskId, decimal ProposedAmount, int FromYear, int ToYear);

internal sealed class ProposeProjectRequestValidator : AbstractValidator<ProposeProjectRequest>
{
    public ProposeProjectRequestValidator()
    {
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 512).WithErrorCode(PlanTasksMessages.ProjectNameRequired);
        RuleFor(r => r.ProposedAmount).GreaterThan(0).WithErrorCode(PlanTasksMessages.ProposedAmountNotPositive);
        RuleFor(r => r.FromYear).Must((r, from) => from >= 2021 && r.ToYear <= 2030 && r.ToYear >= from).WithErrorCode(PlanTasksMessages.InvestmentPeriodInvalid);
    }
}

internal sealed record AllocateRequest(Guid PlanTaskId, Guid? ProjectId, int Year, decimal Amount, string Source);

internal sealed class AllocateRequestValidator : AbstractValidator<AllocateRequest>
{
    public AllocateRequestValidator()
    {
        RuleFor(r => r.PlanTaskId).NotEmpty().WithErrorCode(PlanTasksMessages.AllocationTaskRequired);
        RuleFor(r => r.Year).InclusiveBetween(2021, 2030).WithErrorCode(PlanTasksMessages.AllocationYearOutOfRange);
        RuleFor(r => r.Amount).GreaterThan(0).WithErrorCode(PlanTasksMessages.AllocationAmountNotPositive);
        RuleFor(r => r.Source).Must(source => !string.IsNullOrWhiteSpace(source) && source.Length <= 256).WithErrorCode(PlanTasksMessages.AllocationSourceRequired);
    }
}

/// <summary>A task to link resources to: its code and (shortened) title.</summary>
internal sealed record TaskOption(Guid Id, string Code, string Title);

/// <summary>
/// Nguồn lực: investment projects proposed for the medium-term public investment plan and budget allocations linked
/// to tasks. Both are rows of the unit that proposed or allocated them (scope filter), shared by the API and the page.
/// </summary>
internal sealed class ResourceService(PlanTasksDbContext db)
{
    public async Task<IReadOnlyList<TaskOption>> TasksAsync(CancellationToken ct) =>
        (await db.Tasks.AsNoTracking().OrderBy(t => t.GroupId == null).ThenBy(t => t.Code).Select(t => new { t.Id, t.Code, t.Title }).ToListAsync(ct))
        .Select(t => new TaskOption(t.Id, t.Code, t.Title.Length > 110 ? t.Title[..110] + "…" : t.Title)).ToList();

    /// <summary>Rows are filtered and ordered on the entities, then shaped (EF cannot filter through a record's constructor).</summary>
    private async Task<List<ProjectDto>> ProjectsAsync(Guid? taskId, Guid? before, int? take, CancellationToken ct)
    {
        var query = db.InvestmentProjects.AsNoTracking().Where(p => taskId == null || p.PlanTaskId == taskId);
        query = take is null ? query.OrderBy(p => p.Name).ThenBy(p => p.Id) : query.Where(p => before == null || p.Id < before).OrderByDescending(p => p.Id).Take(take.Value);
        var rows = await query.Select(p => new { p, TaskCode = db.Tasks.Where(t => t.Id == p.PlanTaskId).Select(t => t.Code).FirstOrDefault() }).ToListAsync(ct);
        return rows.Select(r => new ProjectDto(r.p.Id, r.p.Name, r.p.PlanTaskId, r.p.ProposedAmount, r.p.FromYear, r.p.ToYear, r.p.Status, r.p.UnitPath) { TaskCode = r.TaskCode }).ToList();
    }

    private async Task<List<AllocationDto>> AllocationsAsync(Guid? taskId, Guid? before, int? take, CancellationToken ct)
    {
        var query = db.BudgetAllocations.AsNoTracking().Where(a => taskId == null || a.PlanTaskId == taskId);
        query = take is null ? query.OrderBy(a => a.Year).ThenBy(a => a.Id) : query.Where(a => before == null || a.Id < before).OrderByDescending(a => a.Id).Take(take.Value);
        var rows = await query.Select(a => new
        {
            a,
            TaskCode = db.Tasks.Where(t => t.Id == a.PlanTaskId).Select(t => t.Code).FirstOrDefault(),
            ProjectName = db.InvestmentProjects.Where(p => p.Id == a.ProjectId).Select(p => p.Name).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r => new AllocationDto(r.a.Id, r.a.PlanTaskId, r.a.ProjectId, r.a.Year, r.a.Amount, r.a.Source, r.a.UnitPath)
        {
            TaskCode = r.TaskCode, ProjectName = r.ProjectName,
        }).ToList();
    }

    public async Task<IReadOnlyList<ProjectDto>> AllProjectsAsync(Guid? taskId, CancellationToken ct) => await ProjectsAsync(taskId, null, null, ct);

    public async Task<IReadOnlyList<AllocationDto>> AllAllocationsAsync(Guid? taskId, CancellationToken ct) => await AllocationsAsync(taskId, null, null, ct);

    /// <summary>Projects newest first, a keyset page at a time (ids are time-ordered).</summary>
    public async Task<KeysetPage<ProjectDto>> ProjectPageAsync(Guid? taskId, string? cursor, int size, CancellationToken ct) =>
        KeysetCursor.ToPage(await ProjectsAsync(taskId, KeysetCursor.Decode<Guid?>(cursor), size + 1, ct), size, r => (Guid?)r.Id);

    public async Task<KeysetPage<AllocationDto>> AllocationPageAsync(Guid? taskId, string? cursor, int size, CancellationToken ct) =>
        KeysetCursor.ToPage(await AllocationsAsync(taskId, KeysetCursor.Decode<Guid?>(cursor), size + 1, ct), size, r => (Guid?)r.Id);

    public async Task<ProjectDto> ProposeAsync(ProposeProjectRequest request, CancellationToken ct)
    {
        var task = request.PlanTaskId is { } taskId
            ? await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw TaskNotFound()
            : null;
        var project = new InvestmentProject(request.Name.Trim(), request.PlanTaskId, request.ProposedAmount, request.FromYear, request.ToYear);
        db.InvestmentProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return new ProjectDto(project.Id, project.Name, project.PlanTaskId, project.ProposedAmount, project.FromYear, project.ToYear, project.Status, project.UnitPath)
        {
            TaskCode = task?.Code,
        };
    }

    public async Task<AllocationDto> AllocateAsync(AllocateRequest request, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.PlanTaskId, ct) ?? throw TaskNotFound();
        InvestmentProject? project = null;
        if (request.ProjectId is { } projectId)
        {
            project = await db.InvestmentProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
                ?? throw new PlatformException(PlanTasksErrorCodes.ProjectNotFound, 404);
            if (project.PlanTaskId is { } linked && linked != task.Id)
            {
                throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400)
                {
                    MessageCode = PlanTasksMessages.ProjectOfAnotherTask,
                    Errors = new Dictionary<string, string[]> { [nameof(AllocateRequest.ProjectId)] = [Messages.Text(PlanTasksMessages.ProjectOfAnotherTask)] },
                };
            }
        }

        var allocation = new BudgetAllocation(task.Id, request.ProjectId, request.Year, request.Amount, request.Source.Trim());
        db.BudgetAllocations.Add(allocation);
        await db.SaveChangesAsync(ct);
        return new AllocationDto(allocation.Id, allocation.PlanTaskId, allocation.ProjectId, allocation.Year, allocation.Amount, allocation.Source, allocation.UnitPath)
        {
            TaskCode = task.Code, ProjectName = project?.Name,
        };
    }

    /// <summary>Both lists as one workbook (Dự án đầu tư, Bố trí kinh phí) for the finance and planning officials.</summary>
    public async Task<byte[]> ExcelAsync(Guid? taskId, CancellationToken ct)
    {
        var projects = await AllProjectsAsync(taskId, ct);
        var allocations = await AllAllocationsAsync(taskId, ct);
        const string Money = "#,##0";
        using var book = new ExcelWorkbook();
        book.Sheet("Dự án đầu tư",
            [
                new ExcelColumn<(int No, ProjectDto Project)>("TT", 6, r => r.No),
                new("Tên dự án", 70, r => r.Project.Name),
                new("Mã nhiệm vụ", 16, r => r.Project.TaskCode ?? ""),
                new("Tổng mức đầu tư đề xuất (đồng)", 24, r => r.Project.ProposedAmount, Money),
                new("Từ năm", 10, r => r.Project.FromYear),
                new("Đến năm", 10, r => r.Project.ToYear),
                new("Tình trạng", 14, r => r.Project.Status == "approved" ? "Đã phê duyệt" : "Đề xuất"),
            ],
            projects.Select((p, i) => (No: i + 1, Project: p)), totals: [["", "Tổng cộng", "", projects.Sum(p => p.ProposedAmount)]]);
        book.Sheet("Bố trí kinh phí",
            [
                new ExcelColumn<(int No, AllocationDto Allocation)>("TT", 6, r => r.No),
                new("Năm", 8, r => r.Allocation.Year),
                new("Mã nhiệm vụ", 16, r => r.Allocation.TaskCode ?? ""),
                new("Dự án", 60, r => r.Allocation.ProjectName ?? ""),
                new("Số kinh phí (đồng)", 20, r => r.Allocation.Amount, Money),
                new("Nguồn kinh phí", 30, r => r.Allocation.Source),
            ],
            allocations.Select((a, i) => (No: i + 1, Allocation: a)), totals: [["", "", "", "Tổng cộng", allocations.Sum(a => a.Amount)]]);
        return book.ToBytes();
    }

    private static PlatformException TaskNotFound() => new(PlanTasksErrorCodes.TaskNotFound, 404);
}

internal static class ResourceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/resources");
        group.MapGet("/projects", async (ResourceService resources, Guid? planTaskId, CancellationToken ct) => TypedResults.Ok(await resources.AllProjectsAsync(planTaskId, ct)))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Dự án đầu tư đề xuất vào kế hoạch đầu tư công trung hạn");
        group.MapPost("/projects", async (ResourceService resources, ProposeProjectRequest request, CancellationToken ct) =>
            {
                var dto = await resources.ProposeAsync(request, ct);
                return TypedResults.Created($"/api/v1/plantasks/resources/projects/{dto.Id}", dto);
            })
            .RequirePermission(PlanTasksPermissions.Resources).Validate<ProposeProjectRequest>().WithIdempotency().WithSummary("Đề xuất dự án đầu tư");
        group.MapGet("/allocations", async (ResourceService resources, Guid? planTaskId, CancellationToken ct) => TypedResults.Ok(await resources.AllAllocationsAsync(planTaskId, ct)))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Kinh phí bố trí cho nhiệm vụ");
        group.MapPost("/allocations", async (ResourceService resources, AllocateRequest request, CancellationToken ct) =>
            {
                var dto = await resources.AllocateAsync(request, ct);
                return TypedResults.Created($"/api/v1/plantasks/resources/allocations/{dto.Id}", dto);
            })
            .RequirePermission(PlanTasksPermissions.Resources).Validate<AllocateRequest>().WithIdempotency().WithSummary("Bố trí kinh phí cho nhiệm vụ");
        group.MapGet("/export", async (ResourceService resources, Guid? planTaskId, CancellationToken ct) =>
                TypedResults.File(await resources.ExcelAsync(planTaskId, ct), ControlReport.ControlReportEndpoints.XlsxType, "nguon-luc-ke-hoach.xlsx"))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Dự án đầu tư và kinh phí bố trí (Excel)");
    }
}
