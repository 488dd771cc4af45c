using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Calendar;
using OneStop.Platform.Domain;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.Complaints;

internal sealed record CreateComplaintRequest(string Channel, string Subject, string Content, string ApplicantName, string? Contact, string? DossierCode);

internal sealed class CreateComplaintRequestValidator : AbstractValidator<CreateComplaintRequest>
{
    public CreateComplaintRequestValidator()
    {
        RuleFor(r => r.Channel).Must(ComplaintChannels.All.Contains).WithErrorCode(EvaluationMessages.ComplaintChannelInvalid);
        RuleFor(r => r.Subject).Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= 256).WithErrorCode(EvaluationMessages.SubjectRequired);
        RuleFor(r => r.Content).Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= 4000).WithErrorCode(EvaluationMessages.ContentRequired);
        RuleFor(r => r.ApplicantName).Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= 256).WithErrorCode(EvaluationMessages.ApplicantNameRequired);
    }
}

internal sealed record ResolveComplaintRequest(string Outcome, string Answer, bool? ApplicantSatisfied);

internal sealed class ResolveComplaintRequestValidator : AbstractValidator<ResolveComplaintRequest>
{
    public ResolveComplaintRequestValidator()
    {
        RuleFor(r => r.Outcome).Must(ComplaintOutcomes.All.Contains).WithErrorCode(EvaluationMessages.OutcomeInvalid);
        RuleFor(r => r.Answer).Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= 4000).WithErrorCode(EvaluationMessages.AnswerRequired);
    }
}

internal sealed record ComplaintDto(Guid Id, string Code, Guid UnitId, string UnitPath, string Channel, string Subject, string Content, string ApplicantName,
    string? DossierCode, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? ResolvedAt, double? HandlingHours, bool OnTime, string? Outcome,
    string? Answer, bool? ApplicantSatisfied);

/// <summary>
/// Phản ánh, kiến nghị: received in the acting unit, answered by its due date: 10 working days (Nghị định
/// 20/2008/NĐ-CP) walked over the kernel's working calendar and the unit's office hours, as a dossier's due date is.
/// A year the calendar does not cover yet is refused (422) rather than counted with its holidays as working days.
/// </summary>
internal sealed class ComplaintHandler(EvaluationDbContext db, TimeProvider clock, IWorkingCalendar calendar, ICurrentScope scope)
{
    public static readonly LegalTime HandlingTime = new(10, LegalTimeUnits.WorkingDay);

    public async Task<ComplaintDto> CreateAsync(CreateComplaintRequest request, CancellationToken ct)
    {
        // A dossier the complaint names is resolved inside the caller's scope or refused (issue 19): no complaint on another unit's dossier.
        var dossierCode = string.IsNullOrWhiteSpace(request.DossierCode) ? null : request.DossierCode.Trim();
        if (dossierCode is not null && !await db.Dossiers.AnyAsync(d => d.Code == dossierCode, ct))
        {
            throw new PlatformException(EvaluationErrorCodes.DossierNotFound, 404);
        }

        var now = clock.GetUtcNow();
        var due = await calendar.DueDateAsync(scope.Unit.UnitId, new DueDateInput(VietnamTime.ToLocal(now), HandlingTime), ct);
        var code = "PAKN-" + VietnamTime.FormatAs(now, "yyMMdd") + "-" + SequentialGuid.NewGuid().ToString("N")[^6..].ToUpperInvariant();
        var complaint = new Complaint(code, request.Channel, request.Subject.Trim(), request.Content.Trim(), request.ApplicantName.Trim(),
            request.Contact?.Trim(), dossierCode, now,
            VietnamTime.FromLocal(due.DueAt).ToUniversalTime());
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        return ToDto(complaint, now);
    }

    public async Task<ComplaintDto> ResolveAsync(Guid id, ResolveComplaintRequest request, CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new PlatformException(EvaluationErrorCodes.ComplaintNotFound, 404);
        if (complaint.IsResolved)
        {
            throw new PlatformException(EvaluationErrorCodes.ComplaintAlreadyResolved, 409);
        }

        var now = clock.GetUtcNow();
        complaint.Resolve(request.Outcome, request.Answer.Trim(), request.ApplicantSatisfied, now);
        await db.SaveChangesAsync(ct);
        return ToDto(complaint, now);
    }

    public async Task<KeysetPage<ComplaintDto>> ListAsync(string? status, string? code, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var q = db.Complaints.AsNoTracking();
        q = status switch
        {
            "open" => q.Where(c => c.ResolvedAt == null),
            "resolved" => q.Where(c => c.ResolvedAt != null),
            _ => q,
        };
        if (!string.IsNullOrWhiteSpace(code))
        {
            q = q.Where(c => c.Code == code.Trim());
        }

        var rows = await q.Where(c => after == null || c.Id.CompareTo(after.Value) < 0).OrderByDescending(c => c.Id).Take(size + 1).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return KeysetCursor.ToPage(rows, size, c => ToDto(c, now), c => (Guid?)c.Id);
    }

    public static ComplaintDto ToDto(Complaint c, DateTimeOffset now) =>
        new(c.Id, c.Code, c.UnitId, c.UnitPath, c.Channel, c.Subject, c.Content, c.ApplicantName, c.DossierCode, c.ReceivedAt, c.DueAt, c.ResolvedAt, c.HandlingHours,
            c.ResolvedAt is { } r ? r <= c.DueAt : c.DueAt >= now, c.Outcome, c.Answer, c.ApplicantSatisfied);
}

internal static class ComplaintEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/complaints");
        group.MapGet("/", List).RequirePermission(EvaluationPermissions.Complaints).WithSummary("Phản ánh, kiến nghị trong phạm vi (lọc open / resolved)");
        group.MapPost("/", Create).RequirePermission(EvaluationPermissions.Complaints).Validate<CreateComplaintRequest>().WithIdempotency()
            .WithSummary("Tiếp nhận phản ánh, kiến nghị");
        group.MapPost("/{id:guid}/resolve", Resolve).RequirePermission(EvaluationPermissions.Complaints).Validate<ResolveComplaintRequest>()
            .WithSummary("Trả lời phản ánh, kiến nghị (kết quả, ý kiến của người dân)");
    }

    private static async Task<Ok<KeysetPage<ComplaintDto>>> List(ComplaintHandler handler, string? status, string? code, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(status, code, cursor, pageSize, ct));

    private static async Task<Created<ComplaintDto>> Create(ComplaintHandler handler, CreateComplaintRequest request, CancellationToken ct)
    {
        var dto = await handler.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/evaluation/complaints?code={dto.Code}", dto);
    }

    private static async Task<Ok<ComplaintDto>> Resolve(ComplaintHandler handler, Guid id, ResolveComplaintRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.ResolveAsync(id, request, ct));
}
