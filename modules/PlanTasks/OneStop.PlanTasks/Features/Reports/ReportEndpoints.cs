using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;

namespace OneStop.PlanTasks.Features.Reports;

internal sealed record EvidenceDto(Guid Id, string FileName, string ContentType, long Size);

internal sealed record ReportDto(
    Guid Id, Guid AssignmentId, string Kind, string Status, int Percent, string Narrative, string SubmittedBy, DateTimeOffset SubmittedAt,
    string Review, string? ReviewComment, string? ReviewedBy, DateTimeOffset? ReviewedAt, IReadOnlyList<EvidenceDto> Evidence)
{
    public static ReportDto From(ProgressReport r) => new(r.Id, r.AssignmentId, r.Kind, r.Status, r.Percent, r.Narrative, r.SubmittedBy, r.CreatedAt,
        r.Review, r.ReviewComment, r.ReviewedBy, r.ReviewedAt, r.Evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size)).ToList());
}

internal sealed record SubmitReportRequest(string Kind, string Status, int Percent, string Narrative);

internal sealed class SubmitReportRequestValidator : AbstractValidator<SubmitReportRequest>
{
    public SubmitReportRequestValidator()
    {
        RuleFor(r => r.Kind).Must(kind => ReportKinds.All.Contains(kind)).WithErrorCode(PlanTasksMessages.ReportKindInvalid);
        RuleFor(r => r.Status).Must(status => TaskStatuses.Reportable.Contains(status)).WithErrorCode(PlanTasksMessages.ReportStatusInvalid);
        RuleFor(r => r.Percent).InclusiveBetween(0, 100).WithErrorCode(PlanTasksMessages.ReportPercentOutOfRange);
        RuleFor(r => r.Narrative).Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= 4000).WithErrorCode(PlanTasksMessages.ReportNarrativeRequired);
    }
}

internal sealed record ReviewRequest(string? Comment);

internal sealed class ReviewRequestValidator : AbstractValidator<ReviewRequest>
{
    public ReviewRequestValidator() => RuleFor(r => r.Comment).MaximumLength(2000).WithErrorCode(PlanTasksMessages.ReviewCommentTooLong);
}

/// <summary>An uploaded evidence file, whatever carried it (a Razor form or the API).</summary>
internal sealed record EvidenceUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>
/// Báo cáo tiến độ: the assignee unit reports; only a user acting for exactly that unit may. Evidence files pass the
/// kernel's upload guard one by one before the report is saved: one refused file refuses the whole report.
/// </summary>
internal sealed class SubmitReportHandler(PlanTasksDbContext db, EvidenceStore store, ICurrentScope scope)
{
    public const int MaxFiles = 5;

    public async Task<ReportDto> HandleAsync(Guid assignmentId, SubmitReportRequest request, IReadOnlyList<EvidenceUpload> files, CancellationToken ct)
    {
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == assignmentId, ct)
            ?? throw new PlatformException(PlanTasksErrorCodes.AssignmentNotFound, 404);
        if (assignment.UnitId != scope.Unit.UnitId)
        {
            throw new PlatformException(PlanTasksErrorCodes.NotTheAssignee, 403);
        }

        if (files.Count > MaxFiles)
        {
            throw new PlatformException(PlanTasksErrorCodes.EvidenceRejected, 400, MaxFiles) { MessageCode = PlanTasksMessages.TooManyEvidenceFiles };
        }

        var report = new ProgressReport(assignment, request.Kind, request.Status, request.Status == TaskStatuses.Completed ? 100 : request.Percent,
            request.Narrative.Trim(), scope.ActorName);
        foreach (var file in files)
        {
            // A refused file throws before anything is saved; the blobs of files stored before it are taken back by the
            // kernel's file safety (ADR 0033), and a resend stores nothing twice (content-addressed).
            await using var content = file.Open();
            var accepted = await store.AcceptAsync(file.FileName, content, ct);
            report.Evidence.Add(new EvidenceFile(report, accepted.FileName, accepted.ContentType, accepted.Blob.Length, accepted.Blob.Key, accepted.Blob.Key));
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        return ReportDto.From(report);
    }
}

