using System.Globalization;

namespace OneStop.Counters.Domain.Calendar;

/// <summary>Kinds of official calendar entries (ngày nghỉ, ngày làm bù), as stored and as in the seed CSV.</summary>
internal static class DayOffKinds
{
    public const string Holiday = "holiday";               // ngày lễ, Tết
    public const string Compensatory = "compensatory";     // nghỉ bù
    public const string SwappedOff = "swapped_off";        // nghỉ hoán đổi
    public const string MakeupWorkday = "makeup_workday";  // ngày làm bù (thứ Bảy đi làm)

    public static readonly string[] All = [Holiday, Compensatory, SwappedOff, MakeupWorkday];

    public static bool IsNonWorking(string kind) => kind is Holiday or Compensatory or SwappedOff;

    public static string NameVi(string kind) => kind switch
    {
        Holiday => "Ngày lễ, Tết",
        Compensatory => "Nghỉ bù",
        SwappedOff => "Nghỉ hoán đổi",
        MakeupWorkday => "Làm bù",
        _ => kind,
    };
}

/// <summary>One official calendar entry: a day off or a worked Saturday.</summary>
internal sealed record CalendarEntry(DateOnly Date, string Kind, string Name);

/// <summary>The calendar has no data for a year: computing there would silently treat holidays as working days.</summary>
internal sealed class CalendarNotCoveredException(int year, IReadOnlyCollection<int> coveredYears)
    : Exception($"Lịch làm việc chưa có dữ liệu năm {year} (đang có: {Describe(coveredYears)}). Quản trị viên cần nhập ngày nghỉ của năm {year} trước khi tính hạn.")
{
    public int Year { get; } = year;

    private static string Describe(IReadOnlyCollection<int> years) =>
        years.Count == 0 ? "chưa có năm nào" : string.Join(", ", years.Order());
}

/// <summary>
/// Lịch làm việc: Monday–Friday minus every holiday, compensatory and swapped-off date, plus every make-up Saturday.
/// Pure data, no EF: built from the stored entries, so the due-date logic is fast and unit-testable.
/// A year is covered when at least one entry of it exists (every real year has at least Tết Dương lịch);
/// asking about an uncovered year throws instead of guessing.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarEntry> _entries;
    private readonly SortedSet<int> _years;

    public WorkingCalendar(IEnumerable<CalendarEntry> entries)
    {
        _entries = new Dictionary<DateOnly, CalendarEntry>();
        foreach (var entry in entries)
        {
            _entries[entry.Date] = entry;
        }

        _years = new SortedSet<int>(_entries.Keys.Select(d => d.Year));
    }

    public IReadOnlyCollection<int> CoveredYears => _years;

    public void EnsureCovered(DateOnly date)
    {
        if (!_years.Contains(date.Year))
        {
            throw new CalendarNotCoveredException(date.Year, _years);
        }
    }

    public CalendarEntry? EntryOn(DateOnly date) => _entries.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        if (_entries.TryGetValue(date, out var entry))
        {
            if (entry.Kind == DayOffKinds.MakeupWorkday)
            {
                return true;
            }

            if (DayOffKinds.IsNonWorking(entry.Kind))
            {
                return false;
            }
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Why a date is not a working day, in Vietnamese (the entry's name, or the weekend).</summary>
    public string WhyNotWorking(DateOnly date) =>
        _entries.TryGetValue(date, out var entry) && DayOffKinds.IsNonWorking(entry.Kind)
            ? entry.Name
            : "nghỉ cuối tuần";

    public static string DayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    public static string Format(DateOnly date) => $"{DayName(date)} {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";

    public static string Format(DateTime local) =>
        $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} {Format(DateOnly.FromDateTime(local))}";
}
