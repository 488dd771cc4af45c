using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Platform.TestKit;

// The waiting-room board (ADR 0008) through the real host: a screen holds the board's server-sent event stream open
// while an officer calls ticket after ticket; for each call it measures the call-next command over HTTP and the time
// until the stream delivers a board showing that call. Target: the board shows a call within a second.
// Usage: eval "$(etc/scripts/postgres.sh start)"; dotnet run -c Release --project etc/bench/BoardLatency [calls] [sqlite]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var sqlite = args.Contains("sqlite");

OneStopFactory.UseSourceTreeContentRoot();
await using var host = sqlite ? new SqliteOneStopFactory() : new OneStopFactory();
await host.InitializeAsync();
host.Clock.SetVietnamTime(2026, 12, 7, 8); // a Monday morning: the desk is open

const string Api = "/api/v1/queue";
var leader = await host.SignInAsync("lanhdao.camthuong");
var created = await leader.PostAsJsonAsync($"{Api}/desks", new
{
    code = "BENCH", name = "Bộ phận Một cửa (đo bảng hiển thị)", priorityHeadStartMinutes = 15, slotMinutes = 30, slotCapacity = 2,
    counters = new[] { new { name = "Quầy 1", fields = new[] { "Hộ tịch" } } },
});
var desk = await created.Content.ReadFromJsonAsync<JsonElement>();
var deskId = desk.GetProperty("id").GetGuid();
var counter = desk.GetProperty("counters")[0].GetProperty("id").GetGuid();
var officer = await host.SignInAsync("motcua.camthuong");
(await officer.PostAsJsonAsync($"{Api}/counters/{counter}/commands", new { action = "sign-in" })).EnsureSuccessStatusCode();

var screen = await host.SignInAsync("motcua.camthuong");
using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/desks/{deskId}/board/events");
using var stream = await screen.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
await NextBoardAsync(reader); // the board as it is

var command = new List<double>();
var board = new List<double>();
for (var i = 0; i < calls; i++)
{
    var ticket = await (await officer.PostAsJsonAsync($"{Api}/desks/{deskId}/tickets", new { field = "Hộ tịch" })).Content.ReadFromJsonAsync<JsonElement>();
    var number = ticket.GetProperty("number").GetString();

    var watch = Stopwatch.StartNew();
    (await officer.PostAsJsonAsync($"{Api}/counters/{counter}/commands", new { action = "call-next" })).EnsureSuccessStatusCode();
    command.Add(watch.Elapsed.TotalMilliseconds);
    // Boards sent for the issue before are passed over; a board stuck for 10 s fails the run.
    while ((await NextBoardAsync(reader).WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("calls") is var shown
           && (shown.GetArrayLength() == 0 || shown[0].GetProperty("number").GetString() != number))
    {
    }

    board.Add(watch.Elapsed.TotalMilliseconds);
    (await officer.PostAsJsonAsync($"{Api}/counters/{counter}/commands", new { action = "end" })).EnsureSuccessStatusCode();
    host.Clock.Advance(TimeSpan.FromSeconds(30));
}

Console.WriteLine($"BoardLatency: {calls} calls on {(sqlite ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine($"  call-next command (HTTP)      p50 {Percentile(command, 50):N1} ms, p95 {Percentile(command, 95):N1} ms, max {command.Max():N1} ms");
Console.WriteLine($"  call → board event on screen  p50 {Percentile(board, 50):N1} ms, p95 {Percentile(board, 95):N1} ms, max {board.Max():N1} ms");
var late = board.Count(ms => ms >= 1000);
Console.WriteLine(late == 0 ? "  every call reached the board within a second" : $"  {late} of {calls} calls took a second or more");
return late == 0 ? 0 : 1;

static Task<JsonElement> NextBoardAsync(StreamReader reader) => ServerSentEvents.NextAsync(reader, "board");

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
