using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Persistence;

namespace OneStop.Evaluation.Features.Kpis;

internal sealed record KpiRunResult(string Kind, int Periods, long Rows, TimeSpan Elapsed);

internal sealed record UnitNode(Guid Id, string Path, string Level, string Name);

/// <summary>
/// The KPI engine: asks every module's <see cref="IKpiCalculator"/> for per-unit numerators and denominators, rolls
/// them up the unit tree (commune → district → province) by summing numerators and denominators over each unit's
/// subtree — never averaging percentages — and replaces the snapshots (unit, period, N, D, value, target, met, points).
/// Full: every period of a year. Incremental: only the periods containing days the calculators report as changed since
/// their watermark.
/// </summary>
internal sealed class KpiEngine(
    EvaluationDbContext db, PlatformDbContext platform, IEnumerable<IKpiCalculator> calculators, TimeProvider clock, ILogger<KpiEngine> logger)
{
    public const string FullJobId = "evaluation-kpi-full";
    public const string IncrementalJobId = "evaluation-kpi-incremental";

    /// <summary>Rows written shortly before the watermark may commit after it: look back this far on each run.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>The nightly full run: the current year (and, in January, the year just closed, which late rows still change).</summary>
    public async Task RecomputeCurrentYearAsync(CancellationToken ct)
    {
        var today = clock.GetUtcNow().ToOffset(KpiPeriod.VietnamOffset);
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
        foreach (var calculator in calculators)
        {
            var codes = context.CodesOf(calculator);
            if (codes.Count == 0)
            {
                continue;
            }

            var list = KpiPeriod.InYear(year, codes.SelectMany(c => context.Definitions[c].PeriodList)).ToList();
            var yearStart = new DateOnly(year, 1, 1);
            var yearEnd = yearStart.AddYears(1);
            // One transaction per calculator: readers keep the old year until the new one is complete; snapshots are
            // streamed out period by period, so memory stays at one period's rows.
            rows += await ReplaceAsync(q => q.Where(s => codes.Contains(s.KpiCode) && s.PeriodStart >= yearStart && s.PeriodStart < yearEnd), async write =>
            {
                foreach (var period in list)
                {
                    await write(Roll(context, codes, period, await calculator.ComputeAsync(period, ct), startedAt).ToList());
                }
            }, ct);
            await SetWatermarkAsync(calculator, startedAt, onlyIfMissing: year != startedAt.ToOffset(KpiPeriod.VietnamOffset).Year, ct);
            periods += list.Count;
        }

        return await FinishRunAsync(run, periods, rows, watch, ct);
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
        foreach (var calculator in calculators)
        {
            var codes = context.CodesOf(calculator);
            if (codes.Count == 0)
            {
                continue;
            }

            IReadOnlyCollection<DateOnly> days;
            if (watermarks.TryGetValue(NameOf(calculator), out var since))
            {
                days = await calculator.ChangedDaysAsync(since - Overlap, ct);
            }
            else
            {
                // Never run: the whole current year.
                days = KpiPeriod.InYear(startedAt.ToOffset(KpiPeriod.VietnamOffset).Year, [KpiPeriodKinds.Day]).Select(p => p.Start).ToList();
            }

            var kinds = codes.SelectMany(c => context.Definitions[c].PeriodList).Distinct().ToList();
            var touched = days.SelectMany(d => kinds.Select(k => KpiPeriod.Containing(k, d))).DistinctBy(p => p.Key).ToList();
            foreach (var period in touched)
            {
                var key = period.Key;
                rows += await ReplaceAsync(q => q.Where(s => codes.Contains(s.KpiCode) && s.PeriodKey == key),
                    async write => await write(Roll(context, codes, period, await calculator.ComputeAsync(period, ct), startedAt).ToList()), ct);
            }

            await SetWatermarkAsync(calculator, startedAt, onlyIfMissing: false, ct);
            periods += touched.Count;
        }

        return await FinishRunAsync(run, periods, rows, watch, ct);
    }

    private static string NameOf(IKpiCalculator calculator) => calculator.GetType().FullName!;

    /// <summary>Sums each row into its own unit and every ancestor (the path's prefixes), then makes the snapshots.</summary>
    internal static IEnumerable<KpiSnapshot> Roll(EngineContext context, IReadOnlyCollection<string> codes, KpiPeriod period, IReadOnlyList<KpiRow> rows, DateTimeOffset at)
    {
        var sums = new Dictionary<(string Code, string Path), (decimal N, decimal D)>();
        foreach (var row in rows)
        {
            if (!codes.Contains(row.KpiCode) || !context.Definitions[row.KpiCode].PeriodList.Contains(period.Kind))
            {
                continue;
            }

            for (var end = row.UnitPath.IndexOf('/', 1); end > 0; end = row.UnitPath.IndexOf('/', end + 1))
            {
                var key = (row.KpiCode, row.UnitPath[..(end + 1)]);
                var (n, d) = sums.GetValueOrDefault(key);
                sums[key] = (n + row.Numerator, d + row.Denominator);
            }
        }

        foreach (var ((code, path), (n, d)) in sums)
        {
            if (!context.Units.TryGetValue(path, out var unit) || (n == 0 && d == 0))
            {
                continue;
            }

            var definition = context.Definitions[code];
            var value = definition.ValueOf(n, d);
            var target = definition.LevelList.Contains(unit.Level) ? context.TargetOf(code, period.Year, unit.Level) : null;
            yield return new KpiSnapshot
            {
                KpiCode = code, UnitId = unit.Id, UnitPath = unit.Path, UnitLevel = unit.Level, PeriodKind = period.Kind, PeriodKey = period.Key,
                PeriodStart = period.Start, Numerator = n, Denominator = d, Value = value, Target = target, Met = definition.Meets(value, target),
                Points = definition.PointsOf(n, d), ComputedAt = at,
            };
        }
    }

    internal async Task<EngineContext> LoadAsync(CancellationToken ct)
    {
        var definitions = await db.Definitions.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var targets = await db.Targets.AsNoTracking().ToListAsync(ct);
        var units = await platform.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.Path, u.Level, u.Name)).ToListAsync(ct);
        return new EngineContext(definitions, targets.ToDictionary(t => (t.Code, t.Year, t.Level), t => t.Value), units.ToDictionary(u => u.Path));
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
            "\"Numerator\", \"Denominator\", \"Value\", \"Target\", \"Met\", \"Points\", \"ComputedAt\") FROM STDIN (FORMAT BINARY)", ct);
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

    private async Task<KpiRunResult> FinishRunAsync(KpiRun run, int periods, long rows, Stopwatch watch, CancellationToken ct)
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
        return new KpiRunResult(run.Kind, periods, rows, watch.Elapsed);
    }
}

/// <summary>Definitions, targets and the unit tree, loaded once per run.</summary>
internal sealed record EngineContext(
    IReadOnlyDictionary<string, KpiDefinition> Definitions,
    IReadOnlyDictionary<(string Code, int Year, string? Level), decimal> Targets,
    IReadOnlyDictionary<string, UnitNode> Units)
{
    public IReadOnlyCollection<string> CodesOf(IKpiCalculator calculator) => calculator.KpiCodes.Where(Definitions.ContainsKey).ToHashSet();

    public decimal? TargetOf(string code, int year, string level) =>
        Targets.TryGetValue((code, year, level), out var v) ? v : Targets.TryGetValue((code, year, null), out var all) ? all : null;
}
