using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Platform.TestKit;

// The public catalogue (ADR 0042) under N concurrent anonymous clients (default 50), each sending requests back to back
// for a fixed time: the search page with words typed without diacritics, and a procedure's page. Beside them, in the
// same run and with the same clients, /health/live (no database) as the baseline of what the host and the machine give.
// Usage: eval "$(etc/scripts/postgres.sh start)"; dotnet run -c Release --project etc/bench/PublicCatalogue [clients] [seconds]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;

OneStopFactory.UseSourceTreeContentRoot();
await using var host = new OneStopFactory();
await host.InitializeAsync();

// Searches a citizen types, without diacritics; procedure codes from the shipped catalogue.
string[] searches = ["dang ky khai sinh", "khai tu", "cap giay phep xay dung", "chung thuc ban sao", "dang ky ket hon", "ho kinh doanh", "dat dai", "tro cap xa hoi"];
string[] procedures = ["1.001193", "1.000894", "1.001022", "2.000815", "1.000656"];

var baseline = await RunAsync("/health/live", i => "/health/live");
var search = await RunAsync("search", i => "/Portal?q=" + Uri.EscapeDataString(searches[i % searches.Length]));
var procedure = await RunAsync("procedure", i => "/Portal/Procedure/" + procedures[i % procedures.Length]);

Console.WriteLine($"PublicCatalogue: {clients} concurrent anonymous clients, {seconds} s each, PostgreSQL, {Environment.ProcessorCount} cores, load average {LoadAverage()} (before: {baseline.LoadBefore})");
foreach (var r in new[] { baseline, search, procedure })
{
    Console.WriteLine($"  {r.Name,-14} {r.Count,7} requests  {r.Count / (double)seconds,7:N0}/s  p50 {r.P50,7:N1} ms  p95 {r.P95,7:N1} ms  p99 {r.P99,7:N1} ms  errors {r.Errors}");
}

return search.Errors + procedure.Errors == 0 ? 0 : 1;

async Task<Result> RunAsync(string name, Func<int, string> url)
{
    var loadBefore = LoadAverage();
    var times = new List<double>[clients];
    var errors = 0;
    var stop = DateTime.UtcNow.AddSeconds(seconds);
    // Warm-up: one round from one client, not counted.
    using (var warm = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
    {
        for (var i = 0; i < 10; i++)
        {
            (await warm.GetAsync(url(i))).EnsureSuccessStatusCode();
        }
    }

    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        times[c] = [];
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = c; DateTime.UtcNow < stop; i += clients)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(i));
            _ = await response.Content.ReadAsByteArrayAsync();
            times[c].Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }));
    var all = times.SelectMany(t => t).Order().ToList();
    return new Result(name, all.Count, Percentile(all, 50), Percentile(all, 95), Percentile(all, 99), errors, loadBefore);
}

static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

internal sealed record Result(string Name, int Count, double P50, double P95, double P99, int Errors, string LoadBefore);
