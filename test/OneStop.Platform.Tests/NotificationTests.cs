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

namespace OneStop.Platform.Tests;

/// <summary>
/// Notifications to applicants (ADR 0043) end to end on PostgreSQL: a dossier event reaches the Portal's handler through
/// the outbox, the kernel queues one delivery per channel, the relay's notification leg sends them — the e-mail to a
/// real SMTP server in this process (SmtpServer) and read back, the SMS to the sandbox gateway's log.
/// </summary>
public sealed class NotificationTests(NotificationTests.Fixture fx) : IClassFixture<NotificationTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        private readonly SmtpSink _smtp = SmtpSink.Start();

        /// <summary>What the real SMTP server in this process received.</summary>
        public ConcurrentQueue<MimeMessage> Received => _smtp.Messages;

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
    }


    private async Task<(Guid Id, string Code)> NewDossierAsync(string identity, string name, string? email, string? phone)
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var response = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity, name, phone, email },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("code").GetString()!);
    }

    private Task<List<string>> SmsSentToAsync(string phone) =>
        fx.CreateClient().GetFromJsonAsync<List<JsonElement>>($"/sandbox/sms/messages?to={phone}")
            .ContinueWith(t => t.Result!.Select(m => m.GetProperty("text").GetString()!).ToList());

    [Fact]
    public async Task A_received_dossier_is_told_by_email_read_back_from_the_smtp_server_and_by_sms_once_each()
    {
        var (id, code) = await NewDossierAsync("030090003579", "Phạm Thị Dung", "dung.pham@example.vn", "0913579000");
        await fx.RelayAllAsync();

        var deliveries = await fx.DeliveriesAsync(id);
        deliveries.Where(d => d.Kind == NotificationKinds.Received).Select(d => d.Channel).Order().ShouldBe([NotificationChannels.Email, NotificationChannels.Sms]);
        deliveries.ShouldAllBe(d => d.State == DeliveryStates.Delivered);

        var mail = fx.Received.Single(m => m.To.Mailboxes.Any(a => a.Address == "dung.pham@example.vn"));
        mail.Subject.ShouldBe($"Đã tiếp nhận hồ sơ {code}");
        mail.TextBody!.ShouldContain("Kính gửi ông/bà Phạm Thị Dung");
        mail.TextBody!.ShouldContain("Thủ tục đăng ký khai sinh");
        mail.From.Mailboxes.Single().Address.ShouldBe("mot-cua@haiduong.gov.vn");

        var sms = await SmsSentToAsync("0913579000");
        sms.Count.ShouldBe(1);
        sms[0].ShouldContain(code);

        // The dossier page's partial lists both for the receiving ward; a sibling ward sees nothing of them.
        (await SentAsync("10507", id)).Select(n => n.Channel).Order().ShouldBe([NotificationChannels.Email, NotificationChannels.Sms]);
        (await SentAsync("10510", id)).ShouldBeEmpty();
    }

    private async Task<IReadOnlyList<OneStop.Portal.Features.Notifications.SentNotification>> SentAsync(string unitCode, Guid dossierId)
    {
        var unit = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.AsNoTracking().SingleAsync(u => u.Code == unitCode && u.ValidTo == null));
        return await fx.InScopeAsync(new OneStop.Platform.Scoping.UnitScope(unit.Id, unit.Path, unit.Name), sp =>
            OneStop.Portal.Features.Notifications.DossierNotificationsViewComponent.ListAsync(sp.GetRequiredService<PlatformDbContext>(), dossierId));
    }

    [Fact]
    public async Task A_handler_run_twice_for_the_same_event_queues_one_notification_per_channel()
    {
        var (id, code) = await NewDossierAsync("030090002222", "Hoàng Văn Em", "em.hoang@example.vn", "0912222000");
        await fx.RelayAllAsync();
        var before = await fx.DeliveriesAsync(id);

        // The same RECEIVED event handled again, as after a crash between the notifications' commit and the inbox row's.
        var snapshot = await fx.AsSystemAsync(sp => sp.GetRequiredService<ICountersApi>().FindDossierAsync(id));
        var again = new DossierChanged(snapshot!, DossierTransitions.Received, DossierStatuses.New, null, "motcua.camthuong") { EventId = Guid.NewGuid() };
        for (var run = 0; run < 3; run++)
        {
            await fx.AsSystemAsync(async sp =>
            {
                await sp.GetRequiredService<OneStop.Portal.Features.Notifications.DossierNotificationHandler>().HandleAsync(again, CancellationToken.None);
                return 0;
            });
        }

        await fx.RelayAllAsync();
        var after = await fx.DeliveriesAsync(id);
        after.Count.ShouldBe(before.Count + 2, "the repeated event adds one e-mail and one SMS, however often it is handled");
        after.GroupBy(d => d.DedupKey).ShouldAllBe(g => g.Count() == 1);
        (await SmsSentToAsync("0912222000")).Count.ShouldBe(2);
        fx.Received.Count(m => m.To.Mailboxes.Any(a => a.Address == "em.hoang@example.vn")).ShouldBe(2);
        code.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_citizen_who_opted_out_of_sms_gets_e_mail_only()
    {
        const string identity = "030090004444";
        await fx.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<Notifier>().SetPreferenceAsync(identity, NotificationChannels.Sms, false);
            return 0;
        });
        var (id, _) = await NewDossierAsync(identity, "Vũ Thị Giang", "giang.vu@example.vn", "0914444000");
        await fx.RelayAllAsync();

        (await fx.DeliveriesAsync(id)).Select(d => d.Channel).ShouldBe([NotificationChannels.Email]);
        (await SmsSentToAsync("0914444000")).ShouldBeEmpty();
        fx.Received.ShouldContain(m => m.To.Mailboxes.Any(a => a.Address == "giang.vu@example.vn"));
    }

    /// <summary>
    /// "Nhận thông báo" (the citizen's page): a citizen signed in through VNeID turns SMS off, and the next dossier in
    /// their name is told by e-mail only. The choice is keyed by the identity in the citizen's cookie: another citizen
    /// naming this one's number in the form changes only their own choices, and a staff cookie does not open the page.
    /// </summary>
    [Fact]
    public async Task A_citizen_turns_sms_off_on_their_page_and_the_next_dossier_is_not_told_by_sms_and_no_one_else_can_change_it()
    {
        const string identity = "030090007771";
        const string other = "030090007772";
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Trần Thị Hoa", returnUrl: "/Portal/Notifications");
        var page = await citizen.GetStringAsync("/Portal/Notifications");
        page.ShouldContain("Nhận thông báo");
        page.ShouldContain("0912000111"); // the phone and e-mail VNeID gave
        page.ShouldContain("congdan@example.vn");
        page.ShouldContain("id=\"channel-sms\" name=\"sms\" value=\"true\" checked=\"checked\"");
        (await citizen.GetStringAsync("/Portal/MyDossiers")).ShouldContain("href=\"/Portal/Notifications\"");

        // Without the antiforgery token nothing is saved.
        var forged = await citizen.PostAsync("/Portal/Notifications", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "true" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PreferencesAsync(identity)).ShouldBeEmpty();

        var saved = await OneStopFactory.PostFormAsync(citizen, "/Portal/Notifications", "/Portal/Notifications", new Dictionary<string, string> { ["email"] = "true" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.GetStringAsync("/Portal/Notifications")).ShouldContain("data-testid=\"choices-saved\"");
        (await PreferencesAsync(identity)).ShouldBe([(NotificationChannels.Email, true), (NotificationChannels.Sms, false), (NotificationChannels.Zalo, false)]);

        var (id, _) = await NewDossierAsync(identity, "Trần Thị Hoa", "hoa.tran@example.vn", "0917771000");
        await fx.RelayAllAsync();
        (await fx.DeliveriesAsync(id)).Select(d => d.Channel).ShouldBe([NotificationChannels.Email]);
        (await SmsSentToAsync("0917771000")).ShouldBeEmpty();
        fx.Received.ShouldContain(m => m.To.Mailboxes.Any(a => a.Address == "hoa.tran@example.vn"));

        // Another citizen posts the first one's number and a key field: only their own choices change.
        var intruder = await CitizenSignIn.SignInAsync(fx, other, "Lê Văn Tùng", returnUrl: "/Portal/Notifications");
        var posted = await OneStopFactory.PostFormAsync(intruder, "/Portal/Notifications", "/Portal/Notifications", new Dictionary<string, string>
        {
            ["email"] = "true", ["sms"] = "true", ["zalo"] = "true", ["applicantKey"] = identity, ["identity"] = identity, ["identityNumber"] = identity,
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PreferencesAsync(identity)).ShouldBe([(NotificationChannels.Email, true), (NotificationChannels.Sms, false), (NotificationChannels.Zalo, false)]);
        (await PreferencesAsync(other)).ShouldBe([(NotificationChannels.Email, true), (NotificationChannels.Sms, true), (NotificationChannels.Zalo, true)]);

        // The write is in the audit chain under the citizen (masked), and a staff cookie does not open the page.
        var audited = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.EntityType == nameof(NotificationPreference) && a.EntityId.StartsWith(identity)).Select(a => a.ActorName).ToListAsync());
        audited.Count.ShouldBe(3);
        audited.ShouldAllBe(a => a == "VNeID ••••7771");
        var desk = await fx.SignInAsync("motcua.camthuong");
        var asStaff = await desk.GetAsync("/Portal/Notifications");
        asStaff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asStaff.Headers.Location!.ToString().ShouldContain("/citizen/signin");
    }

    private Task<List<(string Channel, bool OptedIn)>> PreferencesAsync(string applicantKey) => fx.AsSystemAsync(async sp =>
        (await sp.GetRequiredService<PlatformDbContext>().NotificationPreferences.AsNoTracking().Where(p => p.ApplicantKey == applicantKey).ToListAsync())
        .OrderBy(p => Array.IndexOf(NotificationChannels.All, p.Channel)).Select(p => (p.Channel, p.OptedIn)).ToList());

    [Fact]
    public async Task An_admin_edits_the_sms_text_on_the_templates_page_and_the_next_sms_uses_it_while_a_desk_officer_may_not()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        (await desk.GetAsync("/Portal/Admin/Templates")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        var admin = await fx.SignInAsync("admin");
        var page = await admin.GetStringAsync("/Portal/Admin/Templates");
        page.ShouldContain("Tiếp nhận hồ sơ");
        var tooLong = await OneStopFactory.PostFormAsync(admin, "/Portal/Admin/Templates", "/Portal/Admin/Templates", new Dictionary<string, string>
        {
            ["kind"] = NotificationKinds.Received, ["channel"] = NotificationChannels.Sms, ["body"] = new string('x', 481),
        });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("tối đa 480 ký tự");

        var saved = await OneStopFactory.PostFormAsync(admin, "/Portal/Admin/Templates", "/Portal/Admin/Templates", new Dictionary<string, string>
        {
            ["kind"] = NotificationKinds.Received, ["channel"] = NotificationChannels.Sms, ["body"] = "UBND phuong da nhan ho so {ma_ho_so} cua {nguoi_nop}.",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, code) = await NewDossierAsync("030090006666", "Đỗ Văn Hải", null, "0916666000");
        await fx.RelayAllAsync();
        (await SmsSentToAsync("0916666000")).ShouldBe([$"UBND phuong da nhan ho so {code} cua Đỗ Văn Hải."]);
    }
}
