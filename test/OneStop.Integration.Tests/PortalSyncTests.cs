using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Delivery;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;
using Xunit.Abstractions;

namespace OneStop.Integration.Tests;

/// <summary>Reliable exchange with the National Public Service Portal: at least once + idempotency key = exactly once, in order.</summary>
public sealed class PortalSyncTests(PortalSyncTests.Fixture fx, ITestOutputHelper output) : IClassFixture<PortalSyncTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Delivery:MaxBackoffSeconds", "3")
            .With("Integration:Resilience:RetryDelayMilliseconds", "10")
            .With("Integration:Resilience:MaxRetryAttempts", "2")
            .With("Integration:Resilience:BreakSeconds", "2")
            .With("Integration:Sandbox:portal:LatencyMilliseconds", "1");
    }

    [Fact]
    public async Task A_thousand_status_changes_arrive_exactly_once_and_in_order_through_30_percent_failures_and_a_one_minute_outage()
    {
        var portal = fx.Services.GetRequiredService<PortalSimulator>();
        portal.Reset();
        var admin = await fx.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.3, downForSeconds = 0 });

        // 250 dossiers × 4 statuses, as Counters will publish them.
        string[] statuses = ["received", "processing", "resolved", "returned"];
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<IntegrationDbContext>();
            var now = DateTimeOffset.UtcNow;
            for (var d = 0; d < 250; d++)
            {
                var dossier = $"MC10507-261124-{d:0000}";
                foreach (var status in statuses)
                {
                    OutgoingQueue.Enqueue(db, "portal", "dossier-statuses", $"{dossier}:{status}", dossier, new { dossierCode = dossier, status }, now);
                }
            }

            return await db.SaveChangesAsync();
        });

        var delivery = fx.Services.GetRequiredService<OutgoingDelivery>();
        var watch = Stopwatch.StartNew();
        var outageStarted = false;
        var delivered = 0;
        while (delivered < 1000 && watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            var n = await delivery.DeliverDueAsync(CancellationToken.None);
            delivered += n;
            if (!outageStarted && delivered >= 300)
            {
                outageStarted = true;
                await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.3, downForSeconds = 60 });
                output.WriteLine($"outage from {watch.Elapsed} with {delivered} delivered");
            }

            if (n == 0)
            {
                await Task.Delay(200);
            }
        }

        output.WriteLine($"delivered {delivered} in {watch.Elapsed}, portal saw {portal.Requests} requests");
        outageStarted.ShouldBeTrue();
        delivered.ShouldBe(1000);
        var applied = portal.Applied.ToList();
        applied.Count.ShouldBe(1000);
        applied.Select(a => a.Key).Distinct().Count().ShouldBe(1000);
        portal.Requests.ShouldBeGreaterThan(1000); // failures were retried, lost answers re-sent under the same key
        foreach (var dossier in applied.GroupBy(a => a.Dossier))
        {
            dossier.Select(a => a.Status).ShouldBe(statuses, $"{dossier.Key} statuses out of order");
        }

        var states = await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OutgoingMessages
            .GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        states.ShouldHaveSingleItem().Key.ShouldBe(DeliveryStates.Delivered);
    }

    [Fact]
    public async Task A_dead_letter_is_listed_and_an_admin_can_send_it_again()
    {
        var messageId = await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<IntegrationDbContext>();
            var m = OutgoingQueue.Enqueue(db, "portal", "dossier-statuses", "dead-1", "MC10510-261124-0001", new { dossierCode = "MC10510-261124-0001", status = "received" }, DateTimeOffset.UtcNow);
            m.State = DeliveryStates.Dead;
            m.Attempts = 30;
            m.LastError = "HTTP 503 Service Unavailable";
            await db.SaveChangesAsync();
            return m.Id;
        });

        var admin = await fx.SignInAsync("admin");
        var dead = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/outgoing?state=dead");
        dead.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == messageId);
        (await admin.GetStringAsync("/Delivery")).ShouldContain("dead-1"); // the relay's one dead-letter page lists every queue

        (await admin.PostAsync($"/api/v1/integration/outgoing/{messageId}/retry", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        await fx.Services.GetRequiredService<OutgoingDelivery>().DeliverDueAsync(CancellationToken.None);
        var state = await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OutgoingMessages.Where(m => m.Id == messageId).Select(m => m.State).SingleAsync());
        state.ShouldBe(DeliveryStates.Delivered);

        var desk = await fx.SignInAsync("motcua.camthuong");
        (await desk.PostAsync($"/api/v1/integration/outgoing/{messageId}/retry", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}
