using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Documents;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Domain;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features.Plans;

/// <param name="Planned">Participants planned (kept under this name for API callers).</param>
/// <param name="Trained">Staff of the unit (and below) who passed a class of the course ending in the year.</param>
/// <param name="HeldClasses">Classes of the course organised in the unit (and below) that ended in the year, by today.</param>
internal sealed record PlanItemDto(
    Guid Id, int Year, Guid CourseId, string CourseTitle, string UnitPath, int Planned, int Trained, string? Note,
    string CourseCode, string UnitName, int PlannedClasses, int HeldClasses);

internal sealed record PlanTotals(int Lines, int PlannedClasses, int HeldClasses, int PlannedParticipants, int Trained);

internal sealed record PlanItemRequest(int Year, Guid CourseId, int PlannedParticipants, string? Note, int PlannedClasses = 0);

internal sealed class PlanItemRequestValidator : AbstractValidator<PlanItemRequest>
{
    public PlanItemRequestValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2021, 2030).WithErrorCode(TrainingMessages.PlanYearOutOfRange);
        RuleFor(r => r.CourseId).NotEqual(Guid.Empty).WithErrorCode(TrainingMessages.CourseRequired);
        RuleFor(r => r.PlannedParticipants).InclusiveBetween(0, 10000).WithErrorCode(TrainingMessages.PlannedParticipantsOutOfRange)
            .DependentRules(() =>
                // A plan line plans something: classes to hold, people to train, or both.
                RuleFor(r => r.PlannedParticipants).Must((r, participants) => participants > 0 || r.PlannedClasses != 0).WithErrorCode(TrainingMessages.PlanEmpty));
        RuleFor(r => r.PlannedClasses).InclusiveBetween(0, 1000).WithErrorCode(TrainingMessages.PlannedClassesOutOfRange);
        RuleFor(r => r.Note).MaximumLength(1000).WithErrorCode(TrainingMessages.NoteTooLong);
    }
}

/// <summary>
/// Kế hoạch đào tạo hằng năm của đơn vị and its fulfilment: classes of the course held in the planning unit (and its
/// sub-units) that ended in the year by today, and staff of the unit (and below) who passed a class of that course in
/// that year, wherever it was held. Plan lines are rows of the planning unit (scope filter).
/// </summary>
internal sealed class TrainingPlans(TrainingDbContext db, ICurrentScope scope, IAdministrativeUnitDirectory units, TimeProvider clock)
{
    private static readonly string[] ScopeFilter = [Platform.Persistence.PlatformModelConventions.ScopeFilter];

