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

/// <summary>Online dossiers submitted on the national portal arrive in Counters once, as NEW dossiers for the desk.</summary>
public sealed class PortalSubmissionTests(PortalSubmissionTests.Fixture fx) : IClassFixture<PortalSubmissionTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:PortalSubmissions:Enabled", "false")
            .With("Integration:Sandbox:portal:LatencyMilliseconds", "1");
    }

    [Fact]
    public async Task A_portal_submission_becomes_one_new_online_dossier_at_the_ward_even_when_pulled_twice()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var portal = fx.Services.GetRequiredService<PortalSimulator>();
            var submission = portal.Submit("10507", "1.001193", "030090001234", "Nguyễn Văn An", ["HT-TK-KS", "YT-GCS", "CD-CCCD"]);
            var feed = await fx.CreateClient().GetAsync("/sandbox/portal/submissions?after=0");
            (await feed.Content.ReadAsStringAsync()).ShouldContain(submission.Reference);
            var puller = fx.Services.GetRequiredService<OneStop.Integration.Features.PortalSubmissions.PortalSubmissionPuller>();
            (await puller.PullAsync(CancellationToken.None)).ShouldBe(1);
            (await puller.PullAsync(CancellationToken.None)).ShouldBe(0); // already taken
            var relay = fx.Services.GetRequiredService<OutboxRelay>();
            await relay.RelayOnceAsync();
            await relay.RelayOnceAsync();

            var desk = await fx.SignInAsync("motcua.camthuong");
            var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers?channel=ONLINE&status=NEW");
            var items = list.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBe(1);
            items[0].GetProperty("applicantName").GetString().ShouldBe("Nguyễn Văn An");
            var id = items[0].GetProperty("id").GetGuid();
            var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}");
            dossier.GetProperty("note").GetString()!.ShouldContain(submission.Reference);
            // The ward desk receives it: the clock starts.
            var received = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/receive", new { });
            received.StatusCode.ShouldBe(HttpStatusCode.OK);
            // A sibling ward never sees it.
            var other = await fx.SignInAsync("motcua.binhhan");
            (await other.GetAsync($"/api/v1/counters/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

}

/// <summary>
/// Fees paid on the portal's payment platform reach the dossier (Decision 766, online payment); its own host, so the
/// ward's list of new online dossiers holds only these.
/// </summary>
public sealed class PortalPaymentTests(PortalSubmissionTests.Fixture fx) : IClassFixture<PortalSubmissionTests.Fixture>
{
    [Fact]
    public async Task Fees_paid_on_the_portal_count_as_paid_online_and_unpaid_ones_wait_for_the_desk()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 10);
        try
        {
            // Đăng ký thường trú online: the catalogue charges 10,000 đ on the online channel.
            var portal = fx.Services.GetRequiredService<PortalSimulator>();
            var paid = portal.Submit("10507", "1.004222", "030090001234", "Nguyễn Văn An", ["CT-CT01", "CT-CHOHP"], paidVnd: 10_000);
            var unpaid = portal.Submit("10507", "1.004222", "030090001234", "Nguyễn Văn An", ["CT-CT01", "CT-CHOHP"]);
            paid.Payment!.TransactionId.ShouldNotBeNullOrEmpty();
            var puller = fx.Services.GetRequiredService<OneStop.Integration.Features.PortalSubmissions.PortalSubmissionPuller>();
            (await puller.PullAsync(CancellationToken.None)).ShouldBe(2);
            var relay = fx.Services.GetRequiredService<OutboxRelay>();
            await relay.RelayOnceAsync();
            await relay.RelayOnceAsync();

            var desk = await fx.SignInAsync("motcua.camthuong");
            async Task<JsonElement> DossierOf(string reference)
            {
                var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers?channel=ONLINE&status=NEW&pageSize=100");
                foreach (var item in list.GetProperty("items").EnumerateArray())
                {
                    var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{item.GetProperty("id").GetGuid()}");
                    if (dossier.GetProperty("note").GetString()!.Contains(reference, StringComparison.Ordinal))
                    {
                        return dossier;
                    }
                }

                throw new ShouldAssertException($"No dossier for {reference}");
            }

            var paidDossier = await DossierOf(paid.Reference);
            paidDossier.GetProperty("feeVnd").GetDecimal().ShouldBe(10_000m);
            paidDossier.GetProperty("paymentMethod").GetString().ShouldBe(PaymentMethods.Online);
            paidDossier.GetProperty("note").GetString()!.ShouldContain($"Đã thanh toán trực tuyến 10.000 đ, mã giao dịch {paid.Payment.TransactionId}");
            var unpaidDossier = await DossierOf(unpaid.Reference);
            unpaidDossier.GetProperty("feeVnd").GetDecimal().ShouldBe(10_000m);
            unpaidDossier.GetProperty("paymentMethod").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}
