using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Tests;
using OneStop.Platform.TestKit;

// Full KPI recompute of 2025 over ~1,000,000 generated dossiers (Counters' table, with their components, routing,
// queue visits and Digitization's copy and documents), ~250,000 ratings and their complaints, on PostgreSQL, through the
// real host's engine; then an incremental run after 1,000 dossiers change, and the cockpit page under 20 leaders at once.
// Each figure is printed beside a baseline measured in the same run on the same rows, with the load average (ADR 0045).
// Usage: eval "$(etc/scripts/postgres.sh start)"; dotnet run -c Release --project etc/bench/KpiRecompute [perCommuneDossiers]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var perCommune = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_600;
var dossierVolumes = new KpiDataGenerator.Volumes(perCommune * 38, perCommune * 10 - 1_000, perCommune); // ≈ 1.01 M at 2,600
var ratingVolumes = new KpiDataGenerator.Volumes(dossierVolumes.PerProvince / 4, dossierVolumes.PerDistrict / 4, dossierVolumes.PerCommune / 4);

static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
static double P(IReadOnlyList<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

OneStopFactory.UseSourceTreeContentRoot();
// KPI_BENCH_DATABASE=<name> keeps the generated rows in that database and reuses them on the next run, to measure a
// change of the engine or a calculator without generating them again (the figures of record come from a fresh run).
// KPI_BENCH_QUICK=1 leaves out the per-period baselines and the cockpit.
var kept = Environment.GetEnvironmentVariable("KPI_BENCH_DATABASE") is { Length: > 0 } keptName ? await TestDatabase.KeptAsync(keptName) : default((TestDatabase, bool)?);
var quick = Environment.GetEnvironmentVariable("KPI_BENCH_QUICK") == "1";
// KPI_BENCH_COCKPIT_ONLY=1 (with kept rows already computed) measures the cockpit alone.
var cockpitOnly = kept is { Item2: true } && Environment.GetEnvironmentVariable("KPI_BENCH_COCKPIT_ONLY") == "1";
// The product's setting, not the tests' (ADR 0061): EF's thread-safety checks off.
await using var host = (kept is { } k ? OneStopFactory.On(k.Item1) : new OneStopFactory()).With("Database:ThreadSafetyChecks", "false");
await host.InitializeAsync();
var cs = host.Database.ConnectionString!;
Console.WriteLine($"load average at the start: {Load()} ({Environment.ProcessorCount} cores)");

var watch = Stopwatch.StartNew();
if (kept is { Item2: true })
{
    Console.WriteLine($"reusing the rows generated before in {new NpgsqlConnectionStringBuilder(cs).Database}");
}
else
{
    var dossiers = await KpiDataGenerator.GenerateDossiersAsync(cs, 2025, dossierVolumes);
    var (ratings, complaints) = await KpiDataGenerator.GenerateAsync(cs, 2025, ratingVolumes);
    var sources = await KpiDataGenerator.GenerateKpiSourcesAsync(cs, 2025, dossierVolumes);
    Console.WriteLine($"generated {dossiers:N0} dossiers, {ratings:N0} ratings, {complaints:N0} complaints in {watch.Elapsed.TotalSeconds:N1} s");
    Console.WriteLine($"  and {sources.Components:N0} components, {sources.Handovers:N0} hand-overs, {sources.Tickets:N0} queue visits, {sources.Documents:N0} digitised documents");
}

await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var analyze = new NpgsqlCommand("ANALYZE", connection);
    await analyze.ExecuteNonQueryAsync();
}

if (cockpitOnly)
{
    goto Cockpit;
}

// Baseline: what PostgreSQL takes to do the dossier KPIs' counting once, bare — one GROUP BY of the year's dossiers by
// receiving unit and reception day (received, online, of citizens, verified) and one of the resolved ones by resolving
// unit and resolution day (resolved, on time) — no components, no hand-overs, no roll-up, nothing written.
const string yearGroupBy = """
    SELECT count(*) FROM (
      SELECT "ReceivingUnitId", ("ReceivedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*), count(*) FILTER (WHERE "Channel" = 'ONLINE'),
             count(*) FILTER (WHERE "ApplicantKind" = 'CITIZEN'), count(*) FILTER (WHERE "ApplicantVerified")
      FROM counters."Dossiers" WHERE "ReceivedAt" >= '2025-01-01 00:00+07' AND "ReceivedAt" < '2026-01-01 00:00+07' {0} GROUP BY 1, 2
      UNION ALL
      SELECT "ResolvingUnitId", ("ResolvedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*), count(*) FILTER (WHERE "DueAt" IS NULL OR "ResolvedAt" <= "DueAt"), 0, 0
      FROM counters."Dossiers" WHERE "ResolvedAt" >= '2025-01-01 00:00+07' AND "ResolvedAt" < '2026-01-01 00:00+07' {1} GROUP BY 1, 2) x
    """;
async Task<(double Seconds, long Rows)> TimedAsync(string sql)
{
    await using var connection = new NpgsqlConnection(cs);
    await connection.OpenAsync();
    var w = Stopwatch.StartNew();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
    var n = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    return (w.Elapsed.TotalSeconds, n);
}

