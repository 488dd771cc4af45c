using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Domain.Calendar;
using OneStop.Counters.Infrastructure;

namespace OneStop.Counters.Features.Calendar;

/// <summary>Loads the pure calendar objects from the database (about a hundred rows: read per request, no cache to invalidate).</summary>
internal static class CalendarReader
{
    public static async Task<WorkingCalendar> CalendarAsync(CountersDbContext db, CancellationToken ct) =>
        new((await db.DaysOff.AsNoTracking().ToListAsync(ct)).Select(d => d.ToEntry()));

    /// <summary>The unit's own override, else the default. The row is scoped: only units in the caller's scope are read.</summary>
    public static async Task<(Domain.Calendar.OfficeHours Hours, bool IsDefault)> OfficeHoursAsync(CountersDbContext db, Guid unitId, CancellationToken ct) =>
        await db.OfficeHours.AsNoTracking().FirstOrDefaultAsync(h => h.UnitId == unitId, ct) is { } row
            ? (row.ToOfficeHours(), false)
            : (Domain.Calendar.OfficeHours.Default, true);
}
