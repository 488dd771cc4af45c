using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

// Dossier intake over HTTP: N desk officers (one HTTP client each, cookie login through the real form) post
// intakes concurrently; prints throughput, p50/p95/p99 latency and checks that the codes are unique and gap-free.
// With wards > 1 the load is spread as a province's desks are: the bench has the admin create one desk officer in each
// of that many wards through the people API, and each signs in with the one-time password and changes it as a new
// officer does; the clients take the wards in turn. With wards = 1, the two demo desks (one ward since 2025).
var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5099";
var total = args.Length > 1 ? int.Parse(args[1]) : 2000;
var concurrency = args.Length > 2 ? int.Parse(args[2]) : 16;
var wards = args.Length > 3 ? int.Parse(args[3]) : 1;
const string BenchPassword = "Bench@Intake2026";
var passwords = new Dictionary<string, string>();
string[] desks = wards > 1 ? await CreateWardDesksAsync(wards) : ["motcua.camthuong", "motcua.binhhan"];

async Task<string[]> CreateWardDesksAsync(int count)
{
    var admin = await SignInAsync("admin");
    var communes = (await admin.GetFromJsonAsync<Page<Unit>>("/api/v1/platform/units?level=commune&pageSize=200"))!.Items;
    var logins = new List<string>();
    foreach (var ward in communes.Take(count))
    {
        var login = $"bench.tiepnhan.{ward.Code}";
        var created = await admin.PostAsJsonAsync("/api/v1/platform/users", new
        {
            login, fullName = $"Cán bộ một cửa {ward.Name}", position = "Công chức một cửa",
            membership = new { unitId = ward.Id, roles = new[] { "DeskOfficer" } },
        });
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            // Created by an earlier load on the same host, password already changed.
            passwords[login] = BenchPassword;
            logins.Add(login);
            continue;
        }

        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"create {login}: {created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        var oneTime = (await created.Content.ReadFromJsonAsync<Created>())!.OneTimePassword;
        var client = await SignInAsync(login, oneTime);
        var form = await client.GetStringAsync("/Account/ChangePassword");
        var changed = await client.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = oneTime, ["Input.NewPassword"] = BenchPassword, ["Input.ConfirmPassword"] = BenchPassword,
            ["__RequestVerificationToken"] = Token(form),
        }));
        if (changed.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"change password {login}: {changed.StatusCode}");
        }

        passwords[login] = BenchPassword;
        logins.Add(login);
    }

    return logins.Count == count ? [.. logins] : throw new InvalidOperationException($"only {logins.Count} wards found");
}

static string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

async Task<HttpClient> SignInAsync(string user, string? password = null)
{
    var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    var form = await client.GetStringAsync("/Account/Login");
    var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.UserName"] = user, ["Input.Password"] = password ?? passwords.GetValueOrDefault(user, "MotCua@2025"),
        ["__RequestVerificationToken"] = Token(form),
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        var html = await response.Content.ReadAsStringAsync();
        var alert = Regex.Match(html, "<div[^>]*(alert|validation)[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[2].Value;
        throw new InvalidOperationException($"login {user}: {response.StatusCode} {alert.Trim()}");
    }

    return client;
}

object Intake(int i) => new
{
    procedureCode = "1.001193",
    applicant = new { kind = "CITIZEN", identity = $"0300{i:D8}", name = "Nguyễn Văn Bench", phone = "0912345678" },
    components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
};

var clients = new List<(string Desk, HttpClient Client)>();
for (var i = 0; i < concurrency; i++)
{
    var desk = desks[i % desks.Length];
    clients.Add((desk, await SignInAsync(desk)));
}

// Warm-up: JIT, connection pools, EF model, calendar.
foreach (var (_, client) in clients)
{
    (await client.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(0))).EnsureSuccessStatusCode();
}

var latencies = new double[total];
var codes = new string[total];
var next = -1;
var failures = 0;
// CPU time of the host and of PostgreSQL over the load only (not the sign-ins before it): wall-clock figures on a shared
// machine depend on the other work, CPU time per intake much less (run.sh passes the two process ids).
var cpuBefore = CpuTimes();
var watch = Stopwatch.StartNew();
await Task.WhenAll(clients.Select(async c =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < total)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await c.Client.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(i + 1));
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Interlocked.Increment(ref failures);
            Console.Error.WriteLine($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            continue;
        }

        codes[i] = (await response.Content.ReadFromJsonAsync<Dto>())!.Code;
    }
}));
watch.Stop();
var cpuAfter = CpuTimes();

var sorted = latencies.Order().ToArray();
double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
var byAgency = codes.Where(c => c is not null).GroupBy(c => c[..c.LastIndexOf('-')]).ToList();
var gapFree = byAgency.All(g =>
{
    var numbers = g.Select(c => int.Parse(c[(c.LastIndexOf('-') + 1)..])).Order().ToList();
    return numbers.Distinct().Count() == numbers.Count && numbers[^1] - numbers[0] + 1 == numbers.Count;
});
Console.WriteLine($"intakes: {total} over HTTP by {concurrency} clients ({(wards > 1 ? $"desk officers of {wards} wards" : string.Join(", ", desks))}), failures: {failures}");
Console.WriteLine($"elapsed: {watch.Elapsed.TotalSeconds:F1} s, throughput: {total / watch.Elapsed.TotalSeconds:F1} intakes/s");
Console.WriteLine($"latency ms: p50 {P(0.50):F1}, p95 {P(0.95):F1}, p99 {P(0.99):F1}, max {sorted[^1]:F1}");
Console.WriteLine($"codes: {codes.Count(c => c is not null)} unique={codes.Where(c => c is not null).Distinct().Count()} per agency-day gap-free={gapFree} ({string.Join(", ", byAgency.Select(g => $"{g.Key}: {g.Count()}"))})");
if (cpuBefore is { } b && cpuAfter is { } a)
{
    Console.WriteLine($"cpu over the load: host {a.Host - b.Host:F0} ms, postgres {a.Postgres - b.Postgres:F0} ms; per intake: host {(a.Host - b.Host) / total:F2} ms, postgres {(a.Postgres - b.Postgres) / total:F2} ms");
}

return failures == 0 && gapFree ? 0 : 1;

// (host, PostgreSQL) CPU milliseconds from /proc: the host process; the postmaster, its children and its exited
// children. Null when run.sh did not pass the ids (ONESTOP_BENCH_HOST_PID, ONESTOP_BENCH_PG_PID).
static (double Host, double Postgres)? CpuTimes()
{
    if (!int.TryParse(Environment.GetEnvironmentVariable("ONESTOP_BENCH_HOST_PID"), out var host)
        || !int.TryParse(Environment.GetEnvironmentVariable("ONESTOP_BENCH_PG_PID"), out var postmaster))
    {
        return null;
    }

    var pg = 0.0;
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        // A child that ended meanwhile has no stat any more: its time is in its parent's cutime.
        if (!int.TryParse(Path.GetFileName(dir), out var pid) || ProcStat.Fields(dir) is not { } f)
        {
            continue;
        }

        if (pid == postmaster)
        {
            pg += ProcStat.CpuMilliseconds(f, children: true);
        }
        else if (f[1] == postmaster.ToString())
        {
            pg += ProcStat.CpuMilliseconds(f, children: false);
        }
    }

    return (ProcStat.Fields($"/proc/{host}") is { } h ? ProcStat.CpuMilliseconds(h, children: false) : 0, pg);
}

internal sealed record Dto(string Code);
internal sealed record Page<T>(List<T> Items);
internal sealed record Unit(Guid Id, string Code, string Name);
internal sealed record Created(string OneTimePassword);
