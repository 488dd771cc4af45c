using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Tests;
using OneStop.Platform.TestKit;

// Full KPI recompute of 2025 over ~1,000,000 generated dossiers (Counters' table, with their components, routing,
// queue visits and Digitization's copy and documents), ~250,000 ratings and their complaints, on PostgreSQL, through the real host's engine. Prints generation time, recompute time, snapshot rows,
// peak working set and managed allocations, an incremental run, and the cockpit page's response time.
// Usage: eval "$(etc/scripts/postgres.sh start)"; dotnet run -c Release --project etc/bench/KpiRecompute [perCommuneDossiers]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var perCommune = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_600;
var dossierVolumes = new KpiDataGenerator.Volumes(perCommune * 38, perCommune * 10 - 1_000, perCommune); // ≈ 1.01 M at 2,600
var ratingVolumes = new KpiDataGenerator.Volumes(dossierVolumes.PerProvince / 4, dossierVolumes.PerDistrict / 4, dossierVolumes.PerCommune / 4);

OneStopFactory.UseSourceTreeContentRoot();
await using var host = new OneStopFactory();
await host.InitializeAsync();
var cs = host.Database.ConnectionString!;

var watch = Stopwatch.StartNew();
var dossiers = await KpiDataGenerator.GenerateDossiersAsync(cs, 2025, dossierVolumes);
var (ratings, complaints) = await KpiDataGenerator.GenerateAsync(cs, 2025, ratingVolumes);
var sources = await KpiDataGenerator.GenerateKpiSourcesAsync(cs, 2025, dossierVolumes);
Console.WriteLine($"generated {dossiers:N0} dossiers, {ratings:N0} ratings, {complaints:N0} complaints in {watch.Elapsed.TotalSeconds:N1} s");
Console.WriteLine($"  and {sources.Components:N0} components, {sources.Handovers:N0} hand-overs, {sources.Tickets:N0} queue visits, {sources.Documents:N0} digitised documents");

GC.Collect();
var process = Process.GetCurrentProcess();
process.Refresh();
var workingSetBefore = process.WorkingSet64;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
watch.Restart();
var result = await host.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RecomputeYearAsync(2025, CancellationToken.None));
watch.Stop();
process.Refresh();
Console.WriteLine($"full recompute 2025: {watch.Elapsed.TotalSeconds:N1} s, {result.Periods:N0} calculator-periods, {result.Rows:N0} snapshots written");
Console.WriteLine($"memory: peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB (process, host included; {workingSetBefore / 1048576.0:N0} MiB before the run), "
    + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:N0} MiB allocated during the run");

await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var touch = new NpgsqlCommand("""UPDATE counters."Dossiers" SET "ModifiedAt" = now() WHERE "Id" IN (SELECT "Id" FROM counters."Dossiers" ORDER BY "Id" LIMIT 1000)""", connection);
    await touch.ExecuteNonQueryAsync();
}

watch.Restart();
var incremental = await host.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RunIncrementalAsync(CancellationToken.None));
Console.WriteLine($"incremental run after 1,000 dossiers changed: {watch.Elapsed.TotalSeconds:N1} s, {incremental.Periods:N0} calculator-periods, {incremental.Rows:N0} snapshots");

var leader = await host.SignInAsync("lanhdao.tinh");
await leader.GetStringAsync("/Evaluation?year=2025"); // warm-up (Razor compilation, caches)
var times = new List<double>();
for (var i = 0; i < 5; i++)
{
    watch.Restart();
    await leader.GetStringAsync("/Evaluation?year=2025");
    times.Add(watch.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"cockpit page (province, year 2025, server side): median {times.Order().ElementAt(2):N0} ms, max {times.Max():N0} ms over 5 requests");
