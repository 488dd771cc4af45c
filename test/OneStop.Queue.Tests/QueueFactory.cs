using OneStop.Platform.TestKit;

namespace OneStop.Queue.Tests;

/// <summary>
/// The host with its clock frozen at 08:00 Vietnam time on the next weekday: waiting times are minutes long and the
/// fairness rule is about a quarter of an hour, which no test can sit through; tests move the clock forward only.
/// </summary>
internal static class QueueClock
{
    public static void StartOfNextWeekday(TestClock clock)
    {
        var day = DateTime.UtcNow.AddHours(7).Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        clock.SetVietnamTime(day.Year, day.Month, day.Day, 8);
    }

    public static void AdvanceTo(this TestClock clock, DateTimeOffset at)
    {
        if (at > clock.GetUtcNow())
        {
            clock.Set(at.ToUniversalTime());
        }
    }
}

public sealed class QueueFactory : OneStopFactory
{
    public override async Task InitializeAsync()
    {
        QueueClock.StartOfNextWeekday(Clock);
        await base.InitializeAsync();
    }
}

public sealed class SqliteQueueFactory : SqliteOneStopFactory
{
    public override async Task InitializeAsync()
    {
        QueueClock.StartOfNextWeekday(Clock);
        await base.InitializeAsync();
    }
}
