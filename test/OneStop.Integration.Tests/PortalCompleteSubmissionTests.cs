using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Features.PortalSubmissions;
using OneStop.Integration.Simulators;
using OneStop.Platform.Documents;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>
/// Dossiers from the national portal arrive complete (issue 18, item 5; ADR 0051): the applicant's e-form and the
/// components' files come with the submission, the files pass the upload guard and become the dossier's, and a file
/// the guard refuses sends the whole submission to the review queue with the reason.
/// </summary>
[Collection("Portal feed")]
public sealed class PortalCompleteSubmissionTests(PortalCompleteSubmissionTests.Fixture fx) : IClassFixture<PortalCompleteSubmissionTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:PortalSubmissions:Enabled", "false")
            .With("Integration:Resilience:RetryDelayMilliseconds", "10")
            .With("Integration:Resilience:MaxRetryAttempts", "1")
            .With("Integration:Sandbox:portal:LatencyMilliseconds", "1");
    }

    private PortalSimulator Portal => fx.Services.GetRequiredService<PortalSimulator>();

    [Fact]
    public async Task A_portal_dossier_with_two_files_and_form_data_arrives_complete_through_a_failing_portal()
    {
        var pdf = new PdfWriter("Tờ khai đăng ký khai sinh", "Cổng DVC quốc gia").NewPage().Text("Tờ khai đăng ký khai sinh", 16, bold: true).Text("Họ và tên: Nguyễn Văn Cường").ToArray();
        var png = SampleFiles.Png(8, 8, (x, y) => (byte)((x * y) % 255));
        var form = new JsonObject { ["noiSinh"] = "Bệnh viện Đa khoa tỉnh Hải Dương", ["hoTenCha"] = "Nguyễn Văn Bình", ["conThu"] = 2 };
        var submission = Portal.Submit("10507", "1.001193", "030090001236", "Nguyễn Văn Cường", ["HT-TK-KS", "YT-GCS", "CD-CCCD"], formData: form,
            files: [new("HT-TK-KS", "to-khai-khai-sinh.pdf", "application/pdf", pdf), new("CD-CCCD", "cccd-me.png", "image/png", png)]);
        submission.Files!.Length.ShouldBe(2);

        // The feed and the files fail 30 % of the time: the puller stops at a failed download and takes it next round.
        var admin = await fx.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.3, downForSeconds = 0 });
        try
        {
            var taken = 0;
            for (var round = 0; round < 60 && taken == 0; round++)
            {
                taken = await Puller.PullAsync(CancellationToken.None);
            }

            taken.ShouldBe(1);
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.0, downForSeconds = 0 });
        }

        (await Puller.PullAsync(CancellationToken.None)).ShouldBe(0);
        await RelayAllAsync();

        var desk = await fx.SignInAsync("motcua.camthuong");
        var dossier = await DossierOfAsync(desk, submission.Reference);
        var formData = dossier.GetProperty("formData");
        formData.GetProperty("noiSinh").GetString().ShouldBe("Bệnh viện Đa khoa tỉnh Hải Dương");
        formData.GetProperty("conThu").GetInt32().ShouldBe(2);

        // The desk sees the form and opens both files from the dossier's page, byte for byte what the citizen attached.
        var id = dossier.GetProperty("id").GetGuid();
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync($"/Counters/Dossiers/Detail?id={id}"));
        page.ShouldContain("Bệnh viện Đa khoa tỉnh Hải Dương");
        page.ShouldContain("to-khai-khai-sinh.pdf");
        var links = Regex.Matches(page, "href=\"([^\"]*handler=ComponentFile[^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        links.Count.ShouldBe(2);
        var contents = new List<byte[]>();
        foreach (var link in links)
        {
            var response = await desk.GetAsync(link);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            contents.Add(await response.Content.ReadAsByteArrayAsync());
        }

        contents.Count(c => c.SequenceEqual(pdf)).ShouldBe(1);
        contents.Count(c => c.SequenceEqual(png)).ShouldBe(1);
        // A sibling ward opens neither the dossier nor its files.
        var other = await fx.SignInAsync("motcua.binhhan");
        (await other.GetAsync(links[0])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_the_upload_guard_refuses_sends_the_submission_to_review_with_the_reason_and_files_nothing()
    {
        var pdf = new PdfWriter("Tờ khai", "Cổng DVC quốc gia").NewPage().Text("Tờ khai đăng ký khai sinh").ToArray();
        // A picture named as a PDF: the guard reads the type from the bytes and refuses it.
        var submission = Portal.Submit("10507", "1.001193", "030090001237", "Lê Thị Dung", ["HT-TK-KS", "YT-GCS", "CD-CCCD"],
            formData: new JsonObject { ["noiSinh"] = "Trạm y tế phường" },
            files: [new("HT-TK-KS", "to-khai.pdf", "application/pdf", pdf), new("YT-GCS", "giay-chung-sinh.pdf", "application/pdf", SampleFiles.Png())]);
        (await Puller.PullAsync(CancellationToken.None)).ShouldBe(1);
        await RelayAllAsync();

        var officer = await fx.SignInAsync("lanhdao.tinh");
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/counters/online-submissions?pageSize=200");
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("portalReference").GetString() == submission.Reference);
        item.GetProperty("reason").GetString()!.ShouldContain("giay-chung-sinh.pdf");
        item.GetProperty("reason").GetString()!.ShouldContain("bị từ chối");
        var desk = await fx.SignInAsync("motcua.camthuong");
        (await DossiersOfAsync(desk, submission.Reference)).ShouldBeEmpty();
    }

    private PortalSubmissionPuller Puller => fx.Services.GetRequiredService<PortalSubmissionPuller>();

    private async Task RelayAllAsync()
    {
        var relay = fx.Services.GetRequiredService<OutboxRelay>();
        for (var i = 0; i < 20 && await relay.RelayOnceAsync() > 0; i++)
        {
        }
    }

    private static async Task<List<JsonElement>> DossiersOfAsync(HttpClient desk, string reference)
    {
        var found = new List<JsonElement>();
        var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers?channel=ONLINE&pageSize=200");
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{item.GetProperty("id").GetGuid()}");
            if (dossier.GetProperty("note").GetString()?.Contains(reference, StringComparison.Ordinal) == true)
            {
                found.Add(dossier);
            }
        }

        return found;
    }

    private static async Task<JsonElement> DossierOfAsync(HttpClient desk, string reference) => (await DossiersOfAsync(desk, reference)).ShouldHaveSingleItem();
}
