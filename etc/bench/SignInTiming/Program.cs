using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Platform.TestKit;

// Login enumeration by timing: posts wrong passwords to the real login form for an existing login and for an unknown
// one, alternating, and compares the median response times. Each attempt comes from a new address and the login's
// throttle key is lifted between attempts, so every attempt is checked (PBKDF2 for the real login, the same cost
// against a dummy hash for the unknown one) instead of answered as blocked. Target: medians within 20 ms.
// Usage: eval "$(etc/scripts/postgres.sh start)"; dotnet run -c Release --project etc/bench/SignInTiming [attempts]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var attempts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;

OneStopFactory.UseSourceTreeContentRoot();
await using var host = new OneStopFactory();
await host.InitializeAsync();

using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
var token = OneStopFactory.AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
var logins = new[] { "motcua.camthuong", "khong.ton.tai" };
var times = logins.ToDictionary(l => l, _ => new List<double>());

for (var i = -10; i < attempts; i++) // 10 rounds of warm-up, not counted
{
    foreach (var login in i % 2 == 0 ? logins : logins.Reverse())
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = login, ["Input.Password"] = $"sai-mat-khau-{i}", ["__RequestVerificationToken"] = token,
            }),
        };
        var n = i + 20;
        request.Headers.Add(OneStopFactory.ClientAddressHeader, $"10.{n / 65536 % 256}.{n / 256 % 256}.{n % 256}");
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("data-testid=\"login-error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode} for {login}");
        }

        if (i >= 0)
        {
            times[login].Add(elapsed);
        }

        await host.AsSystemAsync(async sp =>
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<OneStop.Platform.Identity.SignInThrottler>(sp).LiftAsync(login);
            return 0;
        });
    }
}

var existing = Median(times[logins[0]]);
var unknown = Median(times[logins[1]]);
var difference = Math.Abs(existing - unknown);
Console.WriteLine($"SignInTiming: {attempts} wrong passwords per login on PostgreSQL, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine($"  existing login ({logins[0]})  median {existing:N1} ms, p95 {Percentile(times[logins[0]], 95):N1} ms");
Console.WriteLine($"  unknown login  ({logins[1]})     median {unknown:N1} ms, p95 {Percentile(times[logins[1]], 95):N1} ms");
Console.WriteLine($"  difference of medians  {difference:N1} ms ({(difference < 20 ? "under" : "NOT under")} 20 ms)");
return difference < 20 ? 0 : 1;

static double Median(List<double> values) => Percentile(values, 50);

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
