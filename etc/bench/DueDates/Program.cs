using System.Diagnostics;
using System.Globalization;
using OneStop.Platform.Calendar;
using OneStop.Platform.SeedData;

// Due-date computations per second on the shipped 2021–2026 calendar with the default office hours.
// Usage: dotnet run -c Release --project etc/bench/DueDates [iterations]
//        eval "$(etc/scripts/postgres.sh start)"; dotnet run -c Release --project etc/bench/DueDates -- recompute [open dossiers, 100000]
if (args.Length > 0 && args[0] == "recompute")
{
    await RecomputeBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    return;
}

var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var calendar = new WorkingCalendar(
    Csv.ReadResource(typeof(WorkingCalendar).Assembly, "vn-public-sector-days-off-2021-2026.csv")
        .Select(r => new CalendarEntry(DateOnly.Parse(r["date"], CultureInfo.InvariantCulture), r["kind"], r["name_vi"])));
var hours = OfficeHours.Default;
var daysOff = Csv.ReadResource(typeof(WorkingCalendar).Assembly, "vn-public-sector-days-off-2021-2026.csv")
    .Where(r => r["kind"] != "makeup_workday").Select(r => DateOnly.Parse(r["date"], CultureInfo.InvariantCulture)).ToHashSet();
Console.WriteLine($"load average before: {LoadAverage()}");

// Baseline in the same run: the bare arithmetic any due date needs — step day by day over weekends and the shipped
// days off from the reception date, no office hours, no explanation — over the same random intakes.
Baseline("baseline: naive day stepping (1–30 days)", random => (Intake(random), random.Next(1, 31)));

// The working-minute index (ADR 0040): the due date alone, no explanation. Built once per calendar and office hours.
var buildWatch = Stopwatch.StartNew();
var index = calendar.IndexFor(hours);
buildWatch.Stop();
Console.WriteLine($"working-minute index of 2021–2026 built in {buildWatch.Elapsed.TotalMilliseconds:N2} ms");
RunIndex("index: working days (1–30), no stop", random => new DueDateInput(Intake(random), new LegalTime(random.Next(1, 31), LegalTimeUnits.WorkingDay)));
RunIndex("index: working hours (1–100), no stop", random => new DueDateInput(Intake(random), new LegalTime(random.Next(1, 101), LegalTimeUnits.WorkingHour)));
RunIndex("index: working days (1–30), one stop + one ext.", StopAndExtension);

Run("working days (1–30), no stop", random => new DueDateInput(Intake(random), new LegalTime(random.Next(1, 31), LegalTimeUnits.WorkingDay)));
Run("working hours (1–100), no stop", random => new DueDateInput(Intake(random), new LegalTime(random.Next(1, 101), LegalTimeUnits.WorkingHour)));
Run("working days (1–30), one stop + one extension", StopAndExtension);

Console.WriteLine($"load average after: {LoadAverage()}");

static DueDateInput StopAndExtension(Random random)
{
    var received = Intake(random);
    var stop = received.AddHours(random.Next(1, 200));
    return new DueDateInput(received, new LegalTime(random.Next(1, 31), LegalTimeUnits.WorkingDay),
        [new ClockStop(stop, stop.AddHours(random.Next(1, 200)))],
        [new Extension(new LegalTime(2, LegalTimeUnits.WorkingDay), "bench")]);
}

void RunIndex(string name, Func<Random, DueDateInput> make)
{
    var random = new Random(42);
    var inputs = Enumerable.Range(0, iterations).Select(_ => make(random)).ToArray();
    var sink = 0L;
    for (var i = 0; i < Math.Min(10_000, inputs.Length); i++)
    {
        sink += index.DueAt(inputs[i]).Ticks / TimeSpan.TicksPerMinute; // warm-up (JIT, tiering)
    }

    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    foreach (var input in inputs)
    {
        sink += index.DueAt(input).Ticks / TimeSpan.TicksPerMinute;
    }

    watch.Stop();
    var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)inputs.Length;
    Console.WriteLine($"{name,-48} {inputs.Length,9:N0} computations in {watch.Elapsed.TotalMilliseconds,8:N0} ms = {inputs.Length / watch.Elapsed.TotalSeconds,12:N0}/s, {bytes,8:N0} B allocated each (due date alone; checksum {sink % 1000})");
}

void Baseline(string name, Func<Random, (DateTime Received, int Days)> make)
{
    var random = new Random(42);
    var inputs = Enumerable.Range(0, iterations).Select(_ => make(random)).ToArray();
    var sink = 0L;
    for (var i = 0; i < Math.Min(10_000, inputs.Length); i++)
    {
        sink += Step(inputs[i].Received, inputs[i].Days).DayNumber; // warm-up
    }

    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    foreach (var (received, days) in inputs)
    {
        sink += Step(received, days).DayNumber;
    }

    watch.Stop();
    var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)inputs.Length;
    Console.WriteLine($"{name,-48} {inputs.Length,9:N0} computations in {watch.Elapsed.TotalMilliseconds,8:N0} ms = {inputs.Length / watch.Elapsed.TotalSeconds,12:N0}/s, {bytes,8:N0} B allocated each (checksum {sink % 1000})");
}

DateOnly Step(DateTime received, int days)
{
    var day = DateOnly.FromDateTime(received);
    while (days > 0)
    {
        day = day.AddDays(1);
        if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !daysOff.Contains(day))
        {
            days--;
        }
    }

    return day;
}

void Run(string name, Func<Random, DueDateInput> make)
{
    var random = new Random(42);
    var inputs = Enumerable.Range(0, iterations).Select(_ => make(random)).ToArray();
    for (var i = 0; i < Math.Min(10_000, inputs.Length); i++)
    {
        DueDateCalculator.Compute(calendar, hours, inputs[i]); // warm-up (JIT, tiering)
    }

    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    foreach (var input in inputs)
    {
        DueDateCalculator.Compute(calendar, hours, input);
    }

    watch.Stop();
    var perSecond = inputs.Length / watch.Elapsed.TotalSeconds;
    var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)inputs.Length;
    Console.WriteLine($"{name,-48} {inputs.Length,9:N0} computations in {watch.Elapsed.TotalMilliseconds,8:N0} ms = {perSecond,12:N0}/s, {bytes,8:N0} B allocated each (with explanation)");
}

// Any minute 2021-01-01 … 2026-09-30, so the longest computation still ends inside the covered years.
static DateTime Intake(Random random) => new DateTime(2021, 1, 1).AddMinutes(random.Next((int)(new DateTime(2026, 9, 30) - new DateTime(2021, 1, 1)).TotalMinutes));

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
