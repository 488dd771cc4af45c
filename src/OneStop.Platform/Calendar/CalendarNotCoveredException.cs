using OneStop.Platform.Web;

namespace OneStop.Platform.Calendar;

/// <summary>
/// The calendar has no data for a year: computing there would silently treat holidays as working days. Answered as
/// 422 with <see cref="PlatformErrorCodes.CalendarNotCovered"/> wherever it escapes a request.
/// </summary>
public sealed class CalendarNotCoveredException(int year, IReadOnlyCollection<int> coveredYears)
    : PlatformException(PlatformErrorCodes.CalendarNotCovered, $"Lịch làm việc chưa có dữ liệu năm {year} (đang có: {Describe(coveredYears)}). Quản trị viên cần nhập ngày nghỉ của năm {year} trước khi tính hạn.", 422)
{
    public int Year { get; } = year;

    private static string Describe(IReadOnlyCollection<int> years) =>
        years.Count == 0 ? "chưa có năm nào" : string.Join(", ", years.Order());
}
