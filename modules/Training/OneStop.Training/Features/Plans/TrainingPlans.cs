using ClosedXML.Excel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
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
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add($"Kế hoạch đào tạo {year}");
        string[] head = ["TT", "Đơn vị", "Mã khóa học", "Khóa học", "Số lớp kế hoạch", "Số lớp đã tổ chức", "Số người kế hoạch", "Số người đã đạt", "Tỷ lệ đạt (%)", "Ghi chú"];
        for (var c = 0; c < head.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = head[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var i in items)
        {
            object[] values = [row - 1, i.UnitName, i.CourseCode, i.CourseTitle, i.PlannedClasses, i.HeldClasses, i.Planned, i.Trained,
                i.Planned == 0 ? "" : Math.Round(100.0 * i.Trained / i.Planned, 1), i.Note ?? ""];
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(row, c + 1).Value = values[c];
            }

            row++;
        }

        var t = Totals(items);
        object[] totals = ["", "Tổng cộng", "", "", t.PlannedClasses, t.HeldClasses, t.PlannedParticipants, t.Trained];
        for (var c = 0; c < totals.Length; c++)
        {
            sheet.Cell(row, c + 1).Value = totals[c];
        }

        sheet.Row(row).Style.Font.Bold = true;
        double[] widths = [6, 34, 12, 60, 14, 16, 16, 14, 12, 40];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c]; // ClosedXML's AdjustToContents needs System.Drawing, which Linux lacks
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
