using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

// Two host instances (A, B) behind nginx (round robin) on one PostgreSQL, started by run.sh. Two things are measured:
// (a) the waiting-room board across instances: one screen holds the board's event stream on A, another on B, while an
//     officer issues and calls tickets through nginx, so each call is made on one instance and shown by a screen on each;
//     per call the time from sending call-next until each screen shows it. The later of the two screens is the one on
//     the other instance (the stream there learns of the call from the database, not from the command).
// (b) the API quota over both instances: an API client sends N requests through nginx, concurrently; exactly the quota
//     must pass and the rest get 429, and "requests today" shown to admins must count all N.
// Usage: dotnet OneStop.Bench.TwoInstances.dll <nginx url> <instance A url> <instance B url> [calls=200] [quota] [requests]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var proxy = args[0];
var instanceA = args[1];
var instanceB = args[2];
var calls = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
var quota = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100;
var requests = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3 * quota;
const string Api = "/api/v1/queue";
var failures = 0;

// (a) The board.
var leader = await SignInAsync(proxy, "lanhdao.camthuong");
var created = await leader.PostAsJsonAsync($"{Api}/desks", new
{
    code = "TWO" + Random.Shared.Next(1000, 9999), name = "Bộ phận Một cửa (đo hai máy chủ)", priorityHeadStartMinutes = 15, slotMinutes = 30, slotCapacity = 2,
    counters = new[] { new { name = "Quầy 1", fields = new[] { "Hộ tịch" } } },
});
var desk = await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
var deskId = desk.GetProperty("id").GetGuid();
var counter = desk.GetProperty("counters")[0].GetProperty("id").GetGuid();
var officer = await SignInAsync(proxy, "motcua.camthuong");
(await officer.PostAsJsonAsync($"{Api}/counters/{counter}/commands", new { action = "sign-in" })).EnsureSuccessStatusCode();

var screens = new[] { await OpenBoardAsync(instanceA, "motcua.camthuong"), await OpenBoardAsync(instanceB, "motcua.camthuong") };
var command = new List<double>();
var nearer = new List<double>();
var farther = new List<double>();
for (var i = 0; i < calls; i++)
{
    var ticket = await (await officer.PostAsJsonAsync($"{Api}/desks/{deskId}/tickets", new { field = "Hộ tịch" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
    var number = ticket.GetProperty("number").GetString();
    var watch = Stopwatch.StartNew();
    var shown = screens.Select(async screen =>
    {
        // Boards sent for the ticket issued before are passed over; a board stuck for 10 s fails the run.
        while ((await NextBoardAsync(screen).WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("calls") is var board
               && (board.GetArrayLength() == 0 || board[0].GetProperty("number").GetString() != number))
        {
        }

        return watch.Elapsed.TotalMilliseconds;
    }).ToList();
    (await officer.PostAsJsonAsync($"{Api}/counters/{counter}/commands", new { action = "call-next" })).EnsureSuccessStatusCode();
    command.Add(watch.Elapsed.TotalMilliseconds);
    var times = await Task.WhenAll(shown);
    nearer.Add(times.Min());
    farther.Add(times.Max());
    (await officer.PostAsJsonAsync($"{Api}/counters/{counter}/commands", new { action = "end" })).EnsureSuccessStatusCode();
}

Console.WriteLine($"TwoInstances board: {calls} calls through nginx, screens on both instances, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine($"  call-next command (HTTP via nginx)        p50 {Percentile(command, 50),7:N1} ms, p95 {Percentile(command, 95),7:N1} ms, max {command.Max(),7:N1} ms");
Console.WriteLine($"  call → board, same instance (earlier)     p50 {Percentile(nearer, 50),7:N1} ms, p95 {Percentile(nearer, 95),7:N1} ms, max {nearer.Max(),7:N1} ms");
Console.WriteLine($"  call → board, other instance (later)      p50 {Percentile(farther, 50),7:N1} ms, p95 {Percentile(farther, 95),7:N1} ms, max {farther.Max(),7:N1} ms");
var late = farther.Count(ms => ms >= 1000);
Console.WriteLine(late == 0 ? "  every call reached both boards within a second" : $"  {late} of {calls} calls took a second or more to reach the other instance's board");
failures += late;

// (b) The quota: N requests at once through nginx, one token (the instances share the signing certificate).
using var anonymous = new HttpClient { BaseAddress = new Uri(proxy) };
var token = await (await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["grant_type"] = "client_credentials", ["client_id"] = "cong-dvc-demo", ["client_secret"] = "demo-secret-2025",
}))).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri(proxy) };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
using var gate = new SemaphoreSlim(16);
var quotaWatch = Stopwatch.StartNew();
var statuses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
{
    await gate.WaitAsync();
    try
    {
        using var response = await api.GetAsync("/api/v1/platform/units/summary");
        return response.StatusCode;
    }
    finally
    {
        gate.Release();
    }
}));
var elapsed = quotaWatch.Elapsed;
var passed = statuses.Count(s => s == HttpStatusCode.OK);
var refused = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
var admin = await SignInAsync(proxy, "admin");
var clients = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/clients/");
var today = clients.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "cong-dvc-demo").GetProperty("requestsToday").GetInt64();
Console.WriteLine($"TwoInstances quota: {requests} requests through nginx in {elapsed.TotalSeconds:N1} s (16 at once), quota {quota} a minute per client; load average {LoadAverage()}");
Console.WriteLine($"  passed {passed}, refused (429) {refused}, other {requests - passed - refused}; requests today shown to admins {today}");
var exact = passed == quota && refused == requests - quota && today == requests;
Console.WriteLine(exact ? "  the quota held exactly across both instances" : $"  MISSED: expected {quota} passed, {requests - quota} refused, {requests} counted");
failures += exact ? 0 : 1;
return failures == 0 ? 0 : 1;

async Task<HttpClient> SignInAsync(string baseUrl, string user, bool stream = false)
{
    // A jar per person; the form and the post may reach different instances (round robin): both read the same keys.
    var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = stream ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(30) };
    var form = await client.GetStringAsync("/Account/Login");
    var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.UserName"] = user, ["Input.Password"] = "MotCua@2025", ["__RequestVerificationToken"] = antiforgery,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"sign-in of {user}: {(int)response.StatusCode}");
    }

    return client;
}

async Task<StreamReader> OpenBoardAsync(string baseUrl, string user)
{
    var screen = await SignInAsync(baseUrl, user, stream: true);
    var response = await screen.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Api}/desks/{deskId}/board/events"), HttpCompletionOption.ResponseHeadersRead);
    var reader = new StreamReader(await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync());
    await NextBoardAsync(reader); // the board as it is
    return reader;
}

static async Task<JsonElement> NextBoardAsync(StreamReader reader)
{
    var named = false;
    while (await reader.ReadLineAsync() is { } line)
    {
        if (line.StartsWith("event: ", StringComparison.Ordinal))
        {
            named = line == "event: board";
        }
        else if (named && line.StartsWith("data: ", StringComparison.Ordinal))
        {
            return JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
        }
    }

    throw new InvalidOperationException("The stream ended.");
}

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
