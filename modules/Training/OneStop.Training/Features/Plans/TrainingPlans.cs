using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Domain;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features.Plans;

internal sealed record PlanItemDto(Guid Id, int Year, Guid CourseId, string CourseTitle, string UnitPath, int Planned, int Trained, string? Note);

internal sealed record PlanItemRequest(int Year, Guid CourseId, int PlannedParticipants, string? Note) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (Year is < 2021 or > 2030)
        {
            yield return new(nameof(Year), "Năm kế hoạch phải từ 2021 đến 2030.");
        }

        if (CourseId == Guid.Empty)
        {
            yield return new(nameof(CourseId), "Chọn khóa học.");
        }

        if (PlannedParticipants is < 1 or > 10000)
        {
            yield return new(nameof(PlannedParticipants), "Số người dự kiến đào tạo từ 1 đến 10000.");
        }

        if (Note is { Length: > 1000 })
        {
            yield return new(nameof(Note), "Ghi chú tối đa 1000 ký tự.");
        }
    }
}

/// <summary>
/// Kế hoạch đào tạo hằng năm của đơn vị and its fulfilment: staff of the planning unit (and its sub-units) who passed a
/// class of that course in that year.
/// </summary>
internal sealed class TrainingPlans(TrainingDbContext db, ICurrentScope scope)
{
    public async Task<IReadOnlyList<PlanItemDto>> ListAsync(int year, CancellationToken ct)
    {
        var items = await db.PlanItems.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.UnitPath).ToListAsync(ct);
        var courses = await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var passed = await (from p in db.Participants.AsNoTracking()
                            join c in db.Classes.IgnoreQueryFilters([Platform.Persistence.PlatformModelConventions.ScopeFilter]) on p.ClassId equals c.Id
                            where p.Result == "passed" && c.EndsOn.Year == year
                            select new { c.CourseId, p.UnitPath }).ToListAsync(ct);
        return items.Select(i => new PlanItemDto(i.Id, i.Year, i.CourseId, courses.GetValueOrDefault(i.CourseId, ""), i.UnitPath, i.PlannedParticipants,
            passed.Count(x => x.CourseId == i.CourseId && x.UnitPath.StartsWith(i.UnitPath, StringComparison.Ordinal)), i.Note)).ToList();
    }

    /// <summary>Creates or updates the acting unit's plan line for a course and year.</summary>
    public async Task<Guid> UpsertAsync(PlanItemRequest request, CancellationToken ct)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == request.CourseId, ct))
        {
            throw new PlatformException(TrainingErrorCodes.CourseNotFound, "Không tìm thấy khóa học.", 404);
        }

        var item = await db.PlanItems.FirstOrDefaultAsync(p => p.UnitId == scope.Unit.UnitId && p.Year == request.Year && p.CourseId == request.CourseId, ct);
        if (item is null)
        {
            item = new TrainingPlanItem(request.Year, request.CourseId, request.PlannedParticipants, request.Note);
            db.PlanItems.Add(item);
        }
        else
        {
            item.PlannedParticipants = request.PlannedParticipants;
            item.Note = request.Note;
        }

        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}
