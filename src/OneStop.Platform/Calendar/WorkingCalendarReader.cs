using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Calendar;

/// <summary>Reads the calendar tables of the kernel and runs the pure calculators over them.</summary>
internal sealed class WorkingCalendarReader(PlatformDbContext db) : IWorkingCalendar
{
    public async Task<WorkingCalendar> LoadAsync(CancellationToken ct = default) =>
        new((await db.DaysOff.AsNoTracking().ToListAsync(ct)).Select(d => d.ToEntry()));

    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct = default) =>
        (await LoadAsync(ct)).IsWorkingDay(date);

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly date, int days, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var calendar = await LoadAsync(ct);
        var day = date;
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        for (var left = days; left > 0; left--)
        {
            day = day.AddDays(1);
            while (!calendar.IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
        }

        return day;
    }

    public async Task<OfficeHours> OfficeHoursAsync(Guid unitId, CancellationToken ct = default) =>
        await OwnOfficeHoursAsync(unitId, ct) ?? OfficeHours.Default;

    public async Task<OfficeHours?> OwnOfficeHoursAsync(Guid unitId, CancellationToken ct = default) =>
        (await OverridesQuery().FirstOrDefaultAsync(h => h.UnitId == unitId, ct))?.ToOfficeHours();

    public async Task<IReadOnlyDictionary<Guid, OfficeHours>> OfficeHoursOverridesAsync(CancellationToken ct = default) =>
        (await OverridesQuery().ToListAsync(ct)).ToDictionary(h => h.UnitId, h => h.ToOfficeHours());

    public async Task<DueDateResult> DueDateAsync(Guid unitId, DueDateInput input, CancellationToken ct = default) =>
        DueDateCalculator.Compute(await LoadAsync(ct), await OfficeHoursAsync(unitId, ct), input);

    public async Task<DateTime> DueAtAsync(Guid unitId, DueDateInput input, CancellationToken ct = default) =>
        (await LoadAsync(ct)).IndexFor(await OfficeHoursAsync(unitId, ct)).DueAt(input);

    // Office hours are not secret and a shared dossier counts in the receiving unit's hours: read past the scope filter,
    // but never a deleted row.
    private IQueryable<UnitOfficeHours> OverridesQuery() =>
        db.OfficeHours.IgnoreQueryFilters().AsNoTracking().Where(h => !h.IsDeleted);
}
