namespace OneStop.Platform.Calendar;

/// <summary>
/// The instance's last calendar snapshot (ADR 0060). Only a hint: a reader uses it when the version PostgreSQL holds is
/// still the snapshot's, so a change committed on any instance is seen by the next read on every instance.
/// </summary>
internal sealed class WorkingCalendarCache
{
    private volatile CalendarSnapshot? _last;

    public CalendarSnapshot? At(Guid version) => _last is { } last && last.Version == version ? last : null;

    public void Keep(CalendarSnapshot snapshot) => _last = snapshot;
}
