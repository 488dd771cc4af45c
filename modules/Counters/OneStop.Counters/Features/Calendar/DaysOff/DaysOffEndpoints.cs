using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Calendar;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Calendar.DaysOff;

internal sealed record DayOffDto(Guid Id, DateOnly Date, string Kind, string Name, string Source, bool IsWorkingDay);

/// <summary>Thêm ngày nghỉ / ngày làm bù.</summary>
internal sealed record AddDayOffRequest(DateOnly Date, string Kind, string Name, string? Source) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (!DayOffKinds.All.Contains(Kind))
        {
            yield return new(nameof(Kind), $"Loại ngày phải là một trong: {string.Join(", ", DayOffKinds.All)}.");
        }
        else if (Kind == DayOffKinds.MakeupWorkday && Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            yield return new(nameof(Date), "Ngày làm bù phải là Thứ Bảy hoặc Chủ nhật (ngày thường vốn đã là ngày làm việc).");
        }

        if (Date.Year is < 2000 or > 2100)
        {
            yield return new(nameof(Date), "Ngày không hợp lệ.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 256)
        {
            yield return new(nameof(Name), "Tên ngày nghỉ bắt buộc, tối đa 256 ký tự.");
        }

        if (Source is { Length: > 2000 })
        {
            yield return new(nameof(Source), "Nguồn tối đa 2000 ký tự.");
        }
    }
}

/// <summary>Ngày nghỉ chính thức: list by year (all staff), add and remove (system administrators).</summary>
internal static class DaysOffEndpoints
{
    public static void Map(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/days-off", List).RequirePermission(CountersPermissions.CalendarRead)
            .WithSummary("Ngày nghỉ, ngày làm bù của một năm");
        calendar.MapPost("/days-off", Add).RequirePermission(CountersPermissions.CalendarManage)
            .Validate<AddDayOffRequest>().WithIdempotency()
            .WithSummary("Thêm ngày nghỉ hoặc ngày làm bù (quản trị hệ thống)");
        calendar.MapDelete("/days-off/{id:guid}", Remove).RequirePermission(CountersPermissions.CalendarManage)
            .WithSummary("Xóa một ngày nghỉ hoặc ngày làm bù (quản trị hệ thống)");
    }

    internal static async Task<Ok<IReadOnlyList<DayOffDto>>> List(CountersDbContext db, int? year, CancellationToken ct)
    {
        var query = db.DaysOff.AsNoTracking();
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(d => d.Date >= from && d.Date <= to);
        }

        var rows = await query.OrderBy(d => d.Date).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DayOffDto>>(rows.Select(ToDto).ToList());
    }

    internal static async Task<Results<Created<DayOffDto>, ProblemHttpResult>> Add(CountersDbContext db, AddDayOffRequest request, CancellationToken ct)
    {
        if (await db.DaysOff.AnyAsync(d => d.Date == request.Date, ct))
        {
            return CountersProblems.Problem(CountersErrorCodes.DayOffExists, $"Ngày {request.Date:dd/MM/yyyy} đã có trong lịch; hãy xóa mục cũ trước khi thêm.", StatusCodes.Status409Conflict);
        }

        var day = new DayOff(request.Date, request.Kind, request.Name.Trim(), request.Source?.Trim() ?? "");
        db.DaysOff.Add(day);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/counters/calendar/days-off/{day.Id}", ToDto(day));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(CountersDbContext db, Guid id, CancellationToken ct)
    {
        var day = await db.DaysOff.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return CountersProblems.NotFound(CountersErrorCodes.DayOffNotFound, "Không tìm thấy ngày nghỉ.");
        }

        db.DaysOff.Remove(day);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static DayOffDto ToDto(DayOff d) => new(d.Id, d.Date, d.Kind, d.Name, d.Source, d.Kind == DayOffKinds.MakeupWorkday);
}
