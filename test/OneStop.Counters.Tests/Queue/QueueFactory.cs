using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests.Queue;

/// <summary>
/// A clock the test moves: waiting times are minutes long and the fairness rule is about a quarter of an hour, which
/// no test can sit through. Starts at 08:00 Vietnam time on the next weekday and only moves forward.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock()
    {
        var local = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(7).Date.AddDays(1), DateTimeKind.Unspecified);
        while (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            local = local.AddDays(1);
        }

        _now = new DateTimeOffset(local.AddHours(8), TimeSpan.FromHours(7)).ToUniversalTime();
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void AdvanceTo(DateTimeOffset at) => _now = at > _now ? at.ToUniversalTime() : _now;
}

public interface IQueueFactory
{
    ManualClock Clock { get; }
}

public sealed class QueueFactory : OneStopFactory, IQueueFactory
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteQueueFactory : SqliteOneStopFactory, IQueueFactory
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
