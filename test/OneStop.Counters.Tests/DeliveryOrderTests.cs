using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>Records each dossier transition it handles, and fails once on the first "resolved" of a dossier it is told to.</summary>
public sealed class TransitionRecorder : IIntegrationEventHandler<DossierChanged>
{
    public static readonly ConcurrentQueue<(Guid Dossier, string Transition)> Seen = new();
    public static readonly ConcurrentDictionary<Guid, bool> FailOnceOnResolved = new();

    public Task HandleAsync(DossierChanged @event, CancellationToken cancellationToken)
    {
        if (@event.Transition == DossierTransitions.Resolved && FailOnceOnResolved.TryRemove(@event.Dossier.Id, out _))
        {
            throw new InvalidOperationException("Lỗi giả lập ở bước thứ hai");
        }

        Seen.Enqueue((@event.Dossier.Id, @event.Transition));
        return Task.CompletedTask;
    }
}

/// <summary>
/// One delivery path (ADR 0017): a dossier's events reach every consumer in order even when one fails once on the
/// second, without holding back other dossiers; and a projection never goes back to an older snapshot — search,
/// Digitization and Evaluation all stay at the newest state when an older event arrives after a newer one.
/// </summary>
public sealed class DeliveryOrderTests(DeliveryOrderTests.Fixture fx) : IClassFixture<DeliveryOrderTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Digitization:Archive:OnReturn", "false");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddIntegrationEventHandler<DossierChanged, TransitionRecorder, CountersDbContext>());
        }
    }

    private static readonly (string Transition, string Status)[] Steps =
        [(DossierTransitions.Received, DossierStatuses.Received), (DossierTransitions.Resolved, DossierStatuses.Resolved), (DossierTransitions.Returned, DossierStatuses.Returned)];

    [Fact]
    public async Task A_consumer_failing_once_on_the_second_transition_still_sees_one_two_three_and_other_dossiers_go_on()
    {
        var unit = await UnitAsync("10507");
        var first = DossierSearchTests.Dossier(unit, "MC10507-261207-0001", applicant: "Trịnh Văn Tâm", identity: "030090005551");
        var other = DossierSearchTests.Dossier(unit, "MC10507-261207-0002", applicant: "Trịnh Thị Tâm", identity: "030090005552");
        TransitionRecorder.FailOnceOnResolved[first.Id] = true;
        await PublishAsync(Versions(first).Append(Versions(other)[0]).ToArray());

        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        await relay.RelayOnceAsync();
        Seen(first.Id).ShouldBe([DossierTransitions.Received]); // the second failed and holds back the third
        Seen(other.Id).ShouldBe([DossierTransitions.Received]); // another dossier is not held back
        await relay.RelayOnceAsync();
        Seen(first.Id).ShouldBe([DossierTransitions.Received]); // still waiting out its backoff

        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        try
        {
            await relay.RelayOnceAsync();
        }
        finally
        {
            fx.Clock.Reset();
        }

        Seen(first.Id).ShouldBe(Steps.Select(s => s.Transition));
        // Every other consumer (search, Digitization, Evaluation) got them in the same order and holds the last state.
        (await StatesAsync(first)).ShouldBe((DossierStatuses.Returned, DossierStatuses.Returned, DossierStatuses.Returned));
    }

    [Fact]
    public async Task An_older_snapshot_delivered_after_a_newer_one_leaves_every_projection_at_the_newer_state()
    {
        var unit = await UnitAsync("10507");
        var dossier = DossierSearchTests.Dossier(unit, "MC10507-261207-0003", applicant: "Đinh Văn Lộc", identity: "030090005553");
        var versions = Versions(dossier);
        await PublishAsync(versions[0], versions[2]); // received, then returned
        await fx.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync();
        await PublishAsync(versions[1]); // "resolved" arrives last (a retried dead letter, a replay)
        await fx.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync();

        Seen(dossier.Id).ShouldBe([DossierTransitions.Received, DossierTransitions.Returned, DossierTransitions.Resolved]);
        (await StatesAsync(dossier)).ShouldBe((DossierStatuses.Returned, DossierStatuses.Returned, DossierStatuses.Returned));
    }

    /// <summary>The dossier's three changes as Counters publishes them: one version each.</summary>
    private static DossierChanged[] Versions(DossierSnapshot d) =>
        Steps.Select((s, i) => new DossierChanged(
            d with { Status = s.Status, Version = i + 1, ResolvedAt = i >= 1 ? d.ReceivedAt!.Value.AddHours(2) : null, ReturnedAt = i == 2 ? d.ReceivedAt!.Value.AddHours(3) : null },
            s.Transition, null, null, "test") { UnitPath = d.ReceivingUnitPath }).ToArray();

    private Task PublishAsync(params DossierChanged[] events) => fx.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CountersDbContext>();
        foreach (var e in events)
        {
            db.Publish(e);
        }

        return await db.SaveChangesAsync();
    });

    private Task<(Guid Id, string Path)> UnitAsync(string code) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == code)
            .Select(u => new ValueTuple<Guid, string>(u.Id, u.Path)).SingleAsync());

    private static List<string> Seen(Guid dossier) => TransitionRecorder.Seen.Where(s => s.Dossier == dossier).Select(s => s.Transition).ToList();

    /// <summary>The status each projection holds: the search index (through the API), Digitization's and Evaluation's copies.</summary>
    private async Task<(string Search, string Digitization, string Evaluation)> StatesAsync(DossierSnapshot d)
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var page = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers/search?q=" + d.ApplicantIdentity);
        var search = page.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString()!;
        var digitization = (await fx.Database.RowsAsync("""SELECT "Status" FROM digitization."Dossiers" WHERE "Id" = @id""", r => r.GetString(0), ("id", d.Id))).Single();
        var evaluation = (await fx.Database.RowsAsync("""SELECT "Status" FROM evaluation."Dossiers" WHERE "Id" = @id""", r => r.GetString(0), ("id", d.Id))).Single();
        return (search, digitization, evaluation);
    }
}
