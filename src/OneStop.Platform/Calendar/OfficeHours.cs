using System.Globalization;

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

    public IEnumerable<string> Problems()
    {
        if (!(MorningStart < MorningEnd && MorningEnd <= AfternoonStart && AfternoonStart < AfternoonEnd))
        {
            yield return "Giờ làm việc phải theo thứ tự: bắt đầu sáng < kết thúc sáng ≤ bắt đầu chiều < kết thúc chiều.";
        }
        else if (DailyWorkingTime != WorkingDay)
        {
            yield return $"Tổng giờ làm việc trong ngày phải đúng 8 giờ (đang là {DailyWorkingTime.TotalHours:0.##} giờ).";
        }
    }

    public override string ToString() =>
        $"{F(MorningStart)}–{F(MorningEnd)} và {F(AfternoonStart)}–{F(AfternoonEnd)}";

    private static string F(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
