using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Simulators;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>A real dossier's transitions reach the national portal (simulator) through outbox → inbox → outgoing queue.</summary>
public sealed class DossierSyncTests(DossierSyncTests.Fixture fx) : IClassFixture<DossierSyncTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Sandbox:portal:LatencyMilliseconds", "1");
    }

    [Fact]
    public async Task Each_transition_of_a_dossier_is_synced_to_the_national_portal_once_and_in_order()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var portal = fx.Services.GetRequiredService<PortalSimulator>();
            portal.Reset();
            var desk = await fx.SignInAsync("motcua.camthuong");
            var response = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
            {
                procedureCode = "1.001193",
                applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" },
                components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
            });
            var dossier = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
            var id = dossier.GetProperty("id").GetGuid();
            var code = dossier.GetProperty("code").GetString()!;
            var leader = await fx.SignInAsync("lanhdao.camthuong");
            (await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Đã cấp giấy khai sinh" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/return", new { method = "DESK" })).StatusCode.ShouldBe(HttpStatusCode.OK);

            var relay = fx.Services.GetRequiredService<OutboxRelay>();
            var delivery = fx.Services.GetRequiredService<OutgoingDelivery>();
            for (var i = 0; i < 50 && portal.Applied.Count(a => a.Dossier == code) < 3; i++)
            {
                await relay.RelayOnceAsync();
                await delivery.DeliverDueAsync(CancellationToken.None);
                await Task.Delay(100);
                // The set clock stands still: move it as real time would, so an attempt that failed under load is retried after its backoff.
                fx.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            portal.Applied.Where(a => a.Dossier == code).Select(a => a.Status).ShouldBe(["RECEIVED", "RESOLVED", "RETURNED"]);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}
