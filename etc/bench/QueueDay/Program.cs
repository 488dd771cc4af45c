using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Queue;
using OneStop.Queue.Contracts;
using OneStop.Queue.Features.Calling;
using OneStop.Queue.Features.Desks;
using OneStop.Queue.Features.Measurement;
using OneStop.Queue.Features.Tickets;
using OneStop.Queue.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Domain;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

// A day at a ward's one-stop desk, replayed through the real queue handlers on the embedded database (SQLite) with a
// simulated clock: Poisson arrivals with a morning peak around 08:30 and a smaller one at 14:30, four counters with
// overlapping fields, 8 % priority citizens, 3 % no-shows, exponential service times per field, lunch 11:30–13:30.
// Then the waits recorded by the system (SQL over the tickets, the KPI source) are checked against the same figures
// computed independently from the queue's event log. Usage: dotnet run -c Release --project etc/bench/QueueDay [seed]
var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 42;
var random = new Random(seed);
var day = new DateOnly(2026, 12, 8); // a working Tuesday
DateTimeOffset At(double minutesFrom7) => new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.FromHours(7)).AddSeconds(Math.Round(minutesFrom7 * 60)).ToUniversalTime();

var data = Directory.CreateTempSubdirectory("onestop-queueday-").FullName;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["Database:DataDirectory"] = data,
}).Build();
var clock = new SimulatedClock(At(0));
var module = new QueueModule();
var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
services.AddSingleton<IConfiguration>(configuration);
services.AddOneStopPlatform(configuration, [module]);
module.ConfigureServices(services, configuration);
services.AddSingleton<TimeProvider>(clock);
await using var provider = services.BuildServiceProvider();
var scope = provider.GetRequiredService<ICurrentScope>();
using (scope.Change(UnitScope.Unrestricted, null, "bench"))
{
    await DatabaseInitializer.MigrateAsync(provider);
}

var unit = new UnitScope(Guid.NewGuid(), "/30/288/10507/", "Phường Cẩm Thượng");
async Task<T> As<T>(Guid? officer, string name, Func<IServiceProvider, Task<T>> work)
{
    using var s = provider.CreateScope();
    using var _ = scope.Change(unit, officer, name);
    return await work(s.ServiceProvider);
}

// Fields: share of arrivals and mean service minutes.
var fields = new (string Name, double Share, double ServiceMinutes)[] { ("Hộ tịch", 0.45, 6), ("Chứng thực", 0.25, 3), ("Đất đai", 0.15, 10), ("Trả kết quả", 0.15, 2) };
var desk = await As(null, "bench", sp => sp.GetRequiredService<DeskSetupHandler>().CreateAsync(new CreateDeskRequest("MC10507", "Bộ phận Một cửa phường Cẩm Thượng", 15, null, null,
[
    new("Quầy 1", ["Hộ tịch", "Chứng thực"]), new("Quầy 2", ["Hộ tịch"]), new("Quầy 3", ["Chứng thực", "Đất đai"]), new("Quầy 4", ["Trả kết quả", "Hộ tịch"]),
]), CancellationToken.None));
var counters = desk.Counters.Select(c => new SimCounter(c.Id, c.Name, Guid.NewGuid())).ToList();
foreach (var c in counters)
{
    await As(c.Officer, "officer " + c.Name, sp => sp.GetRequiredService<CounterCommandHandler>().HandleAsync(c.Id, new CounterCommand(CounterActions.SignIn), CancellationToken.None));
}

// Arrivals per minute (minute 0 = 07:00): 0.35 base + morning peak 1.3 at 08:30, afternoon 0.25 + 0.6 at 14:30.
static double Rate(double m) => m < 270
    ? 0.35 + 1.3 * Math.Exp(-Math.Pow((m - 90) / 35, 2))
    : m is >= 390 and < 600 ? 0.25 + 0.6 * Math.Exp(-Math.Pow((m - 450) / 40, 2)) : 0;
var arrivals = new List<double>();
for (double m = 0; m < 600;)
{
    m += -Math.Log(1 - random.NextDouble()) / 1.65; // thinning against the maximum rate
    if (m < 600 && random.NextDouble() < Rate(m) / 1.65)
    {
        arrivals.Add(m);
    }
}

