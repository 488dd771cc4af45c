using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

public sealed record RoundProbe(string Key, int Seq) : IntegrationEvent
{
    public override string? OrderingKey => Key;
}

/// <summary>Two consumers of <see cref="RoundProbe"/>: what each saw, in order, and whether the other ran meanwhile.</summary>
public static class RoundProbeLog
{
    public static readonly ConcurrentQueue<(string Consumer, string Key, int Seq)> Seen = new();
    public static TaskCompletionSource FirstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public static TaskCompletionSource SecondStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public static bool WaitForEachOther;
    public static bool FirstSawSecond;
    public static bool SecondSawFirst;

    /// <summary>
    /// On a consumer's first event (when asked to wait): says it started and waits for the other to start. One after the
    /// other, the other could not start before this one's round ends: the wait runs out (false). Null when not waiting.
    /// </summary>
    public static async Task<bool?> MeetAsync(TaskCompletionSource mine, TaskCompletionSource other, CancellationToken ct)
    {
        if (!WaitForEachOther || !mine.TrySetResult())
        {
            return null;
        }

        return await other.Task.WaitAsync(TimeSpan.FromSeconds(15), ct).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
    }

    public static void Reset(bool waitForEachOther)
    {
        Seen.Clear();
        FirstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        SecondStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        WaitForEachOther = waitForEachOther;
        FirstSawSecond = SecondSawFirst = false;
    }
}

public sealed class FirstRoundProbeConsumer : IIntegrationEventHandler<RoundProbe>
{
    public async Task HandleAsync(RoundProbe @event, CancellationToken cancellationToken)
    {
        if (await RoundProbeLog.MeetAsync(RoundProbeLog.FirstStarted, RoundProbeLog.SecondStarted, cancellationToken) is { } met)
        {
            RoundProbeLog.FirstSawSecond = met;
        }

        RoundProbeLog.Seen.Enqueue(("first", @event.Key, @event.Seq));
    }
}

public sealed class SecondRoundProbeConsumer : IIntegrationEventHandler<RoundProbe>
{
    public async Task HandleAsync(RoundProbe @event, CancellationToken cancellationToken)
    {
        if (await RoundProbeLog.MeetAsync(RoundProbeLog.SecondStarted, RoundProbeLog.FirstStarted, cancellationToken) is { } met)
        {
            RoundProbeLog.SecondSawFirst = met;
        }

        RoundProbeLog.Seen.Enqueue(("second", @event.Key, @event.Seq));
    }
}

/// <summary>The relay's rounds (ADR 0060): consumers of a round at once, each in order per key; at most 64 events a round.</summary>
public sealed class OutboxRoundTests(OutboxRoundTests.Fixture fx) : IClassFixture<OutboxRoundTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        // Asked for more than a round may hold: the relay cuts it to 64.
        public Fixture() => With("Outbox:BatchSize", "500");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.AddIntegrationEventHandler<RoundProbe, FirstRoundProbeConsumer, PlatformDbContext>();
                s.AddIntegrationEventHandler<RoundProbe, SecondRoundProbeConsumer, PlatformDbContext>();
            });
        }
    }

    [Fact]
    public async Task The_consumers_of_a_round_run_at_once_and_each_sees_every_key_in_order()
    {
        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        await DrainAsync(relay);
        RoundProbeLog.Reset(waitForEachOther: true);
        await PublishAsync(Enumerable.Range(0, 12).Select(i => new RoundProbe("k" + i % 3, i / 3)));

        (await relay.RelayOnceAsync()).ShouldBe(12);

        RoundProbeLog.FirstSawSecond.ShouldBeTrue();
        RoundProbeLog.SecondSawFirst.ShouldBeTrue();
        foreach (var consumer in new[] { "first", "second" })
        {
            foreach (var key in new[] { "k0", "k1", "k2" })
            {
                RoundProbeLog.Seen.Where(s => s.Consumer == consumer && s.Key == key).Select(s => s.Seq).ShouldBe([0, 1, 2, 3]);
            }
        }
    }

    [Fact]
    public async Task A_round_takes_at_most_64_events_whatever_the_batch_size_says()
    {
        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        await DrainAsync(relay);
        RoundProbeLog.Reset(waitForEachOther: false);
        await PublishAsync(Enumerable.Range(0, 70).Select(i => new RoundProbe("cap" + i, 0)));

        (await relay.RelayOnceAsync()).ShouldBe(OutboxRelay.MaxRound);
        (await relay.RelayOnceAsync()).ShouldBe(70 - OutboxRelay.MaxRound);
        RoundProbeLog.Seen.Count.ShouldBe(2 * 70);
    }

    private Task PublishAsync(IEnumerable<RoundProbe> events) =>
        fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            foreach (var @event in events)
            {
                db.Publish(@event);
            }

            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Whatever the seed published goes first, so that a round holds only this test's events.</summary>
    private static async Task DrainAsync(OutboxRelay relay)
    {
        for (var i = 0; i < 100 && await relay.RelayOnceAsync() > 0; i++)
        {
        }
    }
}
