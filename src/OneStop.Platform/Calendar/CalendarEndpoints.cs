using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OneStop.Platform.Calendar;

/// <summary>
/// The calendar's REST endpoints. They stay under <c>/api/v1/counters/calendar</c>, where they were published before
/// the calendar moved to the kernel (ADR 0022); Counters adds its due-date endpoint to the same group.
/// </summary>
internal static class CalendarEndpoints
{
    public const string Prefix = "/counters/calendar";

    public static void Map(IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup(Prefix).WithTags("Lịch làm việc");
        DaysOffEndpoints.Map(calendar);
        OfficeHoursEndpoints.Map(calendar);
    }
}
