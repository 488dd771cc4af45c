using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers.Overdue;

internal sealed record ApologyLetterDto(
    Guid Id, Guid DossierId, string DossierCode, string ApplicantName, string ProcedureName, string CurrentUnitName,
    DateTimeOffset OriginalDueAt, DateTimeOffset ProposedDueAt, string Reason, DateTimeOffset CreatedAt,
    DateTimeOffset? IssuedAt, string? IssuedBy, string PrintUrl);

/// <summary>Optional changes an officer makes to the draft before issuing it.</summary>
internal sealed record IssueApologyRequest(string? Reason = null, DateTimeOffset? ProposedDueAt = null);

internal sealed class IssueApologyRequestValidator : AbstractValidator<IssueApologyRequest>
{
    public IssueApologyRequestValidator() =>
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).When(r => r.Reason is not null)
            .WithErrorCode(CountersMessages.ApologyReasonInvalid);
}

internal sealed record OverdueDossier(
    Guid Id, string Code, string ProcedureName, string ApplicantName, string StatusName, string CurrentUnitName, string? AssignedTo,
    DateTimeOffset DueAt, TimeSpan Late, bool HasPendingLetter);

internal sealed record OverdueBoardData(IReadOnlyList<OverdueDossier> Late, int LateTotal, IReadOnlyList<OverdueDossier> DueSoon, int DueSoonTotal, IReadOnlyList<ApologyLetterDto> Pending);

/// <summary>Mẫu 04 drafts and their issuing; the overdue board (bảng theo dõi hồ sơ quá hạn) of unit leaders.</summary>
internal sealed class ApologyLetters(CountersDbContext db, DossierWorkflow workflow, ICurrentScope scope, TimeProvider time, IWorkingCalendar calendar)
{
    public const int BoardLimit = 200;

    public async Task<KeysetPage<ApologyLetterDto>> ListAsync(string? status, string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.ApologyLetters.AsNoTracking();
        query = status switch
        {
            "pending" => query.Where(a => a.IssuedAt == null),
            "issued" => query.Where(a => a.IssuedAt != null),
            null or "" => query,
            _ => throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400) { MessageCode = CountersMessages.ApologyStatusInvalid },
        };
        if (KeysetCursor.Decode<Guid?>(cursor) is { } last)
        {
            query = query.Where(a => a.Id.CompareTo(last) < 0);
        }

        var letters = await query.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(ct);
        var dtos = await DtosAsync(letters, ct);
        return KeysetCursor.ToPage(dtos, size, x => x, x => (Guid?)x.Id);
    }

    private async Task<List<ApologyLetterDto>> DtosAsync(IReadOnlyList<ApologyLetter> letters, CancellationToken ct)
    {
        var ids = letters.Select(l => l.DossierId).Distinct().ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.ApplicantName, d.ProcedureName, d.CurrentUnitName }).ToDictionaryAsync(d => d.Id, ct);
        return letters.Select(l =>
        {
            var d = dossiers.GetValueOrDefault(l.DossierId);
            return new ApologyLetterDto(l.Id, l.DossierId, l.DossierCode, d?.ApplicantName ?? "", d?.ProcedureName ?? "", d?.CurrentUnitName ?? "",
                l.OriginalDueAt, l.ProposedDueAt, l.Reason, l.CreatedAt, l.IssuedAt, l.IssuedBy,
                $"/api/v1/counters/dossiers/{l.DossierId}/forms/apology?letterId={l.Id}");
        }).ToList();
    }

    /// <summary>
    /// Phát hành: the letter goes to the applicant and the dossier's due date moves to the new date, recorded as an
    /// extension with the letter's reason (gia hạn through the dossier workflow: history, event, audit).
    /// </summary>
    public async Task<ApologyLetterDto> IssueAsync(Guid id, IssueApologyRequest request, CancellationToken ct)
    {
        var letter = await db.ApologyLetters.FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new PlatformException(CountersErrorCodes.ApologyLetterNotFound, 404);
        if (letter.IssuedAt is { } issued)
        {
            throw new PlatformException(PlatformErrorCodes.Conflict, 409, Forms.FormLayout.Short(issued)) { MessageCode = CountersMessages.ApologyAlreadyIssued };
        }

        var now = time.GetUtcNow();
        var proposed = (request.ProposedDueAt ?? letter.ProposedDueAt).ToUniversalTime();
        if (proposed <= now)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400) { MessageCode = CountersMessages.ApologyDateInPast };
        }

        var dossier = await workflow.LoadAsync(letter.DossierId, ct);
        if (dossier.DueAt is not { } due)
        {
            throw new PlatformException(CountersErrorCodes.DossierTransitionNotAllowed, 409) { MessageCode = CountersMessages.ApologyNoDueDate };
        }

        var planner = await NewDatePlanner.LoadAsync(calendar, ct);
        // A year without calendar data throws CalendarNotCoveredException: a 422 with its own code.
        var hours = planner.ExtensionHours(dossier.UnitId, due, proposed);

        if (hours <= 0)
        {
            throw new PlatformException(PlatformErrorCodes.Conflict, 409, Forms.FormLayout.Short(due)) { MessageCode = CountersMessages.ApologyNotNeeded };
        }

        letter.ProposedDueAt = proposed;
        letter.Reason = request.Reason?.Trim() ?? letter.Reason;
        letter.IssuedAt = now;
        letter.IssuedBy = scope.ActorName;
        // One transaction: the letter and the extension are saved by the workflow's SaveChanges.
        await workflow.ExtendAsync(dossier, hours, LegalTimeUnits.WorkingHour, $"Mẫu 04 (xin lỗi, hẹn lại ngày trả kết quả): {letter.Reason}", ct);
        return (await DtosAsync([letter], ct))[0];
    }

    public async Task<OverdueBoardData> BoardAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lateQuery = DossierQueries.OverdueAt(db.Dossiers.AsNoTracking(), now);
        var soonLimit = now + DossierQueries.DueSoonWindow;
        var soonQuery = db.Dossiers.AsNoTracking().Where(d => Dossier.Active.Contains(d.Status) && d.ClockStoppedSince == null
            && d.DueAt != null && d.DueAt >= now && d.DueAt <= soonLimit);
        var pendingIds = await db.ApologyLetters.Where(a => a.IssuedAt == null).Select(a => a.DossierId).ToListAsync(ct);
        var late = await lateQuery.OrderBy(d => d.DueAt).Take(BoardLimit).ToListAsync(ct);
        var soon = await soonQuery.OrderBy(d => d.DueAt).Take(BoardLimit).ToListAsync(ct);
        var pending = await db.ApologyLetters.AsNoTracking().Where(a => a.IssuedAt == null).OrderBy(a => a.OriginalDueAt).Take(BoardLimit).ToListAsync(ct);
        OverdueDossier Item(Dossier d) => new(d.Id, d.Code, d.ProcedureName, d.ApplicantName, DossierStatuses.NameVi(d.Status), d.CurrentUnitName,
            d.AssignedTo, d.DueAt!.Value, now - d.DueAt!.Value, pendingIds.Contains(d.Id));
        return new(late.Select(Item).ToList(), await lateQuery.CountAsync(ct), soon.Select(Item).ToList(), await soonQuery.CountAsync(ct), await DtosAsync(pending, ct));
    }

    /// <summary>"2 ngày 3 giờ" (calendar time) for the board.</summary>
    public static string Lateness(TimeSpan late)
    {
        var span = late.Duration();
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays} ngày {span.Hours} giờ" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} giờ {span.Minutes} phút" : $"{Math.Max(1, span.Minutes)} phút";
    }
}
