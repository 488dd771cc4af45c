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
}
