using System.Globalization;

namespace OneStop.Platform.Domain;

/// <summary>
/// Wall-clock time in Vietnam (UTC+7 all year, no daylight saving): instants are stored in UTC, shown and cut into
/// days in Vietnam time. One place for it, so pages, forms, reports and jobs agree on where a day starts.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The same instant, expressed at UTC+7.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar day in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>00:00 in Vietnam on <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>"dd/MM/yyyy HH:mm" in Vietnam time, as officials write it; <paramref name="empty"/> when there is none.</summary>
    public static string Format(DateTimeOffset? instant, string empty = "") =>
        instant is { } v ? Of(v).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : empty;

    /// <summary>"dd/MM/yyyy HH:mm:ss" (exchange logs and audit trails).</summary>
    public static string FormatWithSeconds(DateTimeOffset? instant, string empty = "") =>
        instant is { } v ? Of(v).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : empty;

    /// <summary>"dd/MM/yyyy".</summary>
    public static string FormatDate(DateTimeOffset? instant, string empty = "") =>
        instant is { } v ? Of(v).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : empty;
}
