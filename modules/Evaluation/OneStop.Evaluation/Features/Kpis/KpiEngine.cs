using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Targets;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.Persistence;

namespace OneStop.Evaluation.Features.Kpis;

/// <param name="Calculators">Per calculator: its name, whether it rolled periods up from day partials, its time.</param>
internal sealed record KpiRunResult(string Kind, int Periods, long Rows, TimeSpan Elapsed, IReadOnlyList<(string Calculator, bool FromDays, TimeSpan Elapsed)>? Calculators = null);

internal sealed record UnitNode(Guid Id, string Path, string Level, string Name, Guid? ParentId, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);
}

/// <summary>A succession link as the engine needs it.</summary>
internal sealed record UnitStep(Guid PredecessorId, Guid SuccessorId, DateOnly EffectiveOn, bool IsPrimary);

/// <summary>
/// The KPI engine: asks every module's <see cref="IKpiCalculator"/> for per-unit numerators and denominators, rolls
/// them up the unit tree (commune → district → province) by summing numerators and denominators over each unit's
/// subtree — never averaging percentages — and replaces the snapshots (unit, period, N, D, value, target, met, points).
/// Full: every period of a year. Incremental: only the periods containing days the calculators report as changed since
/// their watermark. Each period is rolled both "as was" and "as is" from one call of the calculators (ADR 0016).
/// A calculator whose codes all add up over days (<see cref="KpiDayRollUp"/>) is asked per day only: its rows are kept
/// as day partials and every longer period is summed from them, so an incremental run recomputes the changed days and
/// re-sums the periods above them instead of recounting every month, quarter and year containing one (ADR 0045).
/// </summary>
internal sealed class KpiEngine(
    EvaluationDbContext db, PlatformDbContext platform, IEnumerable<IKpiCalculator> calculators, TimeProvider clock, ILogger<KpiEngine> logger)
{
    public const string FullJobId = "evaluation-kpi-full";
    public const string IncrementalJobId = "evaluation-kpi-incremental";

    /// <summary>
    /// False only in the KpiRecompute bench, to measure the per-period path (every calculator asked for every period) on
    /// the same rows in the same run as its baseline (ADR 0045). The jobs never change it.
    /// </summary>
    internal bool RollUpFromDays { get; set; } = true;

    /// <summary>Rows written shortly before the watermark may commit after it: look back this far on each run.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>The nightly full run: the current year (and, in January, the year just closed, which late rows still change).</summary>
    public async Task RecomputeCurrentYearAsync(CancellationToken ct)
    {
        var today = VietnamTime.Of(clock.GetUtcNow());
        if (today.Month == 1)
        {
            await RecomputeYearAsync(today.Year - 1, ct);
        }

        await RecomputeYearAsync(today.Year, ct);
    }

    public async Task<KpiRunResult> RecomputeYearAsync(int year, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var startedAt = clock.GetUtcNow();
        var run = await StartRunAsync("full", startedAt, ct);
        var context = await LoadAsync(ct);
        int periods = 0;
        long rows = 0;
        var times = new List<(string, bool, TimeSpan)>();
        foreach (var calculator in calculators)
        {
            var codes = context.CodesOf(calculator);
            if (codes.Count == 0)
            {
                continue;
            }

            var started = watch.Elapsed;
            var yearStart = new DateOnly(year, 1, 1);
            var yearEnd = yearStart.AddYears(1);
            if (RollUpFromDays && KpiDayRollUp.Applies(codes))
            {
                var (p, r) = await RecomputeYearFromDaysAsync(context, calculator, codes, year, startedAt, ct);
                (periods, rows) = (periods + p, rows + r);
                await SetWatermarkAsync(calculator, startedAt, onlyIfMissing: year != VietnamTime.Of(startedAt).Year, ct);
                times.Add((calculator.GetType().Name, true, watch.Elapsed - started));
                continue;
            }

            var list = KpiPeriod.InYear(year, codes.SelectMany(c => context.Definitions[c].PeriodList)).ToList();
            // One transaction per calculator: readers keep the old year until the new one is complete; snapshots are
            // streamed out period by period (days a month at a time), so memory stays at one period's rows.
            rows += await ReplaceAsync(q => q.Where(s => codes.Contains(s.KpiCode) && s.PeriodStart >= yearStart && s.PeriodStart < yearEnd),
                write => WritePeriodsAsync(write, context, calculator, codes, list, startedAt, ct), ct);
            await SetWatermarkAsync(calculator, startedAt, onlyIfMissing: year != VietnamTime.Of(startedAt).Year, ct);
            periods += list.Count;
            times.Add((calculator.GetType().Name, false, watch.Elapsed - started));
        }

        return await FinishRunAsync(run, periods, rows, watch, times, ct);
    }

    public async Task<KpiRunResult> RunIncrementalAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var startedAt = clock.GetUtcNow();
        var run = await StartRunAsync("incremental", startedAt, ct);
        var context = await LoadAsync(ct);
        var watermarks = await db.Watermarks.AsNoTracking().ToDictionaryAsync(w => w.Calculator, w => w.Since, ct);
        int periods = 0;
        long rows = 0;
        var times = new List<(string, bool, TimeSpan)>();
        foreach (var calculator in calculators)
        {
            var codes = context.CodesOf(calculator);
            if (codes.Count == 0)
            {
                continue;
            }

            var started = watch.Elapsed;
            var dayRolled = RollUpFromDays && KpiDayRollUp.Applies(codes);
            IReadOnlyCollection<DateOnly> days;
            KpiChanges? changes = null;
            if (watermarks.TryGetValue(NameOf(calculator), out var since))
            {
                // A day-rolled calculator that can name the units a change touched recounts those units' days only (ADR 0055).
                changes = dayRolled ? await calculator.ChangedUnitDaysAsync(since - Overlap, ct) : null;
                days = changes is { } c ? c.WholeDays.Union(c.UnitDays.Select(u => u.Day)).ToList() : await calculator.ChangedDaysAsync(since - Overlap, ct);
            }
            else
            {
                // Never run: the whole current year.
                days = KpiPeriod.InYear(VietnamTime.Of(startedAt).Year, [KpiPeriodKinds.Day]).Select(p => p.Start).ToList();
            }

            var kinds = KindsOf(context, codes);
            var fromDays = false;
            if (dayRolled && days.Count > 0)
            {
                // Days of a year whose partials are complete are recomputed (whole, or the changed units' only) and the
                // periods above re-summed; days of other years (never fully recomputed since partials exist) take the
                // per-period path below.
                var name = NameOf(calculator);
                var covered = (await db.DayCoverage.AsNoTracking().Where(c => c.Calculator == name).Select(c => c.Year).ToListAsync(ct)).ToHashSet();
                var whole = (changes?.WholeDays ?? days).Where(d => covered.Contains(d.Year)).ToHashSet();
                var unitDays = (changes?.UnitDays ?? []).Where(u => covered.Contains(u.Day.Year) && !whole.Contains(u.Day)).ToList();
                if (whole.Count > 0 || unitDays.Count > 0)
                {
                    var (p, r) = await RecomputeDaysAsync(context, calculator, codes, kinds, whole.Order().ToList(), unitDays, startedAt, ct);
                    (periods, rows, fromDays) = (periods + p, rows + r, true);
                    days = days.Where(d => !covered.Contains(d.Year)).ToList();
                }
            }

            var touched = days.SelectMany(d => kinds.Select(k => KpiPeriod.Containing(k, d))).DistinctBy(p => p.Key).ToList();
            if (touched.Count > 0)
            {
                var keys = touched.Select(p => p.Key).ToList();
                rows += await ReplaceAsync(q => q.Where(s => codes.Contains(s.KpiCode) && keys.Contains(s.PeriodKey)),
                    write => WritePeriodsAsync(write, context, calculator, codes, touched, startedAt, ct), ct);
            }

            await SetWatermarkAsync(calculator, startedAt, onlyIfMissing: false, ct);
            periods += touched.Count;
            times.Add((calculator.GetType().Name, fromDays, watch.Elapsed - started));
        }

        return await FinishRunAsync(run, periods, rows, watch, times, ct);
    }

    private static string NameOf(IKpiCalculator calculator) => calculator.GetType().FullName!;

    private static List<string> KindsOf(EngineContext context, IReadOnlyCollection<string> codes) =>
        codes.SelectMany(c => context.Definitions[c].PeriodList).Distinct().ToList();

    /// <summary>
    /// A day-rolled calculator's year: each day asked once (its partials stored, its day snapshots written where a code
    /// has days), then every month, quarter and year summed from the partials — one pass over the year's rows instead of
    /// one per period kind. One transaction, as the per-period path; the year is marked covered for incremental runs.
    /// </summary>
    private async Task<(int Periods, long Rows)> RecomputeYearFromDaysAsync(
        EngineContext context, IKpiCalculator calculator, IReadOnlyCollection<string> codes, int year, DateTimeOffset startedAt, CancellationToken ct)
    {
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var kinds = KindsOf(context, codes);
        var longer = KpiPeriod.InYear(year, kinds.Where(k => k != KpiPeriodKinds.Day)).ToList();
        var name = NameOf(calculator);
        var rows = await ReplaceAsync(q => q.Where(s => codes.Contains(s.KpiCode) && s.PeriodStart >= yearStart && s.PeriodStart < yearEnd), async write =>
        {
            await db.DayPartials.Where(p => codes.Contains(p.KpiCode) && p.Day >= yearStart && p.Day < yearEnd).ExecuteDeleteAsync(ct);
            var days = Enumerable.Range(0, yearEnd.DayNumber - yearStart.DayNumber).Select(yearStart.AddDays);
            await WriteDaysThenPeriodsAsync(write, context, calculator, codes, kinds, days, longer, startedAt, ct);
            if (!await db.DayCoverage.AnyAsync(c => c.Calculator == name && c.Year == year, ct))
            {
                db.DayCoverage.Add(new KpiDayCoverage { Calculator = name, Year = year });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }, ct);
        return (yearEnd.DayNumber - yearStart.DayNumber + longer.Count, rows);
    }

    /// <summary>
    /// The changed days of a day-rolled calculator: each day's partials replaced from one call of the calculator, then
    /// the months, quarters and years containing them re-summed from the partials — what it costs follows the number of
    /// changed days and the partial rows of the periods above them, not the source rows of the year.
    /// <para>
    /// <paramref name="unitDays"/> (on other days than <paramref name="days"/>): only those units' partials of the day are
    /// replaced, from <see cref="IKpiCalculator.ComputeUnitDaysAsync"/>, and the day's snapshots summed from its partials
    /// like a longer period's — so changes spread over a year cost their units' days, not every unit's (ADR 0055).
    /// </para>
    /// </summary>
    private async Task<(int Periods, long Rows)> RecomputeDaysAsync(
        EngineContext context, IKpiCalculator calculator, IReadOnlyCollection<string> codes, IReadOnlyList<string> kinds, IReadOnlyList<DateOnly> days,
        IReadOnlyCollection<KpiUnitDay> unitDays, DateTimeOffset startedAt, CancellationToken ct)
    {
        var partly = unitDays.Select(u => u.Day).Distinct().Order().ToList();
        var longer = days.Concat(partly).SelectMany(d => kinds.Where(k => k != KpiPeriodKinds.Day).Select(k => KpiPeriod.Containing(k, d)))
            .DistinctBy(p => p.Key).ToList();
        var keys = longer.Select(p => p.Key).Concat(kinds.Contains(KpiPeriodKinds.Day) ? days.Concat(partly).Select(d => KpiPeriod.ForDay(d).Key) : []).ToList();
        var rows = await ReplaceAsync(q => q.Where(s => codes.Contains(s.KpiCode) && keys.Contains(s.PeriodKey)), async write =>
        {
            await db.DayPartials.Where(p => codes.Contains(p.KpiCode) && days.Contains(p.Day)).ExecuteDeleteAsync(ct);
            // The unit-days first (their days are not among the whole ones), so the periods summed last see every partial.
            if (unitDays.Count > 0)
            {
                await DeletePartialsAsync(codes, unitDays, ct);
                var wanted = unitDays.ToHashSet();
                foreach (var day in await calculator.ComputeUnitDaysAsync(unitDays, ct))
                {
                    // Only the unit-days asked for: a row of another unit would be counted twice beside its stored partial.
                    await StoreDayAsync(context, codes, [], day with { Rows = day.Rows.Where(r => wanted.Contains(new KpiUnitDay(r.UnitId, day.Day))).ToList() }, startedAt, ct);
                }

                if (kinds.Contains(KpiPeriodKinds.Day))
                {
                    foreach (var (day, sums) in await SumEachDayAsync(codes, partly, ct))
                    {
                        await write(Roll(context, codes, KpiPeriod.ForDay(day), sums, startedAt).ToList());
                    }
                }
            }

            await WriteDaysThenPeriodsAsync(write, context, calculator, codes, kinds, days, longer, startedAt, ct);
        }, ct);
        return (days.Count + partly.Count + longer.Count, rows);
    }

    /// <summary>Deletes the partials of <paramref name="codes"/> at exactly <paramref name="unitDays"/> (PostgreSQL: one statement).</summary>
    private async Task DeletePartialsAsync(IReadOnlyCollection<string> codes, IReadOnlyCollection<KpiUnitDay> unitDays, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var (units, days, codeList) = (unitDays.Select(u => u.UnitId).ToArray(), unitDays.Select(u => u.Day).ToArray(), codes.ToArray());
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                DELETE FROM evaluation."KpiDayPartials" p USING unnest({units}, {days}) AS c(unit, day)
                WHERE p."UnitId" = c.unit AND p."Day" = c.day AND p."KpiCode" = ANY({codeList})
                """, ct);
            return;
        }

        foreach (var group in unitDays.GroupBy(u => u.Day))
        {
            var (day, units) = (group.Key, group.Select(u => u.UnitId).ToList());
            await db.DayPartials.Where(p => codes.Contains(p.KpiCode) && p.Day == day && units.Contains(p.UnitId)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>Each of <paramref name="days"/> summed from its partials, in one query grouped by day on PostgreSQL.</summary>
    private async Task<IReadOnlyList<(DateOnly Day, IReadOnlyList<KpiRow> Rows)>> SumEachDayAsync(IReadOnlyCollection<string> codes, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var each = new List<(DateOnly, IReadOnlyList<KpiRow>)>();
            foreach (var day in days)
            {
                each.Add((day, await SumDaysAsync(codes, KpiPeriod.ForDay(day), ct)));
            }

            return each;
        }

        var sums = await db.DayPartials.AsNoTracking().Where(p => codes.Contains(p.KpiCode) && days.Contains(p.Day))
            .GroupBy(p => new { p.Day, p.KpiCode, p.UnitId, p.UnitPath, p.AsIsUnitId, p.RollsUp })
            .Select(g => new { g.Key.Day, g.Key.KpiCode, g.Key.UnitId, g.Key.UnitPath, g.Key.AsIsUnitId, g.Key.RollsUp, N = g.Sum(p => p.Numerator), D = g.Sum(p => p.Denominator) })
            .ToListAsync(ct);
        var byDay = sums.ToLookup(g => g.Day);
        return days.Select(d => (d, (IReadOnlyList<KpiRow>)byDay[d].Select(g => new KpiRow(g.KpiCode, g.UnitId, g.UnitPath, g.N, g.D, g.AsIsUnitId, g.RollsUp)).ToList())).ToList();
    }

    /// <summary>
    /// The days asked of the calculator a month at a time (their partials stored, their day snapshots written), then each longer
    /// period summed from the partials — the same for a whole year and for the changed days of an incremental run.
    /// </summary>
    private async Task WriteDaysThenPeriodsAsync(
        Func<List<KpiSnapshot>, Task> write, EngineContext context, IKpiCalculator calculator, IReadOnlyCollection<string> codes,
        IReadOnlyList<string> kinds, IEnumerable<DateOnly> days, IReadOnlyList<KpiPeriod> longer, DateTimeOffset startedAt, CancellationToken ct)
    {
        await foreach (var day in AskDaysAsync(calculator, days.ToList(), ct))
        {
            await write(await StoreDayAsync(context, codes, kinds, day, startedAt, ct));
        }

        // Months from the partials, quarters and years from the months: every longer period is whole months, and the sums
        // add up, so each partial is read once rather than once per period kind that contains it.
        var months = new Dictionary<DateOnly, IReadOnlyList<KpiRow>>();
        async Task<IReadOnlyList<KpiRow>> MonthAsync(DateOnly start)
        {
            if (!months.TryGetValue(start, out var rows))
            {
                months[start] = rows = await SumDaysAsync(codes, KpiPeriod.Containing(KpiPeriodKinds.Month, start), ct);
            }

            return rows;
        }

        foreach (var period in longer)
        {
            IReadOnlyList<KpiRow> sums;
            if (period.Kind == KpiPeriodKinds.Month)
            {
                sums = await MonthAsync(period.Start);
            }
            else
            {
                var parts = new List<KpiRow>();
                for (var month = period.Start; month < period.End; month = month.AddMonths(1))
                {
                    parts.AddRange(await MonthAsync(month));
                }

                sums = SumRows(parts);
            }

            await write(Roll(context, codes, period, sums, startedAt).ToList());
        }
    }

    /// <summary>
    /// The per-period path: each period asked of the calculator, except days, which are asked a month (or a run of
    /// consecutive days) at a time through <see cref="IKpiCalculator.ComputeDaysAsync"/>.
    /// </summary>
    private static async Task WritePeriodsAsync(
        Func<List<KpiSnapshot>, Task> write, EngineContext context, IKpiCalculator calculator, IReadOnlyCollection<string> codes,
        IReadOnlyList<KpiPeriod> periods, DateTimeOffset startedAt, CancellationToken ct)
    {
        var days = periods.Where(p => p.Kind == KpiPeriodKinds.Day).Select(p => p.Start).ToList();
        await foreach (var day in AskDaysAsync(calculator, days, ct))
        {
            await write(Roll(context, codes, KpiPeriod.ForDay(day.Day), day.Rows, startedAt).ToList());
        }

        foreach (var period in periods.Where(p => p.Kind != KpiPeriodKinds.Day))
        {
            await write(Roll(context, codes, period, await calculator.ComputeAsync(period, ct), startedAt).ToList());
        }
    }

    /// <summary>
    /// The calculator's answers for <paramref name="days"/>, asked one run of consecutive days within a month at a time
    /// (a whole month for a year's recompute, a day or two for the five-minute run); only the days asked for come back.
    /// </summary>
    private static async IAsyncEnumerable<KpiDayRows> AskDaysAsync(
        IKpiCalculator calculator, IReadOnlyCollection<DateOnly> days, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var wanted = days.ToHashSet();
        foreach (var (from, to) in DayRuns(wanted))
        {
            foreach (var day in await calculator.ComputeDaysAsync(from, to, ct))
            {
                if (wanted.Contains(day.Day))
                {
                    yield return day;
                }
            }
        }
    }

    /// <summary>Runs of consecutive days, none crossing a month's end: [from, to) each.</summary>
    internal static IEnumerable<(DateOnly From, DateOnly To)> DayRuns(IEnumerable<DateOnly> days)
    {
        DateOnly? from = null, last = null;
        foreach (var day in days.Distinct().Order())
        {
            if (from is { } f && last is { } l && (day != l.AddDays(1) || day.Month != f.Month || day.Year != f.Year))
            {
                yield return (f, l.AddDays(1));
                from = null;
            }

            from ??= day;
            last = day;
        }

        if (from is { } first && last is { } end)
        {
            yield return (first, end.AddDays(1));
        }
    }

    /// <summary>Stores one day's rows as partials and returns the day's snapshots (none when no code has days).</summary>
    private async Task<List<KpiSnapshot>> StoreDayAsync(
        EngineContext context, IReadOnlyCollection<string> codes, IReadOnlyList<string> kinds, KpiDayRows day, DateTimeOffset startedAt, CancellationToken ct)
    {
        var partials = day.Rows.Where(r => codes.Contains(r.KpiCode)).Select(r => new KpiDayPartial
        {
            KpiCode = r.KpiCode, Day = day.Day, UnitId = r.UnitId, UnitPath = r.UnitPath, AsIsUnitId = r.AsIsUnitId, RollsUp = r.RollsUp,
            Numerator = r.Numerator, Denominator = r.Denominator,
        }).ToList();
        await WritePartialsAsync(partials, ct);
        return kinds.Contains(KpiPeriodKinds.Day) ? Roll(context, codes, KpiPeriod.ForDay(day.Day), day.Rows, startedAt).ToList() : [];
    }

    /// <summary>
    /// A period's rows summed from the day partials, as the calculator would have counted them over the period: per code,
    /// unit and "as is" choice. On PostgreSQL one GROUP BY; SQLite cannot sum decimals in SQL, so it sums here (the
    /// embedded default is for a small office).
    /// </summary>
    private async Task<IReadOnlyList<KpiRow>> SumDaysAsync(IReadOnlyCollection<string> codes, KpiPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.Start, period.End);
        var partials = db.DayPartials.AsNoTracking().Where(p => codes.Contains(p.KpiCode) && p.Day >= from && p.Day < to);
        if (db.Database.IsNpgsql())
        {
            var sums = await partials.GroupBy(p => new { p.KpiCode, p.UnitId, p.UnitPath, p.AsIsUnitId, p.RollsUp })
                .Select(g => new { g.Key.KpiCode, g.Key.UnitId, g.Key.UnitPath, g.Key.AsIsUnitId, g.Key.RollsUp, N = g.Sum(p => p.Numerator), D = g.Sum(p => p.Denominator) })
                .ToListAsync(ct);
            return sums.Select(g => new KpiRow(g.KpiCode, g.UnitId, g.UnitPath, g.N, g.D, g.AsIsUnitId, g.RollsUp)).ToList();
        }

        return SumRows((await partials.ToListAsync(ct)).Select(p => new KpiRow(p.KpiCode, p.UnitId, p.UnitPath, p.Numerator, p.Denominator, p.AsIsUnitId, p.RollsUp)));
    }

    /// <summary>Rows added up per code, unit and "as is" choice, as a period's GROUP BY over its partials does.</summary>
    private static List<KpiRow> SumRows(IEnumerable<KpiRow> rows) =>
        rows.GroupBy(r => (r.KpiCode, r.UnitId, r.UnitPath, r.AsIsUnitId, r.RollsUp))
            .Select(g => new KpiRow(g.Key.KpiCode, g.Key.UnitId, g.Key.UnitPath, g.Sum(r => r.Numerator), g.Sum(r => r.Denominator), g.Key.AsIsUnitId, g.Key.RollsUp))
            .ToList();

    private async Task WritePartialsAsync(List<KpiDayPartial> partials, CancellationToken ct)
    {
        if (partials.Count == 0)
        {
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            db.DayPartials.AddRange(partials);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{EvaluationDbContext.SchemaName}\".\"KpiDayPartials\" (\"Id\", \"KpiCode\", \"Day\", \"UnitId\", \"UnitPath\", \"AsIsUnitId\", \"RollsUp\", " +
            "\"Numerator\", \"Denominator\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var p in partials)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(p.KpiCode, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(p.Day, NpgsqlDbType.Date, ct);
            await importer.WriteAsync(p.UnitId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(p.UnitPath, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(importer, p.AsIsUnitId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(p.RollsUp, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(p.Numerator, NpgsqlDbType.Numeric, ct);
            await importer.WriteAsync(p.Denominator, NpgsqlDbType.Numeric, ct);
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// Sums each row into its unit and every ancestor twice: as was (the row's unit, up its parents of the time — a
    /// retired commune through its retired district to Hải Dương) and as is (the unit standing for it today, or the one
    /// the calculator named, up today's tree). A unit whose sums agree in both views gets one snapshot marked both, so
    /// periods after the latest reorganisation cost no more than before; the others get one per view (ADR 0016). A row
    /// with <see cref="KpiRow.RollsUp"/> false counts at its unit only, in both views.
    /// </summary>
    internal static IEnumerable<KpiSnapshot> Roll(EngineContext context, IReadOnlyCollection<string> codes, KpiPeriod period, IReadOnlyList<KpiRow> rows, DateTimeOffset at)
    {
        var was = new Dictionary<(string Code, Guid Unit), (decimal N, decimal D)>();
        var @is = new Dictionary<(string Code, Guid Unit), (decimal N, decimal D)>();
        foreach (var row in rows)
        {
            if (!codes.Contains(row.KpiCode) || !context.Definitions[row.KpiCode].PeriodList.Contains(period.Kind)
                || context.UnitOf(row) is not { } unit || context.Excludes(row.KpiCode, period, unit))
            {
                continue;
            }

            Add(was, context, row, unit);
            var current = row.AsIsUnitId is { } named && context.ById.TryGetValue(named, out var chosen) ? chosen : context.CurrentOf(unit);
            Add(@is, context, row, current);
        }

        foreach (var key in was.Keys.Union(@is.Keys))
        {
            var inWas = was.TryGetValue(key, out var w);
            var inIs = @is.TryGetValue(key, out var i);
            if (inWas && inIs && w == i)
            {
                if (Make(context, period, key, w, SnapshotStructures.Both, at) is { } both)
                {
                    yield return both;
                }

                continue;
            }

            if (inWas && Make(context, period, key, w, KpiStructures.Was, at) is { } asWas)
            {
                yield return asWas;
            }

            if (inIs && Make(context, period, key, i, KpiStructures.Is, at) is { } asIs)
            {
                yield return asIs;
            }
        }
    }

    private static void Add(Dictionary<(string Code, Guid Unit), (decimal N, decimal D)> sums, EngineContext context, KpiRow row, UnitNode unit)
    {
        // Up the parents (the tree is shallow; the bound only guards against a cycle in bad data); a row that does not
        // roll up stays at its unit.
        var levels = row.RollsUp ? 16 : 1;
        for (var (node, steps) = (unit, 0); node is not null && steps < levels; node = node.ParentId is { } p ? context.ById.GetValueOrDefault(p) : null, steps++)
        {
            var key = (row.KpiCode, node.Id);
            var (n, d) = sums.GetValueOrDefault(key);
            sums[key] = (n + row.Numerator, d + row.Denominator);
        }
    }

    private static KpiSnapshot? Make(EngineContext context, KpiPeriod period, (string Code, Guid Unit) key, (decimal N, decimal D) sum, string structure, DateTimeOffset at)
    {
        var (n, d) = sum;
        if (n == 0 && d == 0)
        {
            return null;
        }

        var unit = context.ById[key.Unit];
        var definition = context.Definitions[key.Code];
        var value = definition.ValueOf(n, d);
        var target = context.Targets.ValueFor(definition, period.Year, unit.Id, unit.Level);
        return new KpiSnapshot
        {
            KpiCode = key.Code, UnitId = unit.Id, UnitPath = unit.Path, UnitLevel = unit.Level, PeriodKind = period.Kind, PeriodKey = period.Key,
            PeriodStart = period.Start, Numerator = n, Denominator = d, Value = value, Target = target, Met = definition.Meets(value, target),
            Points = definition.PointsOf(n, d), ComputedAt = at, Structure = structure,
        };
    }

    internal async Task<EngineContext> LoadAsync(CancellationToken ct)
    {
        var definitions = await db.Definitions.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var targets = await db.Targets.AsNoTracking().ToListAsync(ct);
        var units = await platform.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.Path, u.Level, u.Name, u.ParentId, u.ValidFrom, u.ValidTo)).ToListAsync(ct);
        var successions = await platform.UnitSuccessions.AsNoTracking()
            .Select(s => new UnitStep(s.PredecessorId, s.SuccessorId, s.EffectiveOn, s.IsPrimary)).ToListAsync(ct);
        // Designations are few (a few dozen communes): loaded whole, matched per period in memory.
        var difficult = await platform.DesignationsAsync(UnitDesignationKinds.EspeciallyDifficult, ct);
        return new EngineContext(definitions, new KpiTargetBook(targets), units, successions, VietnamTime.Today(clock), difficult);
    }

    /// <summary>
    /// Deletes what <paramref name="old"/> selects and writes what <paramref name="produce"/> hands over, in one
    /// transaction (PostgreSQL: binary COPY). Returns the number of snapshots written.
    /// </summary>
    private async Task<long> ReplaceAsync(
        Func<IQueryable<KpiSnapshot>, IQueryable<KpiSnapshot>> old, Func<Func<List<KpiSnapshot>, Task>, Task> produce, CancellationToken ct)
    {
        long written = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // One writer at a time (the incremental and the full job may overlap).
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('evaluation:kpi-snapshots'))", ct);
        }

        await old(db.Snapshots.IgnoreQueryFilters()).ExecuteDeleteAsync(ct);
        await produce(async snapshots =>
        {
            written += snapshots.Count;
            if (postgres)
            {
                await CopyAsync(snapshots, ct);
                return;
            }

            db.Snapshots.AddRange(snapshots);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        });
        await tx.CommitAsync(ct);
        return written;
    }

    private async Task CopyAsync(List<KpiSnapshot> snapshots, CancellationToken ct)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{EvaluationDbContext.SchemaName}\".\"KpiSnapshots\" (\"Id\", \"KpiCode\", \"UnitId\", \"UnitPath\", \"UnitLevel\", \"PeriodKind\", \"PeriodKey\", \"PeriodStart\", " +
            "\"Numerator\", \"Denominator\", \"Value\", \"Target\", \"Met\", \"Points\", \"ComputedAt\", \"Structure\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var s in snapshots)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(s.KpiCode, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(s.UnitId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(s.UnitPath, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(s.UnitLevel, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(s.PeriodKind, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(s.PeriodKey, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(s.PeriodStart, NpgsqlDbType.Date, ct);
            await importer.WriteAsync(s.Numerator, NpgsqlDbType.Numeric, ct);
            await importer.WriteAsync(s.Denominator, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(importer, s.Value, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(importer, s.Target, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(importer, s.Met, NpgsqlDbType.Boolean, ct);
            await WriteNullableAsync(importer, s.Points, NpgsqlDbType.Numeric, ct);
            await importer.WriteAsync(s.ComputedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(s.Structure, NpgsqlDbType.Varchar, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }

    private async Task SetWatermarkAsync(IKpiCalculator calculator, DateTimeOffset since, bool onlyIfMissing, CancellationToken ct)
    {
        var name = NameOf(calculator);
        var existing = await db.Watermarks.FirstOrDefaultAsync(w => w.Calculator == name, ct);
        if (existing is null)
        {
            db.Watermarks.Add(new KpiWatermark { Calculator = name, Since = since });
        }
        else if (!onlyIfMissing)
        {
            existing.Since = since;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<KpiRun> StartRunAsync(string kind, DateTimeOffset at, CancellationToken ct)
    {
        var run = new KpiRun { Kind = kind, StartedAt = at };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private async Task<KpiRunResult> FinishRunAsync(
        KpiRun run, int periods, long rows, Stopwatch watch, IReadOnlyList<(string, bool, TimeSpan)> calculatorTimes, CancellationToken ct)
    {
        if (db.Entry(run).State == EntityState.Detached)
        {
            db.Runs.Attach(run); // the SQLite path clears the change tracker between batches
        }

        run.FinishedAt = clock.GetUtcNow();
        run.Periods = periods;
        run.Rows = rows;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("KPI {Kind} run: {Periods} periods, {Rows} snapshots in {Elapsed}", run.Kind, periods, rows, watch.Elapsed);
        return new KpiRunResult(run.Kind, periods, rows, watch.Elapsed, calculatorTimes);
    }
}

/// <summary>Definitions, targets, the unit tree of every time and the successions, loaded once per run.</summary>
internal sealed class EngineContext
{
    private readonly Dictionary<Guid, UnitNode> _current = [];
    private readonly ILookup<Guid, UnitStep> _successors;
    private readonly DateOnly _today;

    private readonly ILookup<Guid, UnitDesignationInfo> _difficult;

    public EngineContext(
        IReadOnlyDictionary<string, KpiDefinition> definitions, KpiTargetBook targets,
        IReadOnlyList<UnitNode> units, IReadOnlyList<UnitStep> successions, DateOnly today, IReadOnlyList<UnitDesignationInfo>? especiallyDifficult = null)
    {
        Definitions = definitions;
        Targets = targets;
        _difficult = (especiallyDifficult ?? []).ToLookup(d => d.UnitId);
        ById = units.ToDictionary(u => u.Id);
        ByPath = units.GroupBy(u => u.Path).ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidTo is null ? 0 : 1).First());
        _successors = successions.ToLookup(s => s.PredecessorId);
        _today = today;
    }

    public IReadOnlyDictionary<string, KpiDefinition> Definitions { get; }
    public KpiTargetBook Targets { get; }
    public IReadOnlyDictionary<Guid, UnitNode> ById { get; }
    public IReadOnlyDictionary<string, UnitNode> ByPath { get; }

    public IReadOnlyCollection<string> CodesOf(IKpiCalculator calculator) => calculator.KpiCodes.Where(Definitions.ContainsKey).ToHashSet();

    /// <summary>
    /// Whether a row of <paramref name="unit"/> is left out of the KPI in the period: the unit was designated especially
    /// difficult (xã đặc biệt khó khăn) on some day of it and the target in force for the unit that year says "except
    /// especially difficult communes". Left out of the numerator and the denominator, at the unit and every unit above.
    /// </summary>
    public bool Excludes(string code, KpiPeriod period, UnitNode unit) =>
        _difficult.Contains(unit.Id)
        && Targets.For(Definitions[code], period.Year, unit.Id, unit.Level) is { ExcludesEspeciallyDifficult: true }
        && _difficult[unit.Id].Any(d => d.Overlaps(period.Start, period.End));

    /// <summary>The unit of a row: by id, else (a calculator that knows only paths) by the unit's current path.</summary>
    public UnitNode? UnitOf(KpiRow row) => ById.GetValueOrDefault(row.UnitId) ?? ByPath.GetValueOrDefault(row.UnitPath);

    /// <summary>
    /// The unit standing for <paramref name="unit"/> today: itself while it exists, else its primary successor, followed
    /// through every step (2021 → 2024-12-01 → 2025-07-01). A unit with no successor in force stands for itself.
    /// </summary>
    public UnitNode CurrentOf(UnitNode unit)
    {
        if (_current.TryGetValue(unit.Id, out var known))
        {
            return known;
        }

        var node = unit;
        for (var steps = 0; !node.IsValidOn(_today) && steps < 32; steps++)
        {
            var next = _successors[node.Id].Where(s => s.EffectiveOn <= _today).OrderByDescending(s => s.IsPrimary).FirstOrDefault();
            if (next is null || !ById.TryGetValue(next.SuccessorId, out var successor))
            {
                break;
            }

            node = successor;
        }

        return _current[unit.Id] = node;
    }
}
