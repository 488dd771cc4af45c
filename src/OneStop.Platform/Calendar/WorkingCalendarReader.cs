using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Calendar;

/// <summary>
/// Reads the calendar tables of the kernel and runs the pure calculators over them. On PostgreSQL the tables are read
/// once per change (ADR 0060): each read asks the calendar's <see cref="ChangeVersions"/> value (one row) and uses the
/// instance's snapshot while it is the same.
/// </summary>
internal sealed class WorkingCalendarReader(PlatformDbContext db, WorkingCalendarCache cache) : IWorkingCalendar
{
    public async Task<WorkingCalendar> LoadAsync(CancellationToken ct = default) => (await SnapshotAsync(ct)).Calendar;

    public async Task<(WorkingCalendar Calendar, OfficeHours Hours)> ForUnitAsync(Guid unitId, CancellationToken ct = default)
    {
        var snapshot = await SnapshotAsync(ct);
        return (snapshot.Calendar, snapshot.HoursOf(unitId));
    }

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
        (await SnapshotAsync(ct)).HoursOf(unitId);

    public async Task<OfficeHours?> OwnOfficeHoursAsync(Guid unitId, CancellationToken ct = default) =>
        (await SnapshotAsync(ct)).Overrides.GetValueOrDefault(unitId);

    public async Task<IReadOnlyDictionary<Guid, OfficeHours>> OfficeHoursOverridesAsync(CancellationToken ct = default) =>
        (await SnapshotAsync(ct)).Overrides;

    public async Task<DueDateResult> DueDateAsync(Guid unitId, DueDateInput input, CancellationToken ct = default)
    {
        var (calendar, hours) = await ForUnitAsync(unitId, ct);
        return DueDateCalculator.Compute(calendar, hours, input);
    }

    public async Task<DateTime> DueAtAsync(Guid unitId, DueDateInput input, CancellationToken ct = default)
    {
        var (calendar, hours) = await ForUnitAsync(unitId, ct);
        return calendar.IndexFor(hours).DueAt(input);
    }

    /// <summary>The name of the calendar's change version (migration <c>CalendarVersion</c>).</summary>
    public const string VersionName = "calendar";

    private Task<CalendarSnapshot> SnapshotAsync(CancellationToken ct) => cache.Snapshot.GetAsync(db.Database, ReadAsync, ct);

    private async Task<CalendarSnapshot> ReadAsync(CancellationToken ct)
    {
        var days = await db.DaysOff.AsNoTracking().ToListAsync(ct);
        // Office hours are not secret and a shared dossier counts in the receiving unit's hours: read past the scope
        // filter, but never a deleted row.
        var overrides = await db.OfficeHours.IgnoreQueryFilters().AsNoTracking().Where(h => !h.IsDeleted).ToListAsync(ct);
        return new CalendarSnapshot(new WorkingCalendar(days.Select(d => d.ToEntry())),
            overrides.ToDictionary(h => h.UnitId, h => h.ToOfficeHours()));
    }
}
