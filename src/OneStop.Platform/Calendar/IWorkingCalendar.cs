namespace OneStop.Platform.Calendar;

/// <summary>
/// Lịch làm việc as a service for every module: the official days off (national data) and each unit's office hours,
/// read from the kernel's tables (about a hundred rows, read again only after a change: ADR 0060). Office hours are read
/// whatever the caller's scope: a dossier received in one unit and resolved in another still counts in the receiving
/// unit's hours. A year without data throws <see cref="CalendarNotCoveredException"/> rather than guess.
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>The whole calendar, for many look-ups in one go (a scan, a page of dates).</summary>
    Task<WorkingCalendar> LoadAsync(CancellationToken ct = default);

    /// <summary>The whole calendar and the unit's office hours, as of one read (what a due date is counted over).</summary>
    Task<(WorkingCalendar Calendar, OfficeHours Hours)> ForUnitAsync(Guid unitId, CancellationToken ct = default);

    /// <summary>Whether <paramref name="date"/> is a working day (ngày làm việc).</summary>
    Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct = default);

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="date"/> (0: the date itself if working, else the next).</summary>
    Task<DateOnly> AddWorkingDaysAsync(DateOnly date, int days, CancellationToken ct = default);

    /// <summary>The unit's office hours: its own override, else <see cref="OfficeHours.Default"/>.</summary>
    Task<OfficeHours> OfficeHoursAsync(Guid unitId, CancellationToken ct = default);

    /// <summary>The unit's own override, or null when it uses the default.</summary>
    Task<OfficeHours?> OwnOfficeHoursAsync(Guid unitId, CancellationToken ct = default);

    /// <summary>Every unit's override, by unit id (units absent use the default).</summary>
    Task<IReadOnlyDictionary<Guid, OfficeHours>> OfficeHoursOverridesAsync(CancellationToken ct = default);

    /// <summary>Hạn giải quyết for <paramref name="input"/> in the unit's office hours, with its explanation.</summary>
    Task<DueDateResult> DueDateAsync(Guid unitId, DueDateInput input, CancellationToken ct = default);

    /// <summary>
    /// Hạn giải quyết alone (local Vietnam time), the same moment as <see cref="DueDateAsync"/> gives, without building
    /// the explanation; for many dates at once load the calendar and use <see cref="WorkingCalendar.IndexFor"/>.
    /// </summary>
    Task<DateTime> DueAtAsync(Guid unitId, DueDateInput input, CancellationToken ct = default);
}
