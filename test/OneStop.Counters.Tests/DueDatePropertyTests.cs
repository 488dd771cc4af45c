using OneStop.Platform.Calendar;

namespace OneStop.Counters.Tests;

/// <summary>
/// Properties over many random intakes (fixed seed, so a failure reproduces): a due date is always a working day
/// inside office hours, never before reception, and never earlier for a longer legal time.
/// </summary>
public sealed class DueDatePropertyTests
{
    private static readonly WorkingCalendar Calendar = TestCalendar.Shipped;
    private static readonly OfficeHours Hours = OfficeHours.Default;

    public static TheoryData<int> Seeds => new() { 20240207, 20250124, 7 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Due_dates_fall_on_working_days_inside_office_hours(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var received = RandomIntake(random);
            var legal = random.Next(2) == 0
                ? new LegalTime(random.Next(1, 31), LegalTimeUnits.WorkingDay)
                : new LegalTime(random.Next(1, 100), LegalTimeUnits.WorkingHour);
            var due = DueDateCalculator.Compute(Calendar, Hours, new DueDateInput(received, legal)).DueAt;

            var day = DateOnly.FromDateTime(due);
            var time = TimeOnly.FromDateTime(due);
            Calendar.IsWorkingDay(day).ShouldBeTrue($"{received:yyyy-MM-dd HH:mm} + {legal} → {due:yyyy-MM-dd HH:mm} is not a working day");
            var inside = (time > Hours.MorningStart && time <= Hours.MorningEnd) || (time > Hours.AfternoonStart && time <= Hours.AfternoonEnd);
            inside.ShouldBeTrue($"{received:yyyy-MM-dd HH:mm} + {legal} → {due:HH:mm} is outside office hours");
            due.ShouldBeGreaterThan(received);
            due.ShouldNotBe(default);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_longer_legal_time_never_gives_an_earlier_due_date(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var received = RandomIntake(random);
            var unit = random.Next(2) == 0 ? LegalTimeUnits.WorkingDay : LegalTimeUnits.WorkingHour;
            var previous = DateTime.MinValue;
            for (var value = 1; value <= 20; value++)
            {
                var due = DueDateCalculator.Compute(Calendar, Hours, new DueDateInput(received, new LegalTime(value, unit))).DueAt;
                due.ShouldBeGreaterThanOrEqualTo(previous, $"{received:yyyy-MM-dd HH:mm}: {value} {unit}");
                previous = due;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Stopping_the_clock_never_brings_the_due_date_forward(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var received = RandomIntake(random);
            var legal = new LegalTime(random.Next(1, 15), LegalTimeUnits.WorkingDay);
            var stopFrom = received.AddMinutes(random.Next(0, 60 * 24 * 10));
            var stopTo = stopFrom.AddMinutes(random.Next(1, 60 * 24 * 10));
            var plain = DueDateCalculator.Compute(Calendar, Hours, new DueDateInput(received, legal)).DueAt;
            var stopped = DueDateCalculator.Compute(Calendar, Hours, new DueDateInput(received, legal, [new ClockStop(stopFrom, stopTo)])).DueAt;
            stopped.ShouldBeGreaterThanOrEqualTo(plain);
        }
    }

    // Any minute from 2021-01-01 to 2026-09-30, so 30 working days still end inside the covered years.
    private static DateTime RandomIntake(Random random)
    {
        var start = new DateTime(2021, 1, 1);
        var minutes = (int)(new DateTime(2026, 9, 30) - start).TotalMinutes;
        return start.AddMinutes(random.Next(minutes));
    }
}
