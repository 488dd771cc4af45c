using ClosedXML.Excel;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
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
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Dự án đầu tư");
        Row(sheet, 1, "TT", "Tên dự án", "Mã nhiệm vụ", "Tổng mức đầu tư đề xuất (đồng)", "Từ năm", "Đến năm", "Tình trạng");
        var row = 2;
        foreach (var p in projects)
        {
            Row(sheet, row, row - 1, p.Name, p.TaskCode ?? "", p.ProposedAmount, p.FromYear, p.ToYear, p.Status == "approved" ? "Đã phê duyệt" : "Đề xuất");
            sheet.Cell(row, 4).Style.NumberFormat.Format = "#,##0";
            row++;
        }

        Row(sheet, row, "", "Tổng cộng", "", projects.Sum(p => p.ProposedAmount));
        sheet.Cell(row, 4).Style.NumberFormat.Format = "#,##0";
        sheet.Row(row).Style.Font.Bold = true;
        Widths(sheet, 6, 70, 16, 24, 10, 10, 14);

        sheet = book.Worksheets.Add("Bố trí kinh phí");
        Row(sheet, 1, "TT", "Năm", "Mã nhiệm vụ", "Dự án", "Số kinh phí (đồng)", "Nguồn kinh phí");
        row = 2;
        foreach (var a in allocations)
        {
            Row(sheet, row, row - 1, a.Year, a.TaskCode ?? "", a.ProjectName ?? "", a.Amount, a.Source);
            sheet.Cell(row, 5).Style.NumberFormat.Format = "#,##0";
            row++;
        }

        Row(sheet, row, "", "", "", "Tổng cộng", allocations.Sum(a => a.Amount));
        sheet.Cell(row, 5).Style.NumberFormat.Format = "#,##0";
        sheet.Row(row).Style.Font.Bold = true;
        Widths(sheet, 6, 8, 16, 60, 20, 30);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Row(IXLWorksheet sheet, int row, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            sheet.Cell(row, i + 1).Value = values[i];
        }

        if (row == 1)
        {
            sheet.Row(1).Style.Font.Bold = true;
        }
    }

    // Fixed widths: ClosedXML's AdjustToContents measures text with System.Drawing, which Linux lacks.
    private static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
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
