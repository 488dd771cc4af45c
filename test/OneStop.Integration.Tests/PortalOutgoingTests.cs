using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.PortalSubmissions;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform.Documents;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;
using Xunit.Abstractions;

namespace OneStop.Integration.Tests;

/// <summary>
/// The national portal, outwards (issue 18, item 5; ADR 0051): a portal dossier's statuses, its supplement request and
/// its signed electronic result reach the portal once each and in the dossier's order through 30 % failures; one
/// dossier whose first message keeps failing holds back only its own later messages.
/// </summary>
[Collection("Portal feed")]
public sealed class PortalOutgoingTests(PortalOutgoingTests.Fixture fx, ITestOutputHelper output) : IClassFixture<PortalOutgoingTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:PortalSubmissions:Enabled", "false")
            .With("Integration:Delivery:MaxBackoffSeconds", "1")
            .With("Integration:Resilience:RetryDelayMilliseconds", "10")
            .With("Integration:Resilience:MaxRetryAttempts", "1")
            .With("Integration:Resilience:BreakSeconds", "1")
            .With("Integration:PortalRatings:Enabled", "false")
            .With("Integration:Sandbox:portal:LatencyMilliseconds", "1");
    }

    private PortalSimulator Portal => fx.Services.GetRequiredService<PortalSimulator>();

    [Fact]
    public async Task A_portal_dossiers_statuses_supplement_request_and_signed_result_reach_the_portal_once_each_in_order_through_30_percent_failures_and_its_portal_rating_comes_in_once()
    {
        Portal.Reset();
        var submission = Portal.Submit("10507", "1.001193", "030090001238", "Phạm Văn Em", ["HT-TK-KS", "YT-GCS", "CD-CCCD"]);
        (await fx.Services.GetRequiredService<PortalSubmissionPuller>().PullAsync(CancellationToken.None)).ShouldBe(1);
        await RelayAllAsync();

        var desk = await fx.SignInAsync("motcua.camthuong");
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        var dossier = await DossierOfAsync(desk, submission.Reference);
        var id = dossier.GetProperty("id").GetGuid();
        var code = dossier.GetProperty("code").GetString()!;
        await OkAsync(desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/receive", new { }));
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/request-supplement",
            new { reason = "Bổ sung bản sao giấy chứng sinh có chứng thực.", componentsAsked = new[] { "YT-GCS" } }));
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/supplement", new { note = "Đã nhận bản sao." }));
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Cấp giấy khai sinh" }));
        await RelayAllAsync();

        // The result is scanned at the agency and signed with the ward's certificate: Digitization publishes it.
        var queue = await desk.GetFromJsonAsync<JsonElement>("/api/v1/digitization/scan-queue?pageSize=200");
        var resultItem = queue.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("dossierId").GetGuid() == id && q.GetProperty("kind").GetString() == "RESULT");
        var pdf = new PdfWriter("Giấy khai sinh", "UBND phường Cẩm Thượng").NewPage().Text("Giấy khai sinh (bản chính)", 16, bold: true).Text("Họ và tên: Phạm Văn Em").ToArray();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "giay-khai-sinh.pdf");
        form.Add(new StringContent(resultItem.GetProperty("id").GetString()!), "queueItemId");
        var uploaded = await OkAsync(desk.PostAsync("/api/v1/digitization/documents", form));
        await OkAsync(leader.PostAsync($"/api/v1/digitization/documents/{uploaded.GetProperty("id").GetGuid()}/sign", null));
        // The relay runs every moment in the host: the signature reaches Integration before the desk hands the result over.
        // (Two modules' outboxes keep each one's order, not an order between them: ADR 0051.)
        await RelayAllAsync();
        await OkAsync(desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/return", new { method = "ELECTRONIC" }));
        await RelayAllAsync();

        var admin = await fx.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.3, downForSeconds = 0 });
        try
        {
            var delivery = fx.Services.GetRequiredService<OutgoingDelivery>();
            var watch = Stopwatch.StartNew();
            while (await PendingAsync(code) > 0 && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (await delivery.DeliverDueAsync(CancellationToken.None) == 0)
                {
                    await Task.Delay(250);
                }
            }
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.0, downForSeconds = 0 });
        }

        (await PendingAsync(code)).ShouldBe(0);
        var applied = Portal.Applied.Where(a => a.Dossier == code).ToList();
        output.WriteLine(string.Join(" → ", applied.Select(a => a.Status)) + $"; the portal saw {Portal.Requests} requests");
        applied.Select(a => a.Key).Distinct().Count().ShouldBe(applied.Count, "a message applied twice");
        // The supplement request names the component the desk asked for (ADR 0051's componentsAsked).
        Portal.SupplementRequests[code].ShouldBe(["YT-GCS"]);
        applied.Select(a => a.Status).ShouldBe([
            DossierStatuses.New, DossierStatuses.Received, DossierStatuses.SupplementRequested, PortalSimulator.SupplementRequested,
            DossierStatuses.Processing, DossierStatuses.Resolved, PortalSimulator.ElectronicResult, DossierStatuses.Returned]);
        // The result the portal holds is the signed PDF Digitization stored, byte for byte.
        var signed = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/digitization/documents/{uploaded.GetProperty("id").GetGuid()}/signature");
        signed.GetProperty("signed").GetBoolean().ShouldBeTrue();
        var received = Portal.ElectronicResults[code];
        System.Text.Encoding.Latin1.GetString(received, 0, 5).ShouldBe("%PDF-");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(received)).ShouldBe(signed.GetProperty("sha256").GetString());

        // The citizen rates the returned dossier on the national portal (twice, by mistake); someone else rates it too.
        int[] scores = [2, 2, 2, 1, 2, 2, 2, 2, 2];
        Portal.Rate(code, "030090001238", scores, "VERY_SATISFIED", "Cán bộ hướng dẫn tận tình.");
        Portal.Rate(code, "030090001238", [0, 0, 0, 0, 0, 0, 0, 0, 0], "DISSATISFIED");
        Portal.Rate(code, "030090009999", [0, 0, 0, 0, 0, 0, 0, 0, 0], "DISSATISFIED");
        var ratings = fx.Services.GetRequiredService<OneStop.Integration.Features.PortalRatings.PortalRatingPuller>();
        (await ratings.PullAsync(CancellationToken.None)).ShouldBe(3);
        (await ratings.PullAsync(CancellationToken.None)).ShouldBe(0); // taken once
        await RelayAllAsync();
        var list = await leader.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/ratings?pageSize=200");
        var rating = list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("dossierCode").GetString() == code).ShouldHaveSingleItem();
        rating.GetProperty("channel").GetString().ShouldBe("ONLINE");
        rating.GetProperty("overall").GetString().ShouldBe("VERY_SATISFIED");
        rating.GetProperty("comment").GetString().ShouldBe("Cán bộ hướng dẫn tận tình.");
        // Its author is the citizen, as the audit names citizens (ADR 0048), not an officer or the connector.
        var author = await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().Database
            .SqlQueryRaw<string>("SELECT \"CreatedBy\" AS \"Value\" FROM evaluation.\"Ratings\" WHERE \"DossierCode\" = {0}", code).SingleAsync());
        author.ShouldBe("VNeID ••••1238");
    }

    [Fact]
    public async Task When_a_dossiers_first_message_keeps_failing_its_second_waits_and_another_dossier_goes_through()
    {
        Portal.Reset();
        const string Stuck = "MC10507-261207-9001", Free = "MC10507-261207-9002";
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<IntegrationDbContext>();
            var now = DateTimeOffset.UtcNow;
            foreach (var dossier in new[] { Stuck, Free })
            {
                OutgoingQueue.Enqueue(db, "portal", "dossier-statuses", $"{dossier}:received", dossier, new { dossierCode = dossier, status = DossierStatuses.Received }, now);
                OutgoingQueue.Enqueue(db, "portal", "dossier-statuses", $"{dossier}:resolved", dossier, new { dossierCode = dossier, status = DossierStatuses.Resolved }, now);
            }

            return await db.SaveChangesAsync();
        });
        Portal.FailingDossiers[Stuck] = true;

        var delivery = fx.Services.GetRequiredService<OutgoingDelivery>();
        for (var round = 0; round < 6; round++)
        {
            await delivery.DeliverDueAsync(CancellationToken.None);
            await Task.Delay(round == 0 ? 0 : 1100); // past the backoff, so the first message is tried again
        }

        Portal.Applied.Where(a => a.Dossier == Free).Select(a => a.Status).ShouldBe([DossierStatuses.Received, DossierStatuses.Resolved]);
        Portal.Applied.ShouldNotContain(a => a.Dossier == Stuck);
        var stuck = await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OutgoingMessages.AsNoTracking()
            .Where(m => m.OrderingKey == Stuck).OrderBy(m => m.Id).Select(m => new { m.IdempotencyKey, m.Attempts, m.State }).ToListAsync());
        stuck[0].Attempts.ShouldBeGreaterThan(1, "the first message is retried");
        stuck[1].Attempts.ShouldBe(0, "the second waits for the first and is never sent before it");

        // The portal takes the dossier again: both go, in order, under their own keys.
        Portal.FailingDossiers.Clear();
        for (var round = 0; round < 10 && Portal.Applied.Count(a => a.Dossier == Stuck) < 2; round++)
        {
            await delivery.DeliverDueAsync(CancellationToken.None);
            await Task.Delay(500);
        }

        Portal.Applied.Where(a => a.Dossier == Stuck).Select(a => a.Status).ShouldBe([DossierStatuses.Received, DossierStatuses.Resolved]);
    }

    private Task<int> PendingAsync(string ordering) => fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OutgoingMessages
        .CountAsync(m => m.OrderingKey == ordering && m.Destination == "portal" && m.State != DeliveryStates.Delivered));

    private async Task RelayAllAsync()
    {
        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        for (var i = 0; i < 20 && await relay.RelayOnceAsync() > 0; i++)
        {
        }
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> DossierOfAsync(HttpClient desk, string reference)
    {
        var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers?channel=ONLINE&pageSize=200");
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{item.GetProperty("id").GetGuid()}");
            if (dossier.GetProperty("note").GetString()?.Contains(reference, StringComparison.Ordinal) == true)
            {
                return dossier;
            }
        }

        throw new InvalidOperationException($"No dossier for {reference}.");
    }
}
