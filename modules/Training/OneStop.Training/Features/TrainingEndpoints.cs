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
using OneStop.Training.Features.Staff;
using OneStop.Platform;

namespace OneStop.Training.Features;

internal sealed record TrainingKpiDto(int Year, string UnitPath, int ClassesHeld, int DeskStaff, int DeskStaffTrained, double Share);

/// <summary>REST endpoints of the Training module under <c>/api/v1/training</c>; errors are PlatformExceptions rendered as ProblemDetails.</summary>
internal static class TrainingEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
            .RequirePermission(TrainingPermissions.Plan).Validate<PlanItemRequest>().WithSummary("Lập, sửa kế hoạch đào tạo của đơn vị (số lớp, số người)");
        api.MapGet("/plans/export", async (TrainingPlans plans, int year, CancellationToken ct) =>
                TypedResults.File(TrainingPlans.Excel(year, await plans.ListAsync(year, ct)), XlsxType, $"ke-hoach-dao-tao-{year}.xlsx"))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Kế hoạch đào tạo và kết quả thực hiện (Excel)");

        api.MapGet("/staff", async (TrainedStaffQueries staff, Guid? unitId, Guid? courseId, bool? untrained, string? cursor, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await staff.PageAsync(new StaffFilter(unitId, courseId, untrained == true), cursor, KeysetCursor.ClampPageSize(pageSize), ct)))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Cán bộ một cửa trong phạm vi và chứng nhận bồi dưỡng còn hiệu lực (lọc theo đơn vị, khóa học, chưa được đào tạo)");
        api.MapGet("/staff/export", async (TrainedStaffQueries staff, TimeProvider clock, Guid? unitId, Guid? courseId, bool? untrained, CancellationToken ct) =>
                TypedResults.File(TrainedStaffQueries.Excel(await staff.ListAsync(new StaffFilter(unitId, courseId, untrained == true), ct), await staff.CoursesAsync(ct),
                    DateOnly.FromDateTime(clock.GetLocalNow().Date)), XlsxType, "can-bo-duoc-dao-tao.xlsx"))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Cán bộ một cửa và chứng nhận còn hiệu lực (Excel)");

        api.MapGet("/kpi", async (TrainingApi training, ICurrentScope scope, int year, CancellationToken ct) =>
        {
            // KPIs are computed over the caller's own scope path only.
            var held = await training.ClassesHeldAsync(year, scope.Unit.Path, ct);
            var share = await training.DeskStaffTrainedAsync(year, scope.Unit.Path, ct);
            return TypedResults.Ok(new TrainingKpiDto(year, scope.Unit.Path, held, share.DeskStaff, share.Trained, share.Ratio));
        }).RequirePermission(TrainingPermissions.Access).WithSummary("Chỉ số: số lớp đã tổ chức, tỷ lệ cán bộ một cửa được đào tạo");
    }
}
