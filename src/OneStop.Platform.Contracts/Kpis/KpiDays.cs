using OneStop.Platform.Domain;

namespace OneStop.Platform.Kpis;

/// <summary>Helpers for <see cref="IKpiCalculator.ComputeDaysAsync"/>.</summary>
public static class KpiDays
{
    /// <summary>Each day of [<paramref name="from"/>, <paramref name="to"/>) asked on its own: the default, and the fallback of a calculator whose provider cannot group by day.</summary>
    public static async Task<IReadOnlyList<KpiDayRows>> OneByOneAsync(IKpiCalculator calculator, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = new List<KpiDayRows>();
        for (var day = from; day < to; day = day.AddDays(1))
        {
            days.Add(new KpiDayRows(day, await calculator.ComputeAsync(KpiPeriod.ForDay(day), ct)));
        }

        return days;
    }

    /// <summary>Rows tagged with a day index from <paramref name="from"/> (0 for <paramref name="from"/> itself), as grouped in SQL, back into days.</summary>
    public static IReadOnlyList<KpiDayRows> ByDay(DateOnly from, IEnumerable<(int Day, KpiRow Row)> rows) =>
        rows.GroupBy(r => r.Day).OrderBy(g => g.Key)
            .Select(g => new KpiDayRows(from.AddDays(g.Key), g.Select(r => r.Row).ToList())).ToList();

    /// <summary>
    /// A calculator's count over [<paramref name="start"/>, <paramref name="end"/>), each row tagged with its day: whole days
    /// since <paramref name="days"/> (a Vietnam midnight), or 0 for all when counting one period (<paramref name="days"/> null).
    /// </summary>
    public delegate Task<IEnumerable<(int Day, KpiRow Row)>> DayCount(DateTimeOffset start, DateTimeOffset end, DateTimeOffset? days);

    /// <summary>One period's rows from a <see cref="DayCount"/>: one count, untagged.</summary>
    public static async Task<IReadOnlyList<KpiRow>> PeriodAsync(KpiPeriod period, DayCount count) =>
        (await count(period.StartsAt, period.EndsAt, null)).Select(r => r.Row).ToList();

    /// <summary>
    /// A range of days from a <see cref="DayCount"/>: one count grouped by day where the database can subtract instants
    /// in SQL (<paramref name="groupInSql"/>: PostgreSQL), else each day asked on its own (SQLite) (ADR 0053).
    /// </summary>
    public static async Task<IReadOnlyList<KpiDayRows>> DaysAsync(
        IKpiCalculator calculator, bool groupInSql, DateOnly from, DateOnly to, DayCount count, CancellationToken ct) =>
        groupInSql
            ? ByDay(from, await count(VietnamTime.StartOfDay(from), VietnamTime.StartOfDay(to), VietnamTime.StartOfDay(from)))
            : await OneByOneAsync(calculator, from, to, ct);
}