var baselineFull = await TimedAsync(string.Format(CultureInfo.InvariantCulture, yearGroupBy, "", ""));
Console.WriteLine($"baseline (full): one plain GROUP BY of the year's dossiers by unit and day: {baselineFull.Seconds:N1} s, {baselineFull.Rows:N0} unit-days; load {Load()}");

// Baseline 2: the per-period path this run replaces (ADR 0045), on the same rows and the same machine load — every
// calculator asked for every month, quarter and year. Its snapshots are then rewritten by the run measured below.
if (!quick)
{
    watch.Restart();
    var perPeriod = await host.AsSystemAsync(sp =>
    {
        var engine = sp.GetRequiredService<KpiEngine>();
        engine.RollUpFromDays = false;
        return engine.RecomputeYearAsync(2025, CancellationToken.None);
    });
    Console.WriteLine($"baseline (full, per-period path): {watch.Elapsed.TotalSeconds:N1} s, {perPeriod.Periods:N0} calculator-periods; load {Load()}");
    foreach (var (calculator, _, elapsed) in perPeriod.Calculators ?? [])
    {
        Console.WriteLine($"  {calculator,-32} {"per period",-15} {elapsed.TotalSeconds,7:N1} s");
    }
}

GC.Collect();
var process = Process.GetCurrentProcess();
process.Refresh();
var workingSetBefore = process.WorkingSet64;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
watch.Restart();
var result = await host.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RecomputeYearAsync(2025, CancellationToken.None));
watch.Stop();
process.Refresh();
Console.WriteLine($"full recompute 2025: {watch.Elapsed.TotalSeconds:N1} s, {result.Periods:N0} calculator-periods, {result.Rows:N0} snapshots written; load {Load()}");
foreach (var (calculator, fromDays, elapsed) in result.Calculators ?? [])
{
    Console.WriteLine($"  {calculator,-32} {(fromDays ? "days + roll-up" : "per period"),-15} {elapsed.TotalSeconds,7:N1} s");
}

Console.WriteLine($"memory: peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB (process, host included; {workingSetBefore / 1048576.0:N0} MiB before the run), "
    + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:N0} MiB allocated during the run");

// 1,000 dossiers change: the first thousand by id, so spread over the whole year and every unit (the worst case for the
// changed days; a day's real changes are mostly today's dossiers).
await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var touch = new NpgsqlCommand("""UPDATE counters."Dossiers" SET "ModifiedAt" = now() WHERE "Id" IN (SELECT "Id" FROM counters."Dossiers" ORDER BY "Id" LIMIT 1000)""", connection);
    await touch.ExecuteNonQueryAsync();
}

// Baseline 3: the per-period path's incremental run after the same change (it rewrites snapshots only; the change
// touches no figure, so the day partials stay right). Then the same 1,000 dossiers are touched again for the run measured.
if (!quick)
{
    watch.Restart();
    var perPeriodIncremental = await host.AsSystemAsync(sp =>
    {
        var engine = sp.GetRequiredService<KpiEngine>();
        engine.RollUpFromDays = false;
        return engine.RunIncrementalAsync(CancellationToken.None);
    });
    Console.WriteLine($"baseline (incremental, per-period path, 1,000 dossiers spread over the year): {watch.Elapsed.TotalSeconds:N1} s, {perPeriodIncremental.Periods:N0} calculator-periods; load {Load()}");
}

await Task.Delay(TimeSpan.FromSeconds(1));
await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var touch = new NpgsqlCommand("""UPDATE counters."Dossiers" SET "ModifiedAt" = now() WHERE "Id" IN (SELECT "Id" FROM counters."Dossiers" ORDER BY "Id" LIMIT 1000)""", connection);
    await touch.ExecuteNonQueryAsync();
}

watch.Restart();
var incremental = await host.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RunIncrementalAsync(CancellationToken.None));
Console.WriteLine($"incremental run after 1,000 dossiers changed (spread over the year): {watch.Elapsed.TotalSeconds:N1} s, {incremental.Periods:N0} calculator-periods, {incremental.Rows:N0} snapshots; load {Load()}");
foreach (var (calculator, fromDays, elapsed) in incremental.Calculators ?? [])
{
    Console.WriteLine($"  {calculator,-32} {(fromDays ? "days + roll-up" : "per period"),-15} {elapsed.TotalSeconds,7:N1} s");
}

// Baselines for it: reading the 1,000 changed rows, and the bare GROUP BY above restricted to the changed days.
const string changedDays = """
    AND ("{0}" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date IN (SELECT (x AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM (
        SELECT "ReceivedAt" AS x FROM changed UNION SELECT "ResolvedAt" FROM changed WHERE "ResolvedAt" IS NOT NULL) c)
    """;
var readChanged = await TimedAsync("""SELECT count(*) FROM (SELECT * FROM counters."Dossiers" WHERE "Id" IN (SELECT "Id" FROM counters."Dossiers" ORDER BY "Id" LIMIT 1000)) x""");
var baselineChanged = await TimedAsync("""WITH changed AS (SELECT * FROM counters."Dossiers" WHERE "Id" IN (SELECT "Id" FROM counters."Dossiers" ORDER BY "Id" LIMIT 1000)) """
    + string.Format(CultureInfo.InvariantCulture, yearGroupBy,
    string.Format(CultureInfo.InvariantCulture, changedDays, "ReceivedAt"), string.Format(CultureInfo.InvariantCulture, changedDays, "ResolvedAt")));
