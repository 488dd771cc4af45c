using OneStop.Platform.Persistence;

namespace OneStop.Platform.Calendar;

/// <summary>The instance's calendar snapshot under the calendar's change version (ADR 0060).</summary>
internal sealed class WorkingCalendarCache
{
    public VersionedCopy<CalendarSnapshot> Snapshot { get; } = new(PlatformDbContext.SchemaName, WorkingCalendarReader.VersionName);
}
