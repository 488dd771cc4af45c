namespace OneStop.Platform.Calendar;

/// <summary>Working time between two Vietnam wall-clock times: the office-hours part of each working day in between.</summary>
public static class WorkingTime
{
    public static TimeSpan Between(WorkingCalendar calendar, OfficeHours hours, DateTime from, DateTime to)
    {
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            calendar.EnsureCovered(day);
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            total += Overlap(day.ToDateTime(hours.MorningStart), day.ToDateTime(hours.MorningEnd), from, to)
                + Overlap(day.ToDateTime(hours.AfternoonStart), day.ToDateTime(hours.AfternoonEnd), from, to);
        }

        return total;
    }

    private static TimeSpan Overlap(DateTime start, DateTime end, DateTime from, DateTime to)
    {
        var s = start > from ? start : from;
        var e = end < to ? end : to;
        return e > s ? e - s : TimeSpan.Zero;
    }
}
