using System.Globalization;
using OneStop.Platform.Calendar;
using OneStop.Platform.SeedData;

namespace OneStop.Platform.Tests.Calendar;

/// <summary>
/// The working-minute index gives the very moment the explained walk gives (<see cref="DueDateCalculator.Compute"/>),
/// and the same refusals, over many random inputs with a fixed seed: working days and hours, fractions, clock stops
/// (before reception, within a minute, overlapping, at and past the due date), extensions, other office hours, a
/// calendar with a missing year and dates past the covered years (ADR 0040).
/// </summary>
public sealed class WorkingMinuteIndexTests
{
    private static readonly CalendarEntry[] Entries = Csv.ReadResource(typeof(WorkingCalendar).Assembly, "vn-public-sector-days-off-2021-2026.csv")
        .Select(r => new CalendarEntry(DateOnly.Parse(r["date"], CultureInfo.InvariantCulture), r["kind"], r["name_vi"])).ToArray();

    private static readonly WorkingCalendar Shipped = new(Entries);

    // 2023 left out: the walk and the index must both refuse to count through it.
    private static readonly WorkingCalendar WithGap = new(Entries.Where(e => e.Date.Year != 2023));

    private static readonly OfficeHours Summer = new(new(7, 30), new(11, 30), new(13, 0), new(17, 0));

    public static TheoryData<int, string> Cases => new()
    {
        { 20240207, "shipped" }, { 7, "shipped" }, { 20251201, "summer" }, { 42, "gap" }, { 99, "gap" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_index_gives_the_walks_due_date_and_refusals(int seed, string kind)
    {
        var (calendar, hours) = kind switch
        {
            "summer" => (Shipped, Summer),
            "gap" => (WithGap, OfficeHours.Default),
            _ => (Shipped, OfficeHours.Default),
        };
        var index = calendar.IndexFor(hours);
        var random = new Random(seed);
        var outcomes = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var input = RandomInput(random);
            var expected = Outcome(() => DueDateCalculator.Compute(calendar, hours, input).DueAt);
            var actual = Outcome(() => index.DueAt(input));
            actual.ShouldBe(expected, Describe(input));
            outcomes.Add(expected);
        }

        // Not a vacuous comparison: mostly dates, and some of each refusal.
        outcomes.Count(o => char.IsDigit(o[0])).ShouldBeGreaterThan(15_000);
        outcomes.ShouldContain(o => o.StartsWith("refused", StringComparison.Ordinal));
        outcomes.ShouldContain(o => o.StartsWith("not covered", StringComparison.Ordinal));
        outcomes.Distinct().Count().ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void A_due_date_on_a_periods_end_stays_there_and_zero_time_starts_at_the_next_working_moment()
    {
        var index = Shipped.IndexFor(OfficeHours.Default);
        // Monday 2025-03-03 11:00 + 30 working minutes = 11:30 the same day, not 13:30.
        index.DueAt(new DueDateInput(new DateTime(2025, 3, 3, 11, 0, 0), new LegalTime(0.5m, LegalTimeUnits.WorkingHour)))
            .ShouldBe(new DateTime(2025, 3, 3, 11, 30, 0));
        // Received at lunch with no time at all: counting would start at 13:30.
        index.DueAt(new DueDateInput(new DateTime(2025, 3, 3, 12, 0, 0), new LegalTime(0, LegalTimeUnits.WorkingDay)))
            .ShouldBe(new DateTime(2025, 3, 3, 13, 30, 0));
        // Friday 16:00 + 1 working day = Monday 16:00.
        index.DueAt(new DueDateInput(new DateTime(2025, 3, 7, 16, 0, 0), new LegalTime(1, LegalTimeUnits.WorkingDay)))
            .ShouldBe(new DateTime(2025, 3, 10, 16, 0, 0));
    }

    [Fact]
    public void A_changed_calendar_is_a_new_index()
    {
        var received = new DateTime(2025, 3, 7, 16, 0, 0);
        var input = new DueDateInput(received, new LegalTime(1, LegalTimeUnits.WorkingDay));
        var withDayOff = new WorkingCalendar(Entries.Append(new CalendarEntry(new DateOnly(2025, 3, 10), DayOffKinds.Holiday, "Nghỉ thử")));

        Shipped.IndexFor(OfficeHours.Default).DueAt(input).ShouldBe(new DateTime(2025, 3, 10, 16, 0, 0));
        withDayOff.IndexFor(OfficeHours.Default).DueAt(input).ShouldBe(new DateTime(2025, 3, 11, 16, 0, 0));
        Shipped.IndexFor(OfficeHours.Default).ShouldBeSameAs(Shipped.IndexFor(OfficeHours.Default));
    }

    private static string Outcome(Func<DateTime> compute)
    {
        try
        {
            return compute().ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        }
        catch (CalendarNotCoveredException e)
        {
            return $"not covered: {e.Message}";
        }
        catch (ArgumentException e)
        {
            return $"refused: {e.Message}";
        }
    }

    private static DueDateInput RandomInput(Random random)
    {
        var received = new DateTime(2021, 1, 1).AddMinutes(random.Next((int)(new DateTime(2027, 1, 10) - new DateTime(2021, 1, 1)).TotalMinutes))
            .AddSeconds(random.Next(60));
        var legal = random.Next(10) switch
        {
            0 => new LegalTime(0, LegalTimeUnits.WorkingDay),
            1 => new LegalTime(random.Next(1, 20) / 4m, LegalTimeUnits.WorkingDay),
            2 => new LegalTime(random.Next(1, 200) / 3m, LegalTimeUnits.WorkingHour),
            < 6 => new LegalTime(random.Next(1, 31), LegalTimeUnits.WorkingDay),
            _ => new LegalTime(random.Next(1, 101), LegalTimeUnits.WorkingHour),
        };
        var stops = new List<ClockStop>();
        var stopCount = random.Next(5) switch { 0 or 1 => 0, 2 or 3 => 1, _ => random.Next(2, 5) };
        var at = received.AddMinutes(random.Next(-600, 600));
        for (var s = 0; s < stopCount; s++)
        {
            var from = at.AddMinutes(random.Next(-300, 30_000)).AddSeconds(random.Next(60));
            var to = random.Next(20) == 0 ? from.AddSeconds(random.Next(0, 50)) : from.AddMinutes(random.Next(-5, 20_000));
            stops.Add(new ClockStop(from, to));
            at = to;
        }

        var extensions = random.Next(4) == 0 ? new List<Extension> { new(new LegalTime(random.Next(1, 6), LegalTimeUnits.WorkingDay), "thử") } : null;
        return new DueDateInput(received, legal, stops.Count == 0 ? null : stops, extensions);
    }

    private static string Describe(DueDateInput input) =>
        $"{input.ReceivedAt:yyyy-MM-dd HH:mm:ss} + {input.LegalTime}"
        + string.Concat((input.Stops ?? []).Select(s => $", stop {s.From:yyyy-MM-dd HH:mm:ss}–{s.To:yyyy-MM-dd HH:mm:ss}"))
        + string.Concat((input.Extensions ?? []).Select(e => $", + {e.Time}"));
}
