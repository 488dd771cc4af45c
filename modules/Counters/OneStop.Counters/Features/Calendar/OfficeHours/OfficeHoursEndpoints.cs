using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Calendar;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Calendar.OfficeHours;

internal sealed record OfficeHoursDto(Guid UnitId, string UnitName, string MorningStart, string MorningEnd, string AfternoonStart, string AfternoonEnd, bool IsDefault)
{
    public static OfficeHoursDto From(Guid unitId, string unitName, Domain.Calendar.OfficeHours h, bool isDefault) =>
        new(unitId, unitName, h.MorningStart.ToString("HH:mm"), h.MorningEnd.ToString("HH:mm"), h.AfternoonStart.ToString("HH:mm"), h.AfternoonEnd.ToString("HH:mm"), isDefault);
}

/// <summary>Giờ làm việc of a unit, as "HH:mm" local Vietnam time; the four must total 8 hours.</summary>
internal sealed record SetOfficeHoursRequest(string MorningStart, string MorningEnd, string AfternoonStart, string AfternoonEnd) : IValidatableRequest
{
    public Domain.Calendar.OfficeHours? Parse() =>
        VietnamTime.TryParseClock(MorningStart, out var ms) && VietnamTime.TryParseClock(MorningEnd, out var me)
        && VietnamTime.TryParseClock(AfternoonStart, out var a) && VietnamTime.TryParseClock(AfternoonEnd, out var ae)
            ? new(ms, me, a, ae)
            : null;

    public IEnumerable<ValidationError> Validate()
    {
        if (Parse() is not { } hours)
        {
            yield return new(nameof(MorningStart), "Giờ phải có dạng HH:mm (ví dụ 07:00).");
            yield break;
        }

        foreach (var problem in hours.Problems())
        {
            yield return new(nameof(AfternoonEnd), problem);
        }
    }
}

/// <summary>Office hours per unit: read for units in scope, overridden by unit leaders for their own unit or below.</summary>
internal static class OfficeHoursEndpoints
{
    public static void Map(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/office-hours/{unitId:guid}", Get).RequirePermission(CountersPermissions.CalendarRead)
            .WithSummary("Giờ làm việc của một đơn vị trong phạm vi (mặc định 07:00–11:30, 13:30–17:00)");
        calendar.MapPut("/office-hours/{unitId:guid}", Set).RequirePermission(CountersPermissions.OfficeHoursManage)
            .Validate<SetOfficeHoursRequest>()
            .WithSummary("Đặt giờ làm việc riêng cho một đơn vị trong phạm vi");
    }

    internal static async Task<Results<Ok<OfficeHoursDto>, ProblemHttpResult>> Get(PlatformDbContext platform, CountersDbContext db, Guid unitId, CancellationToken ct)
    {
        var unit = await platform.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return CountersProblems.NotFound(PlatformErrorCodes.NotFound, "Không tìm thấy đơn vị hành chính trong phạm vi của bạn.");
        }

        var (hours, isDefault) = await CalendarReader.OfficeHoursAsync(db, unitId, ct);
        return TypedResults.Ok(OfficeHoursDto.From(unit.Id, unit.Name, hours, isDefault));
    }

    internal static async Task<Results<Ok<OfficeHoursDto>, ProblemHttpResult>> Set(
        PlatformDbContext platform, CountersDbContext db, Guid unitId, SetOfficeHoursRequest request, CancellationToken ct)
    {
        var unit = await platform.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return CountersProblems.NotFound(PlatformErrorCodes.NotFound, "Không tìm thấy đơn vị hành chính trong phạm vi của bạn.");
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
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OfficeHoursDto.From(unit.Id, unit.Name, hours, false));
    }
}
