using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

// Intake under crashes: N desk officers (one HTTP client each, cookie login through the real form) post intakes, each
// dossier with its own Idempotency-Key, while run.sh kills the host with SIGKILL and restarts it. A request that got a
// 201 is acknowledged; any other outcome (connection reset, refused, 5xx, 409 "in progress") leaves it unacknowledged.
// Once the load is done and the host answers, every unacknowledged request is sent again with its same key and body
// until it is acknowledged. Writes a journal (CSV: item, applicant identity, key, first-try outcome, dossier id, code,
// attempts) for run.sh to compare with the database.
var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5098";
var total = args.Length > 1 ? int.Parse(args[1]) : 600;
var concurrency = args.Length > 2 ? int.Parse(args[2]) : 8;
var journalPath = args.Length > 3 ? args[3] : "durability-journal.csv";
var identityBase = args.Length > 4 ? long.Parse(args[4]) : 30_000_000_000L; // 12-digit CCCD per item: base + item
string[] desks = ["motcua.camthuong", "motcua.binhhan"];
var runId = Guid.NewGuid().ToString("N")[..8];

async Task<HttpClient> SignInAsync(string user)
{
    while (true)
    {
        try
        {
            var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            var form = await client.GetStringAsync("/Account/Login");
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = user, ["Input.Password"] = "MotCua@2025", ["__RequestVerificationToken"] = token,
            }));
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                return client;
            }

            Console.Error.WriteLine($"login {user}: {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // the host is down (killed): wait for it
        }

        await Task.Delay(500);
    }
}

async Task WaitForHostAsync()
{
    using var probe = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
    while (true)
    {
        try
        {
            if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
        }

        await Task.Delay(500);
    }
}

string Identity(int i) => (identityBase + i).ToString("D12");
string Key(int i) => $"durability-{runId}-{i}";
object Intake(int i) => new
{
    procedureCode = "1.001193",
    applicant = new { kind = "CITIZEN", identity = Identity(i), name = "Nguyễn Văn Bền", phone = "0912345678" },
    components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
};

var items = Enumerable.Range(0, total).Select(i => new Item(i)).ToArray();

// One attempt: Created → acknowledged; 401/302 → the session is gone (sign in again); anything else → not acknowledged.
async Task<(bool Acked, bool Relogin, string Outcome)> SendAsync(HttpClient client, Item item)
{
    item.Attempts++;
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/counters/dossiers") { Content = JsonContent.Create(Intake(item.Index)) };
        request.Headers.Add("Idempotency-Key", Key(item.Index));
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var dto = (await response.Content.ReadFromJsonAsync<Dto>())!;
            if (item.DossierId is { } earlier && earlier != dto.Id)
            {
                item.SecondId = dto.Id; // same key, another dossier: a duplicate seen by the client
            }

            item.DossierId ??= dto.Id;
            item.Code ??= dto.Code;
            return (true, false, "201");
        }

        var relogin = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found;
        return (false, relogin, ((int)response.StatusCode).ToString());
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
    {
        return (false, false, "connection");
    }
}

var next = -1;
var watch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
{
    var desk = desks[c % desks.Length];
    var client = await SignInAsync(desk);
    int i;
    while ((i = Interlocked.Increment(ref next)) < total)
    {
        var item = items[i];
        item.Desk = c;
        var (acked, relogin, outcome) = await SendAsync(client, item);
        item.FirstOutcome = outcome;
        item.AckedFirstTry = acked;
        if (!acked)
        {
            // Leave it unacknowledged (retried at the end with its key); wait for the host before the next one.
            await WaitForHostAsync();
            if (relogin || outcome == "connection")
            {
                client = await SignInAsync(desk);
            }
        }
    }
}));
var loadSeconds = watch.Elapsed.TotalSeconds;

// Retry phase: every unacknowledged request again with its same key and body until it is acknowledged.
await WaitForHostAsync();
var unacked = items.Where(x => !x.AckedFirstTry).ToList();
var clients = new Dictionary<int, HttpClient>();
foreach (var item in unacked)
{
    var desk = item.Desk;
    clients.TryGetValue(desk, out var client);
    client ??= clients[desk] = await SignInAsync(desks[desk % desks.Length]);
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        var (acked, relogin, outcome) = await SendAsync(client, item);
        if (acked)
        {
            item.AckedOnRetry = true;
            break;
        }

        item.RetryOutcome = outcome;
        if (deadline.Elapsed > TimeSpan.FromMinutes(2))
        {
            break; // still not acknowledged after two minutes: reported as such
        }

        if (relogin || outcome == "connection")
        {
            client = clients[desk] = await SignInAsync(desks[desk % desks.Length]);
        }

        await Task.Delay(1000); // a 409 while the dead request's lease runs out
    }
}

var csv = new StringBuilder("item,identity,idempotency_key,first_outcome,acked_first_try,acked_on_retry,dossier_id,second_id,code,attempts\n");
foreach (var x in items)
{
    csv.Append($"{x.Index},{Identity(x.Index)},{Key(x.Index)},{x.FirstOutcome},{x.AckedFirstTry},{x.AckedOnRetry},{x.DossierId},{x.SecondId},{x.Code},{x.Attempts}\n");
}

await File.WriteAllTextAsync(journalPath, csv.ToString());
Console.WriteLine($"intakes sent: {total} by {concurrency} clients in {loadSeconds:F1} s; acknowledged first try: {items.Count(x => x.AckedFirstTry)}, "
    + $"unacknowledged then retried: {unacked.Count} (acknowledged on retry: {items.Count(x => x.AckedOnRetry)}, never: {items.Count(x => !x.AckedFirstTry && !x.AckedOnRetry)}), "
    + $"same key answered with two dossiers: {items.Count(x => x.SecondId is not null)}");
Console.WriteLine("first-try outcomes: " + string.Join(", ", items.GroupBy(x => x.FirstOutcome).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
return items.All(x => x.AckedFirstTry || x.AckedOnRetry) ? 0 : 1;

internal sealed record Dto(Guid Id, string Code);

internal sealed class Item(int index)
{
    public int Index { get; } = index;
    public int Desk { get; set; }
    public string FirstOutcome { get; set; } = "";
    public string? RetryOutcome { get; set; }
    public bool AckedFirstTry { get; set; }
    public bool AckedOnRetry { get; set; }
    public Guid? DossierId { get; set; }
    public Guid? SecondId { get; set; }
    public string? Code { get; set; }
    public int Attempts { get; set; }
}
