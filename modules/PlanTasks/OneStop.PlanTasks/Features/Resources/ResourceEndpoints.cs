using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features.Resources;

internal sealed record ProjectDto(Guid Id, string Name, Guid? PlanTaskId, decimal ProposedAmount, int FromYear, int ToYear, string Status, string UnitPath);
internal sealed record AllocationDto(Guid Id, Guid PlanTaskId, Guid? ProjectId, int Year, decimal Amount, string Source, string UnitPath);

internal sealed record ProposeProjectRequest(string Name, Guid? PlanTaskId, decimal ProposedAmount, int FromYear, int ToYear) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 512)
        {
            yield return new(nameof(Name), "Tên dự án bắt buộc, tối đa 512 ký tự.");
        }

        if (ProposedAmount <= 0)
        {
            yield return new(nameof(ProposedAmount), "Tổng mức đầu tư đề xuất phải lớn hơn 0 đồng.");
        }

        if (FromYear < 2021 || ToYear > 2030 || ToYear < FromYear)
        {
            yield return new(nameof(FromYear), "Giai đoạn đầu tư không hợp lệ (từ năm ≥ 2021, đến năm ≤ 2030, không đảo ngược).");
        }
    }
}

internal sealed record AllocateRequest(Guid PlanTaskId, Guid? ProjectId, int Year, decimal Amount, string Source) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (PlanTaskId == Guid.Empty)
        {
            yield return new(nameof(PlanTaskId), "Chọn nhiệm vụ được bố trí kinh phí.");
        }

        if (Year is < 2021 or > 2030)
        {
            yield return new(nameof(Year), "Năm bố trí kinh phí phải từ 2021 đến 2030.");
        }

        if (Amount <= 0)
        {
            yield return new(nameof(Amount), "Số kinh phí phải lớn hơn 0 đồng.");
        }

        if (string.IsNullOrWhiteSpace(Source) || Source.Length > 256)
        {
            yield return new(nameof(Source), "Nguồn kinh phí bắt buộc, tối đa 256 ký tự.");
        }
    }
}

/// <summary>Nguồn lực: investment projects for the medium-term public investment plan and budget allocations linked to tasks.</summary>
internal static class ResourceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/resources");
        group.MapGet("/projects", async (PlanTasksDbContext db, CancellationToken ct) => TypedResults.Ok(await db.InvestmentProjects.AsNoTracking().OrderBy(p => p.Name)
                .Select(p => new ProjectDto(p.Id, p.Name, p.PlanTaskId, p.ProposedAmount, p.FromYear, p.ToYear, p.Status, p.UnitPath)).ToListAsync(ct)))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Dự án đầu tư đề xuất vào kế hoạch đầu tư công trung hạn");
        group.MapPost("/projects", ProposeProject).RequirePermission(PlanTasksPermissions.Resources)
            .Validate<ProposeProjectRequest>().WithIdempotency().WithSummary("Đề xuất dự án đầu tư");
        group.MapGet("/allocations", async (PlanTasksDbContext db, Guid? planTaskId, CancellationToken ct) => TypedResults.Ok(await db.BudgetAllocations.AsNoTracking()
                .Where(a => planTaskId == null || a.PlanTaskId == planTaskId).OrderBy(a => a.Year)
                .Select(a => new AllocationDto(a.Id, a.PlanTaskId, a.ProjectId, a.Year, a.Amount, a.Source, a.UnitPath)).ToListAsync(ct)))
            .RequirePermission(PlanTasksPermissions.Access).WithSummary("Kinh phí bố trí cho nhiệm vụ");
        group.MapPost("/allocations", Allocate).RequirePermission(PlanTasksPermissions.Resources)
            .Validate<AllocateRequest>().WithIdempotency().WithSummary("Bố trí kinh phí cho nhiệm vụ");
    }

    private static async Task<Results<Created<ProjectDto>, ProblemHttpResult>> ProposeProject(PlanTasksDbContext db, ProposeProjectRequest request, CancellationToken ct)
    {
        if (request.PlanTaskId is { } taskId && !await db.Tasks.AnyAsync(t => t.Id == taskId, ct))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.TaskNotFound, "Không tìm thấy nhiệm vụ.", 404));
        }

        var project = new InvestmentProject(request.Name.Trim(), request.PlanTaskId, request.ProposedAmount, request.FromYear, request.ToYear);
        db.InvestmentProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/plantasks/resources/projects/{project.Id}",
            new ProjectDto(project.Id, project.Name, project.PlanTaskId, project.ProposedAmount, project.FromYear, project.ToYear, project.Status, project.UnitPath));
    }

    private static async Task<Results<Created<AllocationDto>, ProblemHttpResult>> Allocate(PlanTasksDbContext db, AllocateRequest request, CancellationToken ct)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == request.PlanTaskId, ct)
            || (request.ProjectId is { } projectId && !await db.InvestmentProjects.AnyAsync(p => p.Id == projectId, ct)))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.TaskNotFound, "Không tìm thấy nhiệm vụ hoặc dự án trong phạm vi của bạn.", 404));
        }

        var allocation = new BudgetAllocation(request.PlanTaskId, request.ProjectId, request.Year, request.Amount, request.Source.Trim());
        db.BudgetAllocations.Add(allocation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/plantasks/resources/allocations/{allocation.Id}",
            new AllocationDto(allocation.Id, allocation.PlanTaskId, allocation.ProjectId, allocation.Year, allocation.Amount, allocation.Source, allocation.UnitPath));
    }
}