Console.WriteLine($"baseline (incremental): reading the 1,000 changed dossiers {readChanged.Seconds * 1000:N0} ms; the plain GROUP BY over their days {baselineChanged.Seconds:N1} s ({baselineChanged.Rows:N0} unit-days)");

// Changes of one day (the normal case for a five-minute job: today's dossiers), then the run again. The spread
// changes above are first dated back to their creation, as if older than the watermark (the run looks back two minutes).
await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var back = new NpgsqlCommand("""UPDATE counters."Dossiers" SET "ModifiedAt" = "CreatedAt" WHERE "Id" IN (SELECT "Id" FROM counters."Dossiers" ORDER BY "Id" LIMIT 1000)""", connection);
    await back.ExecuteNonQueryAsync();
    await using var today = new NpgsqlCommand("""
        UPDATE counters."Dossiers" SET "ModifiedAt" = now() WHERE "Id" IN (
          SELECT "Id" FROM counters."Dossiers" WHERE "ReceivedAt" >= '2025-12-30 00:00+07' AND "ReceivedAt" < '2025-12-31 00:00+07' AND "ResolvedAt" IS NULL ORDER BY "Id" LIMIT 1000)
        """, connection);
    var n = await today.ExecuteNonQueryAsync();
    watch.Restart();
    var recent = await host.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RunIncrementalAsync(CancellationToken.None));
    Console.WriteLine($"incremental run after {n:N0} dossiers of one day changed: {watch.Elapsed.TotalSeconds:N1} s, {recent.Periods:N0} calculator-periods, {recent.Rows:N0} snapshots; load {Load()}");
    foreach (var (calculator, fromDays, elapsed) in (recent.Calculators ?? []).Where(c => c.Elapsed > TimeSpan.FromMilliseconds(100)))
    {
        Console.WriteLine($"  {calculator,-32} {(fromDays ? "days + roll-up" : "per period"),-15} {elapsed.TotalSeconds,7:N1} s");
    }
}

// The cockpit page under 20 leaders at once: HTTP against the in-process host (the test server: the whole ASP.NET Core
// pipeline — authentication, scope, Razor — without a socket), 20 sessions of the province's, a district's and a
// commune's leaders, each loading the year's page 10 times back to back. Baseline: the same 20 clients reading the
// province's year snapshots (the rows the page shows) straight from PostgreSQL.
if (quick)
{
    return;
}

Cockpit:

var accounts = new[] { "lanhdao.tinh", "lanhdao.tphd", "lanhdao.camthuong" };
var leaders = new List<HttpClient>();
for (var i = 0; i < 20; i++)
{
    leaders.Add(await host.SignInAsync(accounts[i % accounts.Length]));
}

foreach (var leader in leaders.Take(accounts.Length))
{
    await leader.GetStringAsync("/Evaluation?year=2025"); // warm-up (Razor compilation, caches)
}

async Task<List<double>> LoadTestAsync(Func<int, Task> call)
{
    var times = new List<double>();
    var tasks = Enumerable.Range(0, 20).Select(async i =>
    {
        var mine = new List<double>();
        for (var k = 0; k < 10; k++)
        {
            var w = Stopwatch.StartNew();
            await call(i);
            mine.Add(w.Elapsed.TotalMilliseconds);
        }

        lock (times)
        {
            times.AddRange(mine);
        }
    });
    await Task.WhenAll(tasks);
    times.Sort();
    return times;
}

var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var pageAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var page = await LoadTestAsync(i => leaders[i].GetStringAsync("/Evaluation?year=2025"));
var cpuPerPage = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / page.Count;
// Allocation per page does not depend on the machine's load: the figure to compare between runs on a shared machine.
var allocatedPerPage = (GC.GetTotalAllocatedBytes(precise: true) - pageAllocatedBefore) / 1024.0 / page.Count;
var sqlBaseline = await LoadTestAsync(async _ =>
{
    await using var connection = new NpgsqlConnection(cs);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("""SELECT * FROM evaluation."KpiSnapshots" WHERE "PeriodKey" = '2025' AND "UnitPath" LIKE '/30/%' AND "Structure" IN ('both', 'is')""", connection);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
    }
});
Console.WriteLine($"cockpit page, year 2025, 20 leaders at once × 10 (server side, in-process HTTP): p50 {P(page, 0.5):N0} ms, p95 {P(page, 0.95):N0} ms, max {page[^1]:N0} ms, host CPU {cpuPerPage:N1} ms and {allocatedPerPage:N0} KiB allocated a page (both sides of the in-process HTTP); "
    + $"baseline (the year's snapshots read by 20 SQL clients): p50 {P(sqlBaseline, 0.5):N0} ms, p95 {P(sqlBaseline, 0.95):N0} ms; load {Load()}");
