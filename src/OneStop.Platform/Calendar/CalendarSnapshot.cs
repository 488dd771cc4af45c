namespace OneStop.Platform.Calendar;

/// <summary>
/// The calendar tables as read at one change version (ADR 0060): the days off, and every unit's own office
/// hours. Immutable, so one snapshot serves every request of an instance at once; its working-minute indexes are built
/// once per schedule and kept with it.
/// </summary>
internal sealed record CalendarSnapshot(WorkingCalendar Calendar, IReadOnlyDictionary<Guid, OfficeHours> Overrides)
{
    public OfficeHours HoursOf(Guid unitId) => Overrides.GetValueOrDefault(unitId) ?? OfficeHours.Default;
}
