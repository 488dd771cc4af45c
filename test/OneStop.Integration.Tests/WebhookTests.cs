using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.Webhooks;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>Webhooks for third parties: signed with HMAC, retried with backoff, switched off after repeated failures.</summary>
public sealed class WebhookTests(WebhookTests.Fixture fx) : IClassFixture<WebhookTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Delivery:MaxBackoffSeconds", "0.3")
            .With("Integration:Webhooks:DisableAfterFailures", "5");
    }

    [Fact]
    public async Task A_subscriber_failing_three_times_then_succeeding_receives_the_event_once_with_a_valid_signature()
    {
        var (id, secret) = await SubscribeAsync("t1");
        await Receiver("t1", failFirst: 3, secret);
        await PublishAsync("/30/288/10507/", "MC10507-261124-0001");

        await DeliverUntilAsync(() => Stats("t1").Accepted.Count == 1);
        await DeliverUntilAsync(() => false, rounds: 5); // nothing more arrives

        var (calls, accepted) = Stats("t1");
        calls.ShouldBe(4);
        var delivery = accepted.ShouldHaveSingleItem();
        delivery.SignatureValid.ShouldBeTrue();
        delivery.Event.ShouldBe(WebhookEventTypes.DossierStatusChanged);
        delivery.Body.ShouldContain("MC10507-261124-0001");
        (await Subscription(id)).ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public async Task Repeated_failures_switch_the_subscription_off_with_the_reason_in_the_audit_chain()
    {
        var (id, secret) = await SubscribeAsync("t2");
        await Receiver("t2", failFirst: 1000, secret);
        await PublishAsync("/30/288/10510/", "MC10510-261124-0007");

        await DeliverUntilAsync(async () => !(await Subscription(id)).IsActive);

        var subscription = await Subscription(id);
        subscription.IsActive.ShouldBeFalse();
        subscription.DisabledReason!.ShouldContain("5 lần");
        Stats("t2").Calls.ShouldBe(5);
        // Who switched it off and why stays on record (the subscriptions page shows the reason to its owner).
        await fx.SealAuditAsync<IntegrationDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var switchedOff = await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().AuditRecords
            .Where(a => a.EntityId == id.ToString() && a.After != null && a.After.Contains("\"IsActive\":false") && a.After.Contains("DisabledReason")).CountAsync());
        switchedOff.ShouldBe(1);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OutgoingMessages
            .Where(m => m.Destination == Webhooks.DestinationPrefix + id).Select(m => m.State).SingleAsync())).ShouldBe(DeliveryStates.Dead);
    }

    [Fact]
    public async Task Events_of_other_units_do_not_reach_a_communes_subscription_and_desk_staff_cannot_subscribe()
    {
        var (id, secret) = await SubscribeAsync("t3", unitPath: "/30/288/10507/");
        await Receiver("t3", failFirst: 0, secret);
        await PublishAsync("/30/288/10510/", "MC10510-261124-0009");
        await DeliverUntilAsync(() => false, rounds: 3);
        Stats("t3").Calls.ShouldBe(0);

        var desk = await fx.SignInAsync("motcua.camthuong");
        (await desk.GetAsync("/api/v1/integration/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        _ = id;
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(string receiver, string? unitPath = null)
    {
        var admin = await fx.SignInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/integration/webhooks",
            new { name = "Hệ thống thử " + receiver, url = $"http://localhost/sandbox/webhook-receiver/{receiver}", events = new[] { WebhookEventTypes.DossierStatusChanged } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("subscription").GetProperty("id").GetGuid();
        if (unitPath is not null)
        {
            // As if a commune's client had subscribed for its own unit.
            await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().WebhookSubscriptions.Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitPath, unitPath)));
        }

        return (id, body.GetProperty("secret").GetString()!);
    }

    private async Task Receiver(string name, int failFirst, string secret)
    {
        var client = fx.CreateClient();
        (await client.PutAsJsonAsync($"/sandbox/webhook-receiver/{name}", new { failFirst, secret })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private Task PublishAsync(string unitPath, string dossier) => fx.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<IntegrationDbContext>();
        await Webhooks.PublishAsync(db, WebhookEventTypes.DossierStatusChanged, unitPath, dossier, new { dossierCode = dossier, status = "resolved" }, DateTimeOffset.UtcNow, CancellationToken.None);
        return await db.SaveChangesAsync();
    });

    private (int Calls, IReadOnlyCollection<WebhookReceiverSimulator.Delivery> Accepted) Stats(string name) =>
        fx.Services.GetRequiredService<WebhookReceiverSimulator>().Stats(name);

    private Task<WebhookSubscription> Subscription(Guid id) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task DeliverUntilAsync(Func<bool> done, int rounds = 200) => DeliverUntilAsync(() => Task.FromResult(done()), rounds);

    private async Task DeliverUntilAsync(Func<Task<bool>> done, int rounds = 200)
    {
        var delivery = fx.Services.GetRequiredService<OutgoingDelivery>();
        for (var i = 0; i < rounds && !await done(); i++)
        {
            await delivery.DeliverDueAsync(CancellationToken.None);
            await Task.Delay(150);
        }
    }
}
