using System.Globalization;

namespace OneStop.Platform.Domain;

/// <summary>
/// Wall-clock time in Vietnam (UTC+7 all year, no daylight saving): instants are stored in UTC, shown and cut into
/// days in Vietnam time. The one place that knows the offset, so pages, forms, reports, KPI periods and jobs agree on
/// where a day starts (an architecture test keeps other offsets and time zones out of the modules). It lives in the
/// kernel's contracts so that <c>KpiPeriod</c> can use it too.
/// </summary>
public static class VietnamTime
{
    /// <summary>UTC+7. A fixed offset rather than the IANA zone "Asia/Ho_Chi_Minh": no tzdata needed, same answer since 1975.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The same instant, expressed at UTC+7.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Vietnam wall-clock time at <paramref name="instant"/>, without offset (what the working calendar counts in).</summary>
    public static DateTime ToLocal(DateTimeOffset instant) => DateTime.SpecifyKind(Of(instant).DateTime, DateTimeKind.Unspecified);

    /// <summary>A Vietnam wall-clock time as an instant at UTC+7 (DateTimeKind ignored); <c>.ToUniversalTime()</c> to store it.</summary>
    public static DateTimeOffset FromLocal(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    /// <summary>The calendar day in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>00:00 in Vietnam on <paramref name="day"/>, expressed at UTC+7 (for display and arithmetic).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>00:00 in Vietnam on <paramref name="day"/> as a UTC instant (PostgreSQL takes only UTC for timestamptz parameters).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => StartOf(day).ToUniversalTime();

    /// <summary>The instants [start, end) of the Vietnam days <paramref name="from"/> to <paramref name="to"/> inclusive, in UTC.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayRange(DateOnly from, DateOnly to) => (StartOfDay(from), StartOfDay(to.AddDays(1)));

    /// <summary>
    /// A time in a request: "2024-02-08T10:00" (no offset) is read as Vietnam time; a value with an offset or "Z" is
    /// converted to Vietnam time.
    /// </summary>
    public static bool TryParse(string? text, out DateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        local = parsed.Kind == DateTimeKind.Unspecified ? parsed : ToLocal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>"HH:mm" (or "H:mm", "HH:mm:ss") as a time of day.</summary>
    public static bool TryParseClock(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>"dd/MM/yyyy HH:mm" in Vietnam time, as officials write it; <paramref name="empty"/> when there is none.</summary>
    public static string Format(DateTimeOffset? instant, string empty = "") =>
        instant is { } v ? Of(v).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : empty;

    /// <summary>"dd/MM/yyyy HH:mm:ss" (exchange logs and audit trails).</summary>
    public static string FormatWithSeconds(DateTimeOffset? instant, string empty = "") =>
        instant is { } v ? Of(v).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : empty;

    /// <summary>"dd/MM/yyyy".</summary>
    public static string FormatDate(DateTimeOffset? instant, string empty = "") =>
        instant is { } v ? Of(v).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : empty;

    /// <summary>A format of your own ("HH:mm:ss", "yyMMdd", …) applied in Vietnam time.</summary>
    public static string FormatAs(DateTimeOffset instant, string format) => Of(instant).ToString(format, CultureInfo.InvariantCulture);
}
