using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;
using Xunit.Abstractions;

namespace OneStop.Integration.Tests;

/// <summary>
/// The whole delivery path of a dossier's transitions to the national portal — Counters' events through the kernel
/// relay into Integration's inbox, then the relay's external leg to the portal — keeps each dossier's order through
/// 30 % failures and a one-minute outage: nothing out of order, lost or applied twice.
/// </summary>
public sealed class DeliveryPathTests(DeliveryPathTests.Fixture fx, ITestOutputHelper output) : IClassFixture<DeliveryPathTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Resilience:RetryDelayMilliseconds", "10")
            .With("Integration:Resilience:MaxRetryAttempts", "2")
            .With("Integration:Resilience:BreakSeconds", "2")
            .With("Integration:Sandbox:portal:LatencyMilliseconds", "1");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Only the portal sync consumes the dossier events here: search, Digitization and Evaluation have their own tests.
            builder.ConfigureTestServices(s =>
            {
                foreach (var other in s.Where(d => d.ImplementationInstance is EventHandlerRegistration r && r.EventType == typeof(DossierChanged)
                                                   && r.HandlerType != typeof(Features.DossierSync.DossierChangedHandler)).ToList())
                {
                    s.Remove(other);
                }
            });
        }
    }

    private static readonly (string Transition, string Status)[] Steps =
        [(DossierTransitions.Received, DossierStatuses.Received), (DossierTransitions.Resolved, DossierStatuses.Resolved), (DossierTransitions.Returned, DossierStatuses.Returned)];

    [Fact]
    public async Task A_thousand_dossiers_reach_the_portal_in_order_through_failures_and_an_outage_from_their_events()
    {
        const int dossiers = 1000;
        // A set clock: the outage and every backoff pass in clock time, so the minute costs no wall-clock minute.
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var portal = fx.Services.GetRequiredService<PortalSimulator>();
            portal.Reset();
            var admin = await fx.SignInAsync("admin");
            await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.3, downForSeconds = 0 });
            var unit = (await fx.Services.GetRequiredService<OneStop.Platform.AdministrativeUnits.IAdministrativeUnitDirectory>().FindByCodeAsync("10507"))!;

            // Each dossier's three transitions as Counters publishes them: one event per change, in order, versioned.
            await fx.AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<IntegrationDbContext>();
                for (var i = 0; i < dossiers; i++)
                {
                    var id = SequentialGuid.NewGuid();
                    for (var v = 0; v < Steps.Length; v++)
                    {
                        db.Publish(new DossierChanged(Snapshot(id, $"MC10507-261207-{i:0000}", Steps[v].Status, unit, v + 1), Steps[v].Transition, null, null, "test") { UnitPath = unit.Path });
                    }
                }

                return await db.SaveChangesAsync();
            });

            var relay = fx.Services.GetRequiredService<OutboxRelay>();
            var delivery = fx.Services.GetRequiredService<OutgoingDelivery>();
            var watch = Stopwatch.StartNew();
            var outage = false;
            var relayed = 0;
            var delivered = 0;
            while (delivered < dossiers * Steps.Length && watch.Elapsed < TimeSpan.FromMinutes(6))
            {
                var r = await relay.RelayOnceAsync();
                var n = await delivery.DeliverDueAsync(CancellationToken.None);
                relayed += r;
                delivered += n;
                if (!outage && delivered >= 600)
                {
                    outage = true;
                    await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.3, downForSeconds = 60 });
                    output.WriteLine($"outage from {watch.Elapsed} with {relayed} relayed, {delivered} delivered");
                }

                // Time passes as it would: a second a busy round, more when everything waits out a backoff.
                fx.Clock.Advance(TimeSpan.FromSeconds(r + n == 0 ? 5 : 1));
            }

            output.WriteLine($"relayed {relayed}, delivered {delivered} in {watch.Elapsed}; the portal saw {portal.Requests} requests");
            outage.ShouldBeTrue();
            relayed.ShouldBe(dossiers * Steps.Length);
            delivered.ShouldBe(dossiers * Steps.Length);
            var applied = portal.Applied.ToList();
            applied.Select(a => a.Key).Distinct().Count().ShouldBe(applied.Count, "a status applied twice");
            applied.Count.ShouldBe(dossiers * Steps.Length, "a status lost");
            portal.Requests.ShouldBeGreaterThan(applied.Count); // failures were retried, lost answers sent again under the same key
            var outOfOrder = applied.GroupBy(a => a.Dossier).Count(d => !d.Select(a => a.Status).SequenceEqual(Steps.Select(s => s.Status)));
            outOfOrder.ShouldBe(0);
            (await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OutgoingMessages.CountAsync(m => m.State != DeliveryStates.Delivered))).ShouldBe(0);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    private static DossierSnapshot Snapshot(Guid id, string code, string status, OneStop.Platform.AdministrativeUnitInfo unit, long version)
    {
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));
        return new DossierSnapshot(id, code, "1.001193", "Đăng ký khai sinh", "Hộ tịch", DossierChannels.Direct, status, ApplicantKinds.Citizen,
            "030090001234", "Nguyễn Văn An", null, unit.Id, unit.Path, unit.Id, unit.Path, unit.Id, at, at, at.AddDays(3),
            status == DossierStatuses.Received ? null : at.AddHours(2), status == DossierStatuses.Returned ? at.AddHours(3) : null,
            status == DossierStatuses.Returned ? ReturnMethods.Desk : null, false, [], null, version);
    }
}