var lunchStart = 270.0;
var lunchEnd = 390.0;
var watch = Stopwatch.StartNew();
var commands = 0;
var next = 0;
var now = 0.0;
while (true)
{
    var nextArrival = next < arrivals.Count ? arrivals[next] : double.MaxValue;
    var nextEnd = counters.Where(c => c.BusyUntil is not null).Select(c => c.BusyUntil!.Value).DefaultIfEmpty(double.MaxValue).Min();
    var t = Math.Min(nextArrival, nextEnd);
    if (now < lunchEnd && t > lunchEnd)
    {
        t = lunchEnd; // wake the counters at 13:30 for whoever waited over lunch
    }

    if (t == double.MaxValue)
    {
        break;
    }

    now = t;
    clock.Set(At(now));
    if (nextEnd == now)
    {
        var c = counters.First(x => x.BusyUntil == nextEnd);
        await Command(c, c.NoShow ? CounterActions.NoShow : CounterActions.End);
        c.BusyUntil = null;
    }
    else if (nextArrival == now)
    {
        var r = random.NextDouble();
        var field = fields.First(f => (r -= f.Share) < 0 || f == fields[^1]);
        string? priority = random.NextDouble() < 0.08 ? QueuePriorityGroups.All[random.Next(QueuePriorityGroups.All.Length)] : null;
        await As(null, "kiosk", sp => sp.GetRequiredService<IssueTicketHandler>().HandleAsync(desk.Id, new IssueTicketRequest(field.Name, priority, null), QueueTicketSources.Kiosk, CancellationToken.None));
        commands++;
        next++;
    }

    if (now >= lunchStart && now < lunchEnd)
    {
        continue; // the visit in hand is finished; nobody is called over lunch
    }

    foreach (var c in counters.Where(c => c.BusyUntil is null))
    {
        try
        {
            var state = await Command(c, CounterActions.CallNext);
            var field = fields.First(f => f.Name == state.Current!.Field);
            c.NoShow = random.NextDouble() < 0.03;
            c.BusyUntil = now + (c.NoShow ? 1 : Math.Max(0.5, -Math.Log(1 - random.NextDouble()) * field.ServiceMinutes));
        }
        catch (PlatformException e) when (e.Code == QueueErrorCodes.Empty)
        {
            // Nothing for this counter's fields now.
        }
    }
}

watch.Stop();

// Recorded by the system: SQL over the tickets (the KPI source and the per-desk statistics).
var recorded = await As(null, "bench", async sp =>
{
    var db = sp.GetRequiredService<QueueDbContext>();
    var kpi = (await sp.GetRequiredService<QueueStats>().WaitingTimeByUnitAsync(day, day, QueueKpiPeriod.Range)).Single();
    var avgSeconds = await db.QueueTickets.Where(t => t.ServiceDate == day && t.WaitSeconds != null).AverageAsync(t => (double)t.WaitSeconds!.Value);
    var avgService = await db.QueueTickets.Where(t => t.ServiceDate == day && t.ServiceSeconds != null).AverageAsync(t => (double)t.ServiceSeconds!.Value);
    var waits = await db.QueueTickets.Where(t => t.ServiceDate == day && t.WaitSeconds != null).Select(t => t.WaitSeconds!.Value).ToListAsync();
    var tickets = await db.QueueTickets.CountAsync(t => t.ServiceDate == day);
    var noShows = await db.QueueTickets.CountAsync(t => t.ServiceDate == day && t.Status == QueueTicketStatuses.NoShow);
    var priority = await db.QueueTickets.Where(t => t.ServiceDate == day && t.PriorityGroup != null && t.WaitSeconds != null).Select(t => t.WaitSeconds!.Value).ToListAsync();
    var normal = await db.QueueTickets.Where(t => t.ServiceDate == day && t.PriorityGroup == null && t.WaitSeconds != null).Select(t => t.WaitSeconds!.Value).ToListAsync();
    var events = await db.QueueEvents.OrderBy(e => e.Id).Select(e => new { e.TicketId, e.Kind, e.At }).ToListAsync();
    // A few hundred rows: read into memory (SQLite does not compare DateTimeOffset values in SQL).
    var called = await db.QueueTickets.Where(t => t.ServiceDate == day && t.WaitSeconds != null)
        .Select(t => new { t.DisplayNumber, t.Field, t.PriorityGroup, t.IssuedAt, t.CalledAt, t.WaitSeconds }).ToListAsync();
    var longest = called.MaxBy(t => t.WaitSeconds)!;
    var waitingAtLunch = called.Count(t => t.IssuedAt < At(lunchStart) && t.CalledAt >= At(lunchEnd));
    // Fairness check: a normal ticket never overtakes an earlier normal ticket of the same field.
    var overtakes = called.Where(t => t.PriorityGroup == null).SelectMany(a => called.Where(b => b.PriorityGroup == null && b.Field == a.Field
        && b.IssuedAt > a.IssuedAt && b.CalledAt < a.CalledAt)).Count();
    var sameFieldBefore = called.Count(t => t.Field == longest.Field && t.IssuedAt < longest.IssuedAt);
    return (kpi, avgSeconds, avgService, waits, tickets, noShows, priority, normal, events, longest, waitingAtLunch, overtakes, sameFieldBefore);
});

