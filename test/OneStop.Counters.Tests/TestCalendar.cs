using System.Globalization;
using OneStop.Platform.Calendar;
using OneStop.Platform.SeedData;

namespace OneStop.Counters.Tests;

/// <summary>The shipped 2021–2026 calendar, read from the kernel's seed resource (the data the host seeds).</summary>
internal static class TestCalendar
{
    public static readonly WorkingCalendar Shipped = new(
        Csv.ReadResource(typeof(WorkingCalendar).Assembly, "vn-public-sector-days-off-2021-2026.csv")
            .Select(r => new CalendarEntry(DateOnly.Parse(r["date"], CultureInfo.InvariantCulture), r["kind"], r["name_vi"])));

    public static DateTime At(string local) => DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
