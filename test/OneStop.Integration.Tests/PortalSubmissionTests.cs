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

/// <summary>Online dossiers submitted on the national portal arrive in Counters once, as NEW dossiers for the desk.</summary>
// One collection: both pull from the same portal simulator feed, which two parallel classes would share.
[Collection("Portal feed")]
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
