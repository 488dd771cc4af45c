using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Messaging;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;

namespace OneStop.Platform.Calendar;

/// <summary>Ngày nghỉ chính thức: list by year (all staff), add and remove (system administrators).</summary>
internal static class DaysOffEndpoints
{
    public static void Map(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/days-off", List).RequirePermission(PlatformPermissions.CalendarRead)
            .WithSummary("Ngày nghỉ, ngày làm bù của một năm");
        calendar.MapPost("/days-off", Add).RequirePermission(PlatformPermissions.CalendarManage)
            .Validate<AddDayOffRequest>().WithIdempotency()
            .WithSummary("Thêm ngày nghỉ hoặc ngày làm bù (quản trị hệ thống)");
        calendar.MapDelete("/days-off/{id:guid}", Remove).RequirePermission(PlatformPermissions.CalendarManage)
            .WithSummary("Xóa một ngày nghỉ hoặc ngày làm bù (quản trị hệ thống)");
    }

    internal static async Task<Ok<IReadOnlyList<DayOffDto>>> List(PlatformDbContext db, int? year, CancellationToken ct)
    {
        var query = db.DaysOff.AsNoTracking();
        if (year is { } y)
        {
            if (y < InputLimits.MinDate.Year || y > InputLimits.MaxDate.Year)
            {
                throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400, InputLimits.MinDate.ToString("dd/MM/yyyy"), InputLimits.MaxDate.ToString("dd/MM/yyyy"))
                {
                    MessageCode = PlatformMessages.DateOutOfRange,
                };
            }

            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(d => d.Date >= from && d.Date <= to);
        }

        var rows = await query.OrderBy(d => d.Date).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DayOffDto>>(rows.Select(ToDto).ToList());
    }

    internal static async Task<Results<Created<DayOffDto>, ProblemHttpResult>> Add(PlatformDbContext db, AddDayOffRequest request, CancellationToken ct)
    {
        if (await db.DaysOff.AnyAsync(d => d.Date == request.Date, ct))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.DayOffExists, StatusCodes.Status409Conflict,
                request.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var day = new DayOff(request.Date, request.Kind, request.Name.Trim(), request.Source?.Trim() ?? "");
        db.DaysOff.Add(day);
        // With the change, through the outbox: open dossiers' due dates are recomputed (ADR 0040).
        db.Publish(new WorkingCalendarChanged(day.Date, null, $"{(day.Kind == DayOffKinds.MakeupWorkday ? "Thêm ngày làm bù" : "Thêm ngày nghỉ")} {WorkingCalendar.Format(day.Date)} ({day.Name})"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/counters/calendar/days-off/{day.Id}", ToDto(day));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(PlatformDbContext db, Guid id, CancellationToken ct)
    {
        var day = await db.DaysOff.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.DayOffNotFound, StatusCodes.Status404NotFound));
        }

        db.DaysOff.Remove(day);
        db.Publish(new WorkingCalendarChanged(day.Date, null, $"{(day.Kind == DayOffKinds.MakeupWorkday ? "Bỏ ngày làm bù" : "Bỏ ngày nghỉ")} {WorkingCalendar.Format(day.Date)} ({day.Name})"));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static DayOffDto ToDto(DayOff d) => new(d.Id, d.Date, d.Kind, d.Name, d.Source, d.Kind == DayOffKinds.MakeupWorkday);
}