/// <summary>
/// Xem xét báo cáo: the provincial office (a reviewer acting for the province) accepts or returns a report; an accepted
/// report sets the assignment's status and percentage (what the KPI <c>plan.tasks-done</c> counts).
/// </summary>
internal sealed class ReviewReportHandler(PlanTasksDbContext db, ICurrentScope scope, TimeProvider clock)
{
    public async Task<ReportDto> HandleAsync(Guid reportId, bool accept, string? comment, CancellationToken ct)
    {
        // The province's path has one segment ("/30/"); districts and communes cannot review, even with the permission.
        if (scope.Unit.Path.Count(c => c == '/') != 2)
        {
            throw new PlatformException(PlanTasksErrorCodes.ReviewOnlyByProvince, 403);
        }

        var report = await db.Reports.Include(r => r.Assignment).ThenInclude(a => a.Task).Include(r => r.Evidence).FirstOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new PlatformException(PlanTasksErrorCodes.ReportNotFound, 404);
        if (report.Review != ReviewStates.Submitted)
        {
            throw new PlatformException(PlanTasksErrorCodes.AlreadyReviewed, 409);
        }

        if (accept)
        {
            report.Accept(scope.ActorName, comment?.Trim(), clock.GetUtcNow());
        }
        else
        {
            if (string.IsNullOrWhiteSpace(comment))
            {
                throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400)
                {
                    MessageCode = PlanTasksMessages.ReturnReasonRequired,
                    Errors = new Dictionary<string, string[]> { ["Comment"] = [Messages.Text(PlanTasksMessages.ReturnReasonRequired)] },
                };
            }

            report.Return(scope.ActorName, comment.Trim(), clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return ReportDto.From(report);
    }
}

/// <summary>A line of the provincial office's review queue.</summary>
internal sealed record PendingReportItem(Guid ReportId, Guid AssignmentId, string TaskCode, string UnitName, string Kind, string Status, int Percent, DateTimeOffset SubmittedAt);

internal sealed class ReportQueries(PlanTasksDbContext db)
{
    /// <summary>The oldest reports waiting for review first, so none is left behind.</summary>
    public async Task<IReadOnlyList<PendingReportItem>> ReviewQueueAsync(int take, CancellationToken ct) =>
        await db.Reports.AsNoTracking().Where(r => r.Review == ReviewStates.Submitted).OrderBy(r => r.Id).Take(take)
            .Select(r => new PendingReportItem(r.Id, r.AssignmentId, r.Assignment.Task.Code, r.Assignment.UnitName, r.Kind, r.Status, r.Percent, r.CreatedAt))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ReportDto>> ForAssignmentAsync(Guid assignmentId, CancellationToken ct) =>
        (await db.Reports.AsNoTracking().Include(r => r.Evidence).Where(r => r.AssignmentId == assignmentId)
            .OrderByDescending(r => r.CreatedAt).ToListAsync(ct)).Select(ReportDto.From).ToList();

    public async Task<KeysetPage<ReportDto>> PendingAsync(string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var rows = await db.Reports.AsNoTracking().Include(r => r.Evidence).Where(r => r.Review == ReviewStates.Submitted)
            .Where(r => after == null || r.Id > after).OrderBy(r => r.Id).Take(size + 1).ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, ReportDto.From, r => (Guid?)r.Id);
    }
}

internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/assignments/{id:guid}/reports", ListForAssignment).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Báo cáo tiến độ của một nhiệm vụ được giao");
        api.MapPost("/assignments/{id:guid}/reports", Submit).RequirePermission(PlanTasksPermissions.Report)
            .Validate<SubmitReportRequest>().WithIdempotency()
            .WithSummary("Gửi báo cáo tiến độ (định kỳ hoặc đột xuất), JSON không kèm tệp");
        // The same route as multipart/form-data carries evidence files (routing picks the endpoint by Content-Type).
        api.MapPost("/assignments/{id:guid}/reports", SubmitWithEvidence).RequirePermission(PlanTasksPermissions.Report)
            .DisableAntiforgery() // API callers use bearer tokens or the SameSite cookie; the page posts through its own antiforgery-checked form
            .WithIdempotency()
            .WithSummary("Gửi báo cáo tiến độ kèm tệp minh chứng (multipart: kind, status, percent, narrative, files; PDF, JPG, PNG, DOCX, XLSX; tối đa 5 tệp)");
        api.MapGet("/reports/pending", Pending).RequirePermission(PlanTasksPermissions.Review)
            .WithSummary("Báo cáo chờ xem xét trong phạm vi");
        api.MapPost("/reports/{id:guid}/accept", Accept).RequirePermission(PlanTasksPermissions.Review)
            .Validate<ReviewRequest>().WithSummary("Chấp nhận báo cáo: cập nhật trạng thái nhiệm vụ");
        api.MapPost("/reports/{id:guid}/return", Return).RequirePermission(PlanTasksPermissions.Review)
            .Validate<ReviewRequest>().WithSummary("Trả lại báo cáo kèm ý kiến");
        api.MapGet("/evidence/{id:guid}", Download).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Tải tệp minh chứng");
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportDto>>, ProblemHttpResult>> ListForAssignment(
        PlanTasksDbContext db, ReportQueries queries, Guid id, CancellationToken ct) =>
        await db.Assignments.AnyAsync(a => a.Id == id, ct)
            ? TypedResults.Ok(await queries.ForAssignmentAsync(id, ct))
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.AssignmentNotFound, 404));

    private static async Task<Created<ReportDto>> Submit(SubmitReportHandler handler, Guid id, SubmitReportRequest request, CancellationToken ct)
    {
        var dto = await handler.HandleAsync(id, request, [], ct);
        return TypedResults.Created($"/api/v1/plantasks/assignments/{id}/reports", dto);
    }

    private static async Task<Created<ReportDto>> SubmitWithEvidence(
        SubmitReportHandler handler, HttpContext context, Guid id, [FromForm] ReportForm? form, IFormFileCollection files, CancellationToken ct)
    {
        // A multipart body without any of the form's fields binds no form: the validator then names what is missing.
        var request = (form ?? new ReportForm()).ToRequest();
        Validation.ThrowIfInvalid(context.RequestServices, request);

        var dto = await handler.HandleAsync(id, request, files.Select(f => new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream)).ToList(), ct);
        return TypedResults.Created($"/api/v1/plantasks/assignments/{id}/reports", dto);
    }

    private static async Task<Ok<KeysetPage<ReportDto>>> Pending(ReportQueries queries, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.PendingAsync(cursor, pageSize, ct));

    private static async Task<Ok<ReportDto>> Accept(ReviewReportHandler handler, Guid id, ReviewRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, true, request.Comment, ct));

    private static async Task<Ok<ReportDto>> Return(ReviewReportHandler handler, Guid id, ReviewRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, false, request.Comment, ct));

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(PlanTasksDbContext db, EvidenceStore store, Guid id, CancellationToken ct)
    {
        var file = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        var stream = file is null ? null : await store.OpenAsync(file.StorageKey, ct);
        return stream is not null
            ? TypedResults.File(stream, file!.ContentType, file.FileName)
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlanTasksErrorCodes.ReportNotFound, Messages.Text(PlanTasksMessages.EvidenceNotFound), 404));
    }
}

/// <summary>The multipart form of <c>POST /assignments/{id}/reports</c> (files come as <c>files</c> parts).</summary>
internal sealed class ReportForm
{
    public string? Kind { get; set; }
    public string? Status { get; set; }
    public int Percent { get; set; }
    public string? Narrative { get; set; }

    public SubmitReportRequest ToRequest() => new(Kind ?? "", Status ?? "", Percent, Narrative ?? "");
}
