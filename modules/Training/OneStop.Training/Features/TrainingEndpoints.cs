using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Features.Certificates;
using OneStop.Training.Features.Classes;
using OneStop.Training.Features.Courses;
using OneStop.Training.Features.Plans;

namespace OneStop.Training.Features;

internal sealed record TrainingKpiDto(int Year, string UnitPath, int ClassesHeld, int DeskStaff, int DeskStaffTrained, double Share);

/// <summary>REST endpoints of the Training module under <c>/api/v1/training</c>; errors are PlatformExceptions rendered as ProblemDetails.</summary>
internal static class TrainingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        CourseCatalogue.Map(api);

        var classes = api.MapGroup("/classes");
        classes.MapGet("/", async (ClassHandler h, string? cursor, int? pageSize, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(cursor, pageSize, ct)))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Lớp bồi dưỡng trong phạm vi");
        classes.MapGet("/{id:guid}", async (ClassHandler h, Guid id, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Lớp và danh sách học viên trong phạm vi");
        classes.MapPost("/", async (ClassHandler h, CreateClassRequest request, CancellationToken ct) =>
        {
            var dto = await h.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/training/classes/{dto.Id}", dto);
        }).RequirePermission(TrainingPermissions.Manage).Validate<CreateClassRequest>().WithIdempotency().WithSummary("Mở lớp bồi dưỡng");
        classes.MapPost("/{id:guid}/participants", async (ClassHandler h, Guid id, EnrolRequest request, CancellationToken ct) =>
        {
            var dto = await h.EnrolAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/training/participants/{dto.Id}", dto);
        }).RequirePermission(TrainingPermissions.Manage).Validate<EnrolRequest>().WithIdempotency().WithSummary("Thêm học viên vào lớp");

        var participants = api.MapGroup("/participants");
        participants.MapGet("/trained", async (ClassHandler h, string? cursor, int? pageSize, CancellationToken ct) => TypedResults.Ok(await h.TrainedAsync(cursor, pageSize, ct)))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Cán bộ đã được đào tạo (đạt) trong phạm vi");
        participants.MapPut("/{id:guid}/result", async (ClassHandler h, Guid id, RecordResultRequest request, CancellationToken ct) => TypedResults.Ok(await h.RecordAsync(id, request, ct)))
            .RequirePermission(TrainingPermissions.Manage).Validate<RecordResultRequest>().WithSummary("Điểm danh và kết quả học viên");
        participants.MapGet("/{id:guid}/certificate", async (CertificateRenderer r, Guid id, CancellationToken ct) =>
        {
            var (pdf, name) = await r.RenderAsync(id, ct);
            return TypedResults.File(pdf, "application/pdf", name);
        }).RequirePermission(TrainingPermissions.Access).WithSummary("Giấy chứng nhận (PDF)");

        api.MapGet("/plans", async (TrainingPlans plans, int year, CancellationToken ct) => TypedResults.Ok(await plans.ListAsync(year, ct)))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Kế hoạch đào tạo hằng năm và kết quả thực hiện");
        api.MapPut("/plans", async (TrainingPlans plans, PlanItemRequest request, CancellationToken ct) => TypedResults.Ok(new { id = await plans.UpsertAsync(request, ct) }))
            .RequirePermission(TrainingPermissions.Plan).Validate<PlanItemRequest>().WithSummary("Lập, sửa kế hoạch đào tạo của đơn vị");

        api.MapGet("/kpi", async (ITrainingApi training, ICurrentScope scope, int year, CancellationToken ct) =>
        {
            // KPIs are computed over the caller's own scope path only.
            var held = await training.ClassesHeldAsync(year, scope.Unit.Path, ct);
            var share = await training.DeskStaffTrainedAsync(year, scope.Unit.Path, ct);
            return TypedResults.Ok(new TrainingKpiDto(year, scope.Unit.Path, held, share.DeskStaff, share.Trained, share.Ratio));
        }).RequirePermission(TrainingPermissions.Access).WithSummary("Chỉ số: số lớp đã tổ chức, tỷ lệ cán bộ một cửa được đào tạo");
    }
}
