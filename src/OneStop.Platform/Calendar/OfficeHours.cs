using System.Globalization;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Calendar;

/// <summary>
/// Giờ làm việc of a unit: a morning and an afternoon period, local Vietnam time. The default is 07:00–11:30 and
/// 13:30–17:00; every schedule must total 8 hours, because 1 working day = 8 working hours in law and practice
/// (summer and winter schedules both keep 8 hours).
/// </summary>
public sealed record OfficeHours(TimeOnly MorningStart, TimeOnly MorningEnd, TimeOnly AfternoonStart, TimeOnly AfternoonEnd)
{
    public static readonly TimeSpan WorkingDay = TimeSpan.FromHours(8);

    public static readonly OfficeHours Default = new(new(7, 0), new(11, 30), new(13, 30), new(17, 0));

    public TimeSpan DailyWorkingTime => (MorningEnd - MorningStart) + (AfternoonEnd - AfternoonStart);

    public bool InOrder => MorningStart < MorningEnd && MorningEnd <= AfternoonStart && AfternoonStart < AfternoonEnd;

    /// <summary>The daily total in hours, as shown ("7.5").</summary>
    internal string DailyHours => DailyWorkingTime.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>What is wrong with the schedule, in the reader's language.</summary>
    public IEnumerable<string> Problems()
    {
        if (!InOrder)
        {
            yield return Messages.Text(CalendarMessages.HoursOutOfOrder);
        }
        else if (DailyWorkingTime != WorkingDay)
        {
            yield return Messages.Text(CalendarMessages.HoursNotEight, DailyHours);
        }
    }

    public override string ToString() =>
        $"{F(MorningStart)}–{F(MorningEnd)} và {F(AfternoonStart)}–{F(AfternoonEnd)}";

    private static string F(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
