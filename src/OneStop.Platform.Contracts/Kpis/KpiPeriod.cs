using System.Globalization;
using OneStop.Platform.Domain;

namespace OneStop.Platform.Kpis;

/// <summary>
/// A period [<see cref="Start"/>, <see cref="End"/>) in local calendar days. <see cref="Key"/> names it
/// (<c>2025</c>, <c>2025-Q3</c>, <c>2025-07</c>, <c>2025-07-14</c>) in snapshots and in the API.
/// </summary>
public sealed record KpiPeriod(string Kind, DateOnly Start, DateOnly End)
{
    public int Year => Start.Year;

    public string Key => Kind switch
    {
        KpiPeriodKinds.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        KpiPeriodKinds.Quarter => $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}",
        KpiPeriodKinds.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Start and end as UTC instants (midnight in Vietnam, UTC+7), for comparing with stored <see cref="DateTimeOffset"/>
    /// columns (PostgreSQL accepts only UTC offsets for timestamptz parameters).
    /// </summary>
    public DateTimeOffset StartsAt => VietnamTime.StartOfDay(Start);
    public DateTimeOffset EndsAt => VietnamTime.StartOfDay(End);

    public static KpiPeriod ForYear(int year) => new(KpiPeriodKinds.Year, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    public static KpiPeriod ForQuarter(int year, int quarter)
    {
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(KpiPeriodKinds.Quarter, start, start.AddMonths(3));
    }

    public static KpiPeriod ForMonth(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(KpiPeriodKinds.Month, start, start.AddMonths(1));
    }

    public static KpiPeriod ForDay(DateOnly day) => new(KpiPeriodKinds.Day, day, day.AddDays(1));

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="day"/>.</summary>
    public static KpiPeriod Containing(string kind, DateOnly day) => kind switch
    {
        KpiPeriodKinds.Year => ForYear(day.Year),
        KpiPeriodKinds.Quarter => ForQuarter(day.Year, (day.Month - 1) / 3 + 1),
        KpiPeriodKinds.Month => ForMonth(day.Year, day.Month),
        KpiPeriodKinds.Day => ForDay(day),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    /// <summary>Parses a <see cref="Key"/>; null when it is not one.</summary>
    public static KpiPeriod? Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var k = key.Trim();
        if (k.Length == 4 && int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 2000 and < 2200)
        {
            return ForYear(y);
        }

        if (k.Length == 7 && k[4] == '-' && k[5] is 'Q' or 'q' && int.TryParse(k[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y)
            && int.TryParse(k[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4 && y is > 2000 and < 2200)
        {
            return ForQuarter(y, q);
        }

        if (DateOnly.TryParseExact(k, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            return ForMonth(m.Year, m.Month);
        }

        return DateOnly.TryParseExact(k, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? ForDay(d) : null;
    }

    /// <summary>Every period of the given kinds inside a year.</summary>
    public static IEnumerable<KpiPeriod> InYear(int year, IEnumerable<string> kinds)
    {
        foreach (var kind in kinds.Distinct())
        {
            switch (kind)
            {
                case KpiPeriodKinds.Year:
                    yield return ForYear(year);
                    break;
                case KpiPeriodKinds.Quarter:
                    for (var q = 1; q <= 4; q++) yield return ForQuarter(year, q);
                    break;
                case KpiPeriodKinds.Month:
                    for (var mo = 1; mo <= 12; mo++) yield return ForMonth(year, mo);
                    break;
                case KpiPeriodKinds.Day:
                    for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1)) yield return ForDay(d);
                    break;
            }
        }
    }
}
