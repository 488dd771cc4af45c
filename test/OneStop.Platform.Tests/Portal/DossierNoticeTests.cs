using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Counters.Contracts;
using OneStop.Platform.Messaging;
using OneStop.Platform.Notifications;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.Portal;

/// <summary>
/// Every notice of issue 18, item 6 fires from its dossier event and uses its template (received, refused, supplement
/// requested, financial obligation, extended, late with apology, result ready, returned), and the late notice — a
/// dossier past its due date without an extension, found by the overdue scan — goes once per channel however often
/// its handler runs, never by SMS to a citizen who opted out, and shows on the dossier's page (ADR 0051).
/// </summary>
public sealed class DossierNoticeTests(DossierNoticeTests.Fixture fx) : IClassFixture<DossierNoticeTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        private readonly SmtpSink _smtp = SmtpSink.Start();

        /// <summary>What the real SMTP server in this process received.</summary>
        public ConcurrentQueue<MimeMessage> Mail => _smtp.Messages;

        public override async Task InitializeAsync()
        {
            _smtp.For(this);
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await _smtp.DisposeAsync();
            await base.DisposeAsync();
        }

        /// <summary>Relays the outboxes, then the notification leg, until nothing moves.</summary>
        public Task RelayAllAsync() => SmtpSink.RelayAndDeliverAsync(Services);

        public Task<List<NotificationDelivery>> DeliveriesAsync(Guid dossierId) => AsSystemAsync(sp =>
            sp.GetRequiredService<PlatformDbContext>().NotificationDeliveries.AsNoTracking().Where(d => d.DossierId == dossierId).OrderBy(d => d.Id).ToListAsync());

        /// <summary>
        /// One round of Counters' overdue scan (the recurring job <c>counters-overdue-scan</c>), which is internal to
        /// its module: resolved and run by name, as Hangfire would.
        /// </summary>
        public Task<int> RunOverdueScanAsync() => AsSystemAsync(async sp =>
        {
            var type = Type.GetType("OneStop.Counters.Features.Dossiers.Overdue.OverdueScanner, OneStop.Counters", throwOnError: true)!;
            var scanner = sp.GetRequiredService(type);
            await (dynamic)type.GetMethod("RunAsync")!.Invoke(scanner, [CancellationToken.None])!;
            return 0;
        });
    }


    private async Task<(Guid Id, string Code)> NewDossierAsync(string identity, string name, string? email, string? phone, string? channel = null)
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var response = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193", channel,
            applicant = new { kind = "CITIZEN", identity, name, phone, email },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("code").GetString()!);
    }

    private async Task<List<string>> SmsSentToAsync(string phone) =>
        [.. (await fx.CreateClient().GetFromJsonAsync<List<JsonElement>>($"/sandbox/sms/messages?to={phone}"))!.Select(m => m.GetProperty("text").GetString()!)];

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_late_dossier_is_told_once_per_channel_with_the_apology_even_when_the_scan_and_the_handler_run_again_and_shows_on_its_page()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var (id, code) = await NewDossierAsync("030090005551", "Đỗ Văn Hùng", "hung.do@example.vn", "0915551000");
            await fx.RelayAllAsync();
            // Three weeks later nobody extended it: the scan finds it late, drafts the Mẫu 04 and tells the applicant.
            fx.Clock.Advance(TimeSpan.FromDays(21));
            await fx.RunOverdueScanAsync();
            await fx.RelayAllAsync();
            await fx.RunOverdueScanAsync(); // the next round: its draft is pending, nothing new
            await fx.RelayAllAsync();

            var late = (await fx.DeliveriesAsync(id)).Where(d => d.Kind == NotificationKinds.Late).ToList();
            late.Select(d => d.Channel).Order().ShouldBe([NotificationChannels.Email, NotificationChannels.Sms]);
            late.ShouldAllBe(d => d.State == DeliveryStates.Delivered);
            var mail = fx.Mail.Where(m => m.To.Mailboxes.Any(a => a.Address == "hung.do@example.vn") && (m.Subject ?? "").Contains("quá hạn")).ShouldHaveSingleItem();
            mail.Subject.ShouldBe($"Hồ sơ {code} đã quá hạn — thư xin lỗi");
            mail.TextBody!.ShouldContain("xin lỗi");
            (await SmsSentToAsync("0915551000")).Count(t => t.Contains("quá hạn", StringComparison.Ordinal)).ShouldBe(1);

            // The same event handled three more times, as after a crash before the inbox row: nothing more.
            var overdue = new DossierOverdue(id, code, "Đăng ký khai sinh", "030090005551", "Đỗ Văn Hùng", late[0].UnitId, late[0].UnitPath,
                DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "Quá hạn.") { EventId = EventIdOf(late[0]) };
            for (var run = 0; run < 3; run++)
            {
                await fx.AsSystemAsync(async sp =>
                {
                    await sp.GetRequiredService<OneStop.Portal.Features.Notifications.DossierOverdueNotificationHandler>().HandleAsync(overdue, CancellationToken.None);
                    return 0;
                });
            }

            await fx.RelayAllAsync();
            (await fx.DeliveriesAsync(id)).Count(d => d.Kind == NotificationKinds.Late).ShouldBe(2);
            (await SmsSentToAsync("0915551000")).Count(t => t.Contains("quá hạn", StringComparison.Ordinal)).ShouldBe(1);

            // The desk sees on the dossier's page what was sent.
            var page = WebUtility.HtmlDecode(await (await fx.SignInAsync("motcua.camthuong")).GetStringAsync($"/Counters/Dossiers/Detail?id={id}"));
            page.ShouldContain(NotificationKinds.NameVi(NotificationKinds.Late));
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_citizen_who_opted_out_of_sms_gets_the_late_notice_by_e_mail_only()
    {
        const string identity = "030090005552";
        await fx.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<Notifier>().SetPreferenceAsync(identity, NotificationChannels.Sms, false);
            return 0;
        });
        fx.Clock.SetVietnamTime(2026, 12, 8, 9);
        try
        {
            var (id, _) = await NewDossierAsync(identity, "Ngô Thị Lan", "lan.ngo@example.vn", "0915552000");
            fx.Clock.Advance(TimeSpan.FromDays(21));
            await fx.RunOverdueScanAsync();
            await fx.RelayAllAsync();
            (await fx.DeliveriesAsync(id)).Where(d => d.Kind == NotificationKinds.Late).Select(d => d.Channel).ShouldBe([NotificationChannels.Email]);
            (await SmsSentToAsync("0915552000")).ShouldBeEmpty();
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task Every_notice_of_the_issue_has_a_template_and_fires_from_its_dossier_event()
    {
        // Every kind has a Vietnamese text per channel until an administrator writes the province's own.
        string[] issue18 = [NotificationKinds.Received, NotificationKinds.Refused, NotificationKinds.SupplementRequested,
            NotificationKinds.FinancialObligation, NotificationKinds.Extended, NotificationKinds.Late, NotificationKinds.ResultReady, NotificationKinds.Returned];
        issue18.ShouldBeSubsetOf(NotificationKinds.All);
        foreach (var kind in issue18)
        {
            foreach (var channel in NotificationChannels.All)
            {
                NotificationDefaults.For(kind, channel).Body.ShouldContain("{ma_ho_so}", customMessage: $"{kind}/{channel}");
            }
        }

        var desk = await fx.SignInAsync("motcua.camthuong");
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        var (id, _) = await NewDossierAsync("030090005553", "Bùi Văn Khải", null, "0915553000");
        var api = $"/api/v1/counters/dossiers/{id}";
        await OkAsync(leader.PostAsJsonAsync($"{api}/request-supplement", new { reason = "Bổ sung bản sao giấy chứng sinh." }));
        await OkAsync(leader.PostAsJsonAsync($"{api}/supplement", new { note = "Đã bổ sung." }));
        await OkAsync(leader.PostAsJsonAsync($"{api}/request-financial-obligation", new { amountVnd = 50000m, reason = "Lệ phí đăng ký" }));
        await OkAsync(leader.PostAsJsonAsync($"{api}/financial-obligation-met", new { paymentMethod = "DESK" }));
        await OkAsync(leader.PostAsJsonAsync($"{api}/extend", new { value = 1m, unit = "WORKING_DAY", reason = "Cần xác minh thêm." }));
        await OkAsync(leader.PostAsJsonAsync($"{api}/resolve", new { resultSummary = "Cấp giấy khai sinh" }));
        await OkAsync(desk.PostAsJsonAsync($"{api}/return", new { method = "DESK" }));
        var (refusedId, _) = await NewDossierAsync("030090005554", "Bùi Thị Mai", null, "0915554000", channel: "ONLINE");
        await OkAsync(desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{refusedId}/refuse", new { reason = "Hồ sơ không thuộc thẩm quyền." }));
        await fx.RelayAllAsync();

        var told = await fx.DeliveriesAsync(id);
        told.Select(d => d.Kind).ShouldBe([NotificationKinds.Received, NotificationKinds.SupplementRequested, NotificationKinds.FinancialObligation,
            NotificationKinds.Extended, NotificationKinds.ResultReady, NotificationKinds.Returned]);
        told.ShouldAllBe(d => d.Channel == NotificationChannels.Sms && d.State == DeliveryStates.Delivered);
        (await SmsSentToAsync("0915553000")).Count.ShouldBe(6);
        (await fx.DeliveriesAsync(refusedId)).Select(d => d.Kind).ShouldBe([NotificationKinds.Refused]);
        (await SmsSentToAsync("0915554000")).ShouldHaveSingleItem().ShouldContain("không thuộc thẩm quyền");
    }

    /// <summary>The event a delivery was queued for: its key is the event id and the channel (ADR 0043).</summary>
    private static Guid EventIdOf(NotificationDelivery delivery) => Guid.ParseExact(delivery.DedupKey.Split(':')[0], "N");
}