// Independent: from the event log alone (first CALLED minus ISSUED; ENDED minus first CALLED).
var log = recorded.events.GroupBy(e => e.TicketId).Select(g => new
{
    Issued = g.First(e => e.Kind == "ISSUED").At,
    Called = g.Where(e => e.Kind == "CALLED").Select(e => (DateTimeOffset?)e.At).FirstOrDefault(),
    Ended = g.Where(e => e.Kind == "ENDED").Select(e => (DateTimeOffset?)e.At).FirstOrDefault(),
}).ToList();
var logWaits = log.Where(v => v.Called is not null).Select(v => Math.Round((v.Called!.Value - v.Issued).TotalSeconds)).ToList();
var logService = log.Where(v => v.Ended is not null).Select(v => Math.Round((v.Ended!.Value - v.Called!.Value).TotalSeconds)).ToList();
static double P90(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
}

var logAverage = logWaits.Average();
var peak = arrivals.Count(m => m is >= 60 and < 120);
Console.WriteLine($"QueueDay (seed {seed}): {arrivals.Count} arrivals 07:00–17:00 ({peak} between 08:00 and 09:00), 4 counters, lunch 11:30–13:30");
Console.WriteLine($"  replayed through the handlers: {commands} issues + calls/ends in {watch.Elapsed.TotalSeconds:N1} s ({recorded.tickets} tickets, {recorded.noShows} no-shows)");
Console.WriteLine($"  recorded (SQL)     average wait {recorded.avgSeconds / 60:N2} min, p90 {P90(recorded.waits.Select(w => (double)w)) / 60:N2} min, max {recorded.waits.Max() / 60.0:N2} min, average service {recorded.avgService / 60:N2} min");
// The longest wait, and why: a morning ticket for a field few counters serve waits through the lunch break.
var l = recorded.longest;
Console.WriteLine($"  longest wait       ticket {l.DisplayNumber} ({l.Field}{(l.PriorityGroup is null ? "" : ", " + l.PriorityGroup)}) issued {VietnamTime.Of(l.IssuedAt):HH:mm}, called {VietnamTime.Of(l.IssuedAt).AddSeconds(l.WaitSeconds!.Value):HH:mm}; {recorded.waitingAtLunch} tickets issued before 11:30 were called after 13:30 (lunch counts as waiting)");
Console.WriteLine($"  fairness           {recorded.overtakes} normal tickets called before an earlier normal ticket of the same field; {recorded.sameFieldBefore} {l.Field} tickets were ahead of {l.DisplayNumber}");
Console.WriteLine($"  KPI source         average wait {recorded.kpi.AverageWaitMinutes:N2} min over {recorded.kpi.Visits} visits, {recorded.kpi.VisitsOverFifteenMinutes} over 15 min (target ≤ 15)");
Console.WriteLine($"  from the event log average wait {logAverage / 60:N2} min, p90 {P90(logWaits) / 60:N2} min, average service {logService.Average() / 60:N2} min");
Console.WriteLine($"  priority visits    average wait {recorded.priority.DefaultIfEmpty().Average() / 60:N2} min (n={recorded.priority.Count}); normal {recorded.normal.Average() / 60:N2} min, p90 {P90(recorded.normal.Select(w => (double)w)) / 60:N2} min");
var same = logWaits.Count == recorded.waits.Count
    && Math.Abs(logAverage - recorded.avgSeconds) < 1e-9
    && Math.Abs(logService.Average() - recorded.avgService) < 1e-9
    && Math.Abs(Math.Round(logAverage / 60, 2) - recorded.kpi.AverageWaitMinutes) < 1e-9
    && P90(logWaits) == P90(recorded.waits.Select(w => (double)w));
Console.WriteLine(same ? "  MATCH: recorded averages and p90 equal the event log's" : "  MISMATCH between recorded figures and the event log");
Directory.Delete(data, recursive: true);
return same ? 0 : 1;

async Task<CounterStateDto> Command(SimCounter c, string action)
{
    commands++;
    return await As(c.Officer, "officer " + c.Name, sp => sp.GetRequiredService<CounterCommandHandler>().HandleAsync(c.Id, new CounterCommand(action), CancellationToken.None));
}

internal sealed class SimCounter(Guid id, string name, Guid officer)
{
    public Guid Id { get; } = id;
    public string Name { get; } = name;
    public Guid Officer { get; } = officer;
    public double? BusyUntil { get; set; }
    public bool NoShow { get; set; }
}

internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
