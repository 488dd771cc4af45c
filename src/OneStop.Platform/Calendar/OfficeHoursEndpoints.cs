using OneStop.Platform.Localization;
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

/// <summary>Office hours per unit: read for units in scope, overridden by unit leaders for their own unit or below.</summary>
internal static class OfficeHoursEndpoints
{
    public static void Map(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/office-hours/{unitId:guid}", Get).RequirePermission(PlatformPermissions.CalendarRead)
            .WithSummary("Giờ làm việc của một đơn vị trong phạm vi (mặc định 07:00–11:30, 13:30–17:00)");
        calendar.MapPut("/office-hours/{unitId:guid}", Set).RequirePermission(PlatformPermissions.OfficeHoursManage)
            .Validate<SetOfficeHoursRequest>()
            .WithSummary("Đặt giờ làm việc riêng cho một đơn vị trong phạm vi");
    }

    internal static async Task<Results<Ok<OfficeHoursDto>, ProblemHttpResult>> Get(PlatformDbContext db, IWorkingCalendar calendar, Guid unitId, CancellationToken ct)
    {
        // The unit is looked up through the scope filter: units outside the caller's scope are "not found".
        var unit = await db.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return UnitNotFound();
        }

        var own = await calendar.OwnOfficeHoursAsync(unitId, ct);
        return TypedResults.Ok(OfficeHoursDto.From(unit.Id, unit.Name, own ?? OfficeHours.Default, own is null));
    }

    internal static async Task<Results<Ok<OfficeHoursDto>, ProblemHttpResult>> Set(PlatformDbContext db, Guid unitId, SetOfficeHoursRequest request, CancellationToken ct)
    {
        var unit = await db.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return UnitNotFound();
        }

        var hours = request.Parse()!;
        var row = await db.OfficeHours.FirstOrDefaultAsync(h => h.UnitId == unitId, ct);
        if (row is null)
        {
            // Stamped with the target unit, not the acting one: a district sets the hours of one of its communes.
            row = new UnitOfficeHours { UnitId = unit.Id, UnitPath = unit.Path };
            db.OfficeHours.Add(row);
        }

        row.Set(hours);
        // Due dates count in the unit's hours from reception: every open dossier of the unit may move (ADR 0040).
        db.Publish(new WorkingCalendarChanged(DateOnly.MinValue, unit.Id, $"Giờ làm việc của {unit.Name} đổi thành {hours}"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OfficeHoursDto.From(unit.Id, unit.Name, hours, false));
    }

    private static ProblemHttpResult UnitNotFound() =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.NotFound, Messages.Text(CalendarMessages.UnitNotFound), StatusCodes.Status404NotFound));
}
