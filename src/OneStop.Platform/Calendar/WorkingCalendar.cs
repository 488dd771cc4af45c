using System.Globalization;

namespace OneStop.Platform.Calendar;

/// <summary>
/// Lịch làm việc: Monday–Friday minus every holiday, compensatory and swapped-off date, plus every make-up Saturday.
/// Pure data, no EF: built from the stored entries, so the due-date logic is fast and unit-testable.
/// A year is covered when at least one entry of it exists (every real year has at least Tết Dương lịch);
/// asking about an uncovered year throws instead of guessing.
/// </summary>
public sealed class WorkingCalendar
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

    // One index per office-hours schedule asked for, built on first use from this snapshot (ADR 0040).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<OfficeHours, WorkingMinuteIndex> _indexes = new();

    /// <summary>The working-minute index of this calendar in <paramref name="hours"/>: due dates without explanation, fast.</summary>
    public WorkingMinuteIndex IndexFor(OfficeHours hours) => _indexes.GetOrAdd(hours, h => WorkingMinuteIndex.Build(this, h));

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
