using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

public sealed record AgencyRenamedForTest(Guid AgencyId, string Name) : IntegrationEvent;

/// <summary>Counts deliveries and fails on demand, to prove at-least-once delivery with inbox de-duplication.</summary>
public sealed class AgencyRenamedRecorder(ICurrentScope scope) : IIntegrationEventHandler<AgencyRenamedForTest>
{
    public static readonly ConcurrentDictionary<Guid, int> Deliveries = new();
    public static readonly ConcurrentDictionary<Guid, string> ScopeSeen = new();
    public static int FailuresToInject;

    public Task HandleAsync(AgencyRenamedForTest @event, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref FailuresToInject) >= 0)
        {
            throw new InvalidOperationException("Lỗi giả lập khi xử lý sự kiện");
        }

        Deliveries.AddOrUpdate(@event.AgencyId, 1, (_, n) => n + 1);
        ScopeSeen[@event.AgencyId] = scope.Unit.Path;
        return Task.CompletedTask;
    }
}

public sealed class OutboxTests(OutboxTests.Fixture fx) : IClassFixture<OutboxTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddIntegrationEventHandler<AgencyRenamedForTest, AgencyRenamedRecorder, PlatformDbContext>());
        }
    }

    [Fact]
    public async Task Event_is_written_with_the_change_and_delivered_once_despite_failures_and_redelivery()
    {
        // Backoff is half a second: on a busy machine real time would make the retry due before the test says so.
        fx.Clock.Set(fx.Clock.GetUtcNow());
        var unit = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == "10660"));
        var deskId = await fx.InScopeAsync(new UnitScope(unit.Id, unit.Path, unit.Name), async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var desk = await db.Agencies.SingleAsync();
            desk.Rename("Bộ phận Một cửa mới");
            db.Publish(new AgencyRenamedForTest(desk.Id, desk.Name) { UnitPath = desk.UnitPath });
            await db.SaveChangesAsync();
            return desk.Id;
        });

        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        AgencyRenamedRecorder.FailuresToInject = 2;
        await relay.RelayOnceAsync();
        (await Outbox(deskId)).NextAttemptAt.ShouldNotBeNull(); // backs off
        await relay.RelayOnceAsync();
        (await Outbox(deskId)).Attempts.ShouldBe(1);
        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        await relay.RelayOnceAsync();
        AgencyRenamedRecorder.Deliveries.ContainsKey(deskId).ShouldBeFalse();
        (await Outbox(deskId)).Attempts.ShouldBe(2);

        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        await relay.RelayOnceAsync();
        AgencyRenamedRecorder.Deliveries[deskId].ShouldBe(1);
        AgencyRenamedRecorder.ScopeSeen[deskId].ShouldBe(unit.Path);
        (await Outbox(deskId)).DeliveredAt.ShouldNotBeNull();

        // A crash after the handler ran but before the outbox row was marked: the relay sends again, the inbox skips it.
        await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Set<OutboxMessage>()
            .Where(m => m.Payload.Contains(deskId.ToString())).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, (DateTimeOffset?)null).SetProperty(m => m.State, DeliveryStates.Pending)));
        await relay.RelayOnceAsync();
        AgencyRenamedRecorder.Deliveries[deskId].ShouldBe(1);
        (await Outbox(deskId)).DeliveredAt.ShouldNotBeNull();
        fx.Clock.Reset();
    }

    [Fact]
    public async Task A_round_of_events_reaches_the_handler_once_each_in_its_own_units_scope_and_a_failing_one_waits_alone()
    {
        // ADR 0057: the round goes to the consumer at once; the first event fails (rolled back alone, backs off), the
        // others commit with their inbox rows and are not handled again when the failed one is retried.
        fx.Clock.Set(fx.Clock.GetUtcNow());
        var published = new List<(Guid Desk, string Path)>();
        foreach (var code in new[] { "10507", "10525", "10532" })
        {
            var unit = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == code && u.ValidTo == null));
            published.Add(await fx.InScopeAsync(new UnitScope(unit.Id, unit.Path, unit.Name), async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                var desk = await db.Agencies.OrderBy(a => a.Code).FirstAsync();
                db.Publish(new AgencyRenamedForTest(desk.Id, desk.Name) { UnitPath = desk.UnitPath });
                await db.SaveChangesAsync();
                return (desk.Id, unit.Path);
            }));
        }

        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        AgencyRenamedRecorder.FailuresToInject = 1;
        try
        {
            await relay.RelayOnceAsync();
            AgencyRenamedRecorder.Deliveries.ContainsKey(published[0].Desk).ShouldBeFalse();
            (await Outbox(published[0].Desk)).NextAttemptAt.ShouldNotBeNull(); // backs off, alone
            foreach (var (desk, path) in published.Skip(1))
            {
                AgencyRenamedRecorder.Deliveries[desk].ShouldBe(1);
                AgencyRenamedRecorder.ScopeSeen[desk].ShouldBe(path);
                (await Outbox(desk)).State.ShouldBe(DeliveryStates.Delivered);
            }

            fx.Clock.Advance(TimeSpan.FromMinutes(1));
            await relay.RelayOnceAsync();
            foreach (var (desk, path) in published)
            {
                AgencyRenamedRecorder.Deliveries[desk].ShouldBe(1);
                AgencyRenamedRecorder.ScopeSeen[desk].ShouldBe(path);
                (await Outbox(desk)).State.ShouldBe(DeliveryStates.Delivered);
            }
        }
        finally
        {
            AgencyRenamedRecorder.FailuresToInject = 0;
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        var unit = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == "10663"));
        var before = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Set<OutboxMessage>().CountAsync());
        await Should.ThrowAsync<Exception>(fx.InScopeAsync(new UnitScope(unit.Id, unit.Path, unit.Name), async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var desk = await db.Agencies.SingleAsync();
            db.Publish(new AgencyRenamedForTest(desk.Id, "x") { UnitPath = desk.UnitPath });
            // A duplicate agency code violates a unique index: the whole save, outbox row included, rolls back.
            db.Agencies.Add(new Agency(desk.Code, "Trùng mã", AgencyKinds.Office, unit));
            await db.SaveChangesAsync();
            return 0;
        }));

        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Set<OutboxMessage>().CountAsync())).ShouldBe(before);
    }

    private Task<OutboxMessage> Outbox(Guid deskId) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.Payload.Contains(deskId.ToString())));
}