    public async Task<IReadOnlyList<PlanItemDto>> ListAsync(int year, CancellationToken ct) =>
        await FulfilAsync(year, await db.PlanItems.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.UnitPath).ThenBy(p => p.Id).ToListAsync(ct), ct);

    /// <summary>Plan lines of a year by unit, a keyset page at a time (a province holds hundreds of units' lines).</summary>
    public async Task<KeysetPage<PlanItemDto>> PageAsync(int year, string? cursor, int size, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<string>(cursor);
        var rows = await db.PlanItems.AsNoTracking().Where(p => p.Year == year)
            .Select(p => new { p, Key = p.UnitPath + "|" + p.Id.ToString() })
            .Where(x => after == null || string.Compare(x.Key, after) > 0)
            .OrderBy(x => x.Key).Take(size + 1).ToListAsync(ct);
        var items = await FulfilAsync(year, rows.Select(r => r.p).ToList(), ct);
        return KeysetCursor.ToPage(items.Zip(rows, (dto, row) => (dto, row.Key)).ToList(), size, x => x.dto, x => x.Key);
    }

    public static PlanTotals Totals(IReadOnlyList<PlanItemDto> items) =>
        new(items.Count, items.Sum(i => i.PlannedClasses), items.Sum(i => i.HeldClasses), items.Sum(i => i.Planned), items.Sum(i => i.Trained));

    private async Task<IReadOnlyList<PlanItemDto>> FulfilAsync(int year, IReadOnlyList<TrainingPlanItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var courseIds = items.Select(i => i.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var held = await db.Classes.AsNoTracking()
            .Where(c => courseIds.Contains(c.CourseId) && c.EndsOn.Year == year && c.EndsOn <= today)
            .Select(c => new { c.CourseId, c.UnitPath }).ToListAsync(ct);
        // The participant is the unit's; the class may be the province's, outside the reader's scope.
        var passed = await (from p in db.Participants.AsNoTracking()
                            join c in db.Classes.IgnoreQueryFilters(ScopeFilter) on p.ClassId equals c.Id
                            where p.Result == "passed" && c.EndsOn.Year == year && courseIds.Contains(c.CourseId)
                            select new { c.CourseId, p.UnitPath, p.UserId }).ToListAsync(ct);
        var result = new List<PlanItemDto>(items.Count);
        foreach (var i in items)
        {
            var course = courses[i.CourseId];
            var unitName = (await units.FindAsync(i.UnitId, ct))?.Name ?? "";
            result.Add(new PlanItemDto(i.Id, i.Year, i.CourseId, course.Title, i.UnitPath, i.PlannedParticipants,
                passed.Where(x => x.CourseId == i.CourseId && x.UnitPath.StartsWith(i.UnitPath, StringComparison.Ordinal)).Select(x => x.UserId).Distinct().Count(),
                i.Note, course.Code, unitName, i.PlannedClasses,
                held.Count(x => x.CourseId == i.CourseId && x.UnitPath.StartsWith(i.UnitPath, StringComparison.Ordinal))));
        }

        return result;
    }

    /// <summary>Creates or updates the acting unit's plan line for a course and year.</summary>
    public async Task<Guid> UpsertAsync(PlanItemRequest request, CancellationToken ct)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == request.CourseId, ct))
        {
            throw new PlatformException(TrainingErrorCodes.CourseNotFound, 404);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var item = await db.PlanItems.FirstOrDefaultAsync(p => p.UnitId == scope.Unit.UnitId && p.Year == request.Year && p.CourseId == request.CourseId, ct);
        if (item is null)
        {
            item = new TrainingPlanItem(request.Year, request.CourseId, request.PlannedClasses, request.PlannedParticipants, note);
            db.PlanItems.Add(item);
        }
        else
        {
            item.PlannedClasses = request.PlannedClasses;
            item.PlannedParticipants = request.PlannedParticipants;
            item.Note = note;
        }

        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>The year's plan lines with their fulfilment, one sheet, totals last.</summary>
    public static byte[] Excel(int year, IReadOnlyList<PlanItemDto> items)
    {
        List<ExcelColumn<(int No, PlanItemDto Item)>> columns =
        [
            new("TT", 6, r => r.No),
            new("Đơn vị", 34, r => r.Item.UnitName),
            new("Mã khóa học", 12, r => r.Item.CourseCode),
            new("Khóa học", 60, r => r.Item.CourseTitle),
            new("Số lớp kế hoạch", 14, r => r.Item.PlannedClasses),
            new("Số lớp đã tổ chức", 16, r => r.Item.HeldClasses),
            new("Số người kế hoạch", 16, r => r.Item.Planned),
            new("Số người đã đạt", 14, r => r.Item.Trained),
            new("Tỷ lệ đạt (%)", 12, r => r.Item.Planned == 0 ? "" : Math.Round(100.0 * r.Item.Trained / r.Item.Planned, 1)),
            new("Ghi chú", 40, r => r.Item.Note ?? ""),
        ];
        var t = Totals(items);
        object?[] totals = ["", "Tổng cộng", "", "", t.PlannedClasses, t.HeldClasses, t.PlannedParticipants, t.Trained];
        using var book = new ExcelWorkbook().Sheet($"Kế hoạch đào tạo {year}", columns, items.Select((i, n) => (No: n + 1, Item: i)), totals: [totals]);
        return book.ToBytes();
    }
}
