using OneStop.Platform.Domain;

namespace OneStop.Platform.Calendar;

/// <summary>Giờ làm việc overridden for one administrative unit; units without a row use <see cref="OfficeHours.Default"/>.</summary>
internal sealed class UnitOfficeHours : ScopedEntity
{
    public TimeOnly MorningStart { get; set; }
    public TimeOnly MorningEnd { get; set; }
    public TimeOnly AfternoonStart { get; set; }
    public TimeOnly AfternoonEnd { get; set; }

    public OfficeHours ToOfficeHours() => new(MorningStart, MorningEnd, AfternoonStart, AfternoonEnd);

    public void Set(OfficeHours hours)
    {
        MorningStart = hours.MorningStart;
        MorningEnd = hours.MorningEnd;
        AfternoonStart = hours.AfternoonStart;
        AfternoonEnd = hours.AfternoonEnd;
    }
}
