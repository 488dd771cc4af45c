using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Features.Appointments;
using OneStop.Queue.Features.Measurement;
using OneStop.Queue.Features.Visits;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Queue.Tests;

/// <summary>
/// The queue through HTTP on a fresh database with a clock the test moves: PostgreSQL (production) and the same tests on
/// SQLite (the embedded default).
/// </summary>
public abstract class QueueApiTests<TFactory>(TFactory fx) where TFactory : OneStopFactory
{
    private const string Officer = "motcua.camthuong";
    private const string Leader = "lanhdao.camthuong";
    private const string Civil = "Hộ tịch";
    private const string Land = "Đất đai";
    private const string Api = "/api/v1/queue";

    private sealed record Desk(Guid Id, string Code, Guid Counter1, Guid Counter2);

    private async Task<Desk> CreateDeskAsync(int headStart = 15)
    {
        var leader = await fx.SignInAsync(Leader);
        var code = "Q" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var response = await leader.PostAsJsonAsync($"{Api}/desks", new
        {
            code, name = "Bộ phận Một cửa thử " + code, priorityHeadStartMinutes = headStart, slotMinutes = 30, slotCapacity = 2,
            counters = new[] { new { name = "Quầy 1", fields = new[] { Civil } }, new { name = "Quầy 2", fields = new[] { Civil, Land, "Trả kết quả" } } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var desk = await response.Content.ReadFromJsonAsync<JsonElement>();
        var counters = desk.GetProperty("counters").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        return new Desk(desk.GetProperty("id").GetGuid(), code, counters[0], counters[1]);
    }

    private static async Task<JsonElement> IssueAsync(HttpClient client, Desk desk, string field, string? priority = null)
    {
        var response = await client.PostAsJsonAsync($"{Api}/desks/{desk.Id}/tickets", new { field, priorityGroup = priority });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> CommandAsync(HttpClient client, Guid counter, string action, Guid? to = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"{Api}/counters/{counter}/commands", new { action, toCounterId = to });
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Number(JsonElement state) => state.GetProperty("current").GetProperty("number").GetString()!;

    [Fact]
    public async Task An_English_reader_gets_English_messages_with_the_stable_codes()
    {
        var desk = await CreateDeskAsync();
        var leader = await fx.SignInAsync(Leader);
        // The host offers en-US (OneStopHost.Cultures): a bare "en" does not reach it, a browser-like header does.
        leader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        // A rule of the request: the field message is English, the code stays.
        var invalid = await leader.PostAsJsonAsync($"{Api}/desks", new { code = "bad code!", name = "Desk", counters = Array.Empty<object>() });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(OneStop.Platform.Web.PlatformErrorCodes.ValidationFailed);
        problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()))
            .ShouldContain("A service point code has letters, digits, '-' or '_', at most 32 characters.");

        // A business rule: the title is the code's English text with its argument.
        var taken = await leader.PostAsJsonAsync($"{Api}/desks", new
        {
            code = desk.Code, name = "Desk", counters = new[] { new { name = "Counter 1", fields = new[] { Civil } } },
        });
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem = await taken.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(QueueErrorCodes.DeskCodeTaken);
        problem.GetProperty("title").GetString().ShouldBe($"The service point code {desk.Code} is already in use.");
    }

    [Fact]
    public async Task Priority_tickets_go_first_the_head_start_keeps_normal_ones_moving_and_waits_follow_the_clock()
    {
        var desk = await CreateDeskAsync();
        var officer = await fx.SignInAsync(Officer);
        var n1 = await IssueAsync(officer, desk, Civil);
        n1.GetProperty("number").GetString().ShouldBe("001");
        fx.Clock.Advance(TimeSpan.FromMinutes(2));
        var elderly = await IssueAsync(officer, desk, Civil, QueuePriorityGroups.Elderly);
        elderly.GetProperty("waitingAhead").GetInt32().ShouldBe(0);

        (await CommandAsync(officer, desk.Counter1, "sign-in")).GetProperty("officerName").GetString().ShouldBe("Phạm Thị Nhận");
        Number(await CommandAsync(officer, desk.Counter1, "call-next")).ShouldBe(elderly.GetProperty("number").GetString());
        fx.Clock.Advance(TimeSpan.FromMinutes(3));
        await CommandAsync(officer, desk.Counter1, "start");
        fx.Clock.Advance(TimeSpan.FromMinutes(4));
        await CommandAsync(officer, desk.Counter1, "end");

        // 001 waited from 08:00 to 08:09; a pregnant woman arriving now (16 min after 001 would be needed to pass it) does not pass it.
        var late = await IssueAsync(officer, desk, Civil, QueuePriorityGroups.Pregnant);
        var called = await CommandAsync(officer, desk.Counter1, "call-next");
        Number(called).ShouldBe("003", "a pregnant woman issued 9 min after 001 passes it (head start 15 min)");
        await CommandAsync(officer, desk.Counter1, "end");
        fx.Clock.Advance(TimeSpan.FromMinutes(10));
        var normal4 = await IssueAsync(officer, desk, Civil);
        fx.Clock.Advance(TimeSpan.FromMinutes(16));
        await IssueAsync(officer, desk, Civil, QueuePriorityGroups.ChildUnderSix);
        Number(await CommandAsync(officer, desk.Counter1, "call-next")).ShouldBe("001");
        await CommandAsync(officer, desk.Counter1, "end");
        Number(await CommandAsync(officer, desk.Counter1, "call-next")).ShouldBe(normal4.GetProperty("number").GetString(),
            "004 has waited 16 min, longer than the head start: the child's carer issued just now queues behind it");
        await CommandAsync(officer, desk.Counter1, "end");

        var visit = await officer.GetFromJsonAsync<JsonElement>($"{Api}/tickets/{n1.GetProperty("id").GetGuid()}");
        // Issued 08:00, called after 2 + 3 + 4 + 10 + 16 = 35 minutes.
        visit.GetProperty("waitSeconds").GetInt32().ShouldBe(35 * 60);
        visit.GetProperty("serviceSeconds").GetInt32().ShouldBe(0);
        var first = await officer.GetFromJsonAsync<JsonElement>($"{Api}/tickets/{elderly.GetProperty("id").GetGuid()}");
        first.GetProperty("waitSeconds").GetInt32().ShouldBe(0);
        first.GetProperty("serviceSeconds").GetInt32().ShouldBe(7 * 60);
        first.GetProperty("counterName").GetString().ShouldBe("Quầy 1");
        first.GetProperty("officerName").GetString().ShouldBe("Phạm Thị Nhận"); // the full name, not the login
        late.GetProperty("priorityGroup").GetString().ShouldBe(QueuePriorityGroups.Pregnant);

        // Every step is in the event log, in order.
        var kinds = await fx.AsSystemAsync(sp => sp.GetRequiredService<QueueDbContext>().QueueEvents
            .Where(e => e.TicketId == elderly.GetProperty("id").GetGuid()).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        kinds.ShouldBe(["ISSUED", "CALLED", "STARTED", "ENDED"]);
        await CommandAsync(officer, desk.Counter1, "call-next");
        await CommandAsync(officer, desk.Counter1, "end");
        await CommandAsync(officer, desk.Counter1, "sign-out");
    }

    [Fact]
    public async Task Recall_transfer_no_show_and_state_rules()
    {
        var desk = await CreateDeskAsync();
        var officer = await fx.SignInAsync(Officer);
        var colleague = await fx.SignInAsync(Leader);
        var ticket = await IssueAsync(officer, desk, Civil);
        await IssueAsync(officer, desk, Land);

        await CommandAsync(officer, desk.Counter1, "call-next", expected: HttpStatusCode.Conflict); // not seated
        await CommandAsync(officer, desk.Counter1, "sign-in");
        await CommandAsync(colleague, desk.Counter1, "sign-in", expected: HttpStatusCode.Conflict);
        await CommandAsync(colleague, desk.Counter2, "sign-in");
        await CommandAsync(officer, desk.Counter1, "end", expected: HttpStatusCode.Conflict);
        await CommandAsync(officer, desk.Counter1, "call-next");
        await CommandAsync(officer, desk.Counter1, "call-next", expected: HttpStatusCode.Conflict);
        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        var recalled = await CommandAsync(officer, desk.Counter1, "recall");
        recalled.GetProperty("current").GetProperty("status").GetString().ShouldBe(QueueTicketStatuses.Called);

        // Transferred to counter 2: called there before the earlier land ticket; its wait stays the first call's.
        await CommandAsync(officer, desk.Counter1, "transfer", desk.Counter2);
        Number(await CommandAsync(colleague, desk.Counter2, "call-next")).ShouldBe(ticket.GetProperty("number").GetString());
        fx.Clock.Advance(TimeSpan.FromMinutes(5));
        await CommandAsync(colleague, desk.Counter2, "end");
        var visit = await officer.GetFromJsonAsync<JsonElement>($"{Api}/tickets/{ticket.GetProperty("id").GetGuid()}");
        visit.GetProperty("waitSeconds").GetInt32().ShouldBe(0);
        visit.GetProperty("serviceSeconds").GetInt32().ShouldBe(6 * 60);
        visit.GetProperty("counterName").GetString().ShouldBe("Quầy 2");

        Number(await CommandAsync(colleague, desk.Counter2, "call-next")).ShouldBe("002");
        var absent = await CommandAsync(colleague, desk.Counter2, "no-show");
        absent.GetProperty("current").ValueKind.ShouldBe(JsonValueKind.Null);
        var empty = await colleague.PostAsJsonAsync($"{Api}/counters/{desk.Counter2}/commands", new { action = "call-next" });
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(QueueErrorCodes.Empty);

        var unknownField = await officer.PostAsJsonAsync($"{Api}/desks/{desk.Id}/tickets", new { field = "Không có" });
        unknownField.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var invalid = await officer.PostAsJsonAsync($"{Api}/desks/{desk.Id}/tickets", new { priorityGroup = "VIP" });
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Field")[0].GetString()!.ShouldContain("lĩnh vực");
        problem.GetProperty("errors").GetProperty("PriorityGroup")[0].GetString()!.ShouldContain("ưu tiên");
        await CommandAsync(officer, desk.Counter1, "sign-out");
        await CommandAsync(colleague, desk.Counter2, "sign-out");
    }

    [Fact]
    public async Task The_board_shows_calls_and_its_stream_pushes_each_call()
    {
        var desk = await CreateDeskAsync();
        var officer = await fx.SignInAsync(Leader);
        await IssueAsync(officer, desk, Land);
        await CommandAsync(officer, desk.Counter2, "sign-in");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/desks/{desk.Id}/board/events");
        using var screen = await (await fx.SignInAsync(Officer)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        screen.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await screen.Content.ReadAsStreamAsync());
        var initial = await NextBoardAsync(reader);
        initial.GetProperty("waiting").GetInt32().ShouldBe(1);
        initial.GetProperty("calls").GetArrayLength().ShouldBe(0);

        // How fast (the target is a second) is measured by etc/bench/BoardLatency, not here; the wake-up itself by BoardSignalsTests.
        await CommandAsync(officer, desk.Counter2, "call-next");
        var pushed = await NextBoardAsync(reader).WaitAsync(TimeSpan.FromSeconds(5));
        pushed.GetProperty("calls")[0].GetProperty("number").GetString().ShouldBe("001");
        pushed.GetProperty("calls")[0].GetProperty("counterName").GetString().ShouldBe("Quầy 2");

        var board = await officer.GetFromJsonAsync<JsonElement>($"{Api}/desks/{desk.Id}/board");
        board.GetProperty("counters")[1].GetProperty("serving").GetString().ShouldBe("001");
        board.GetProperty("counters")[0].GetProperty("open").GetBoolean().ShouldBeFalse();
        await CommandAsync(officer, desk.Counter2, "end");
        await CommandAsync(officer, desk.Counter2, "sign-out");
    }

    private static Task<JsonElement> NextBoardAsync(StreamReader reader) => ServerSentEvents.NextAsync(reader, "board");

    [Fact]
    public async Task A_visit_links_to_dossiers_by_code_and_through_the_dossier_event()
    {
        var desk = await CreateDeskAsync();
        var officer = await fx.SignInAsync(Officer);
        var ticket = await IssueAsync(officer, desk, Civil);
        var ticketId = ticket.GetProperty("id").GetGuid();
        var linked = await officer.PostAsJsonAsync($"{Api}/tickets/{ticketId}/dossiers", new { dossierCode = "mc10507-261126-0001" });
        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        var visit = await linked.Content.ReadFromJsonAsync<JsonElement>();
        visit.GetProperty("dossiers")[0].GetProperty("dossierCode").GetString().ShouldBe("MC10507-261126-0001");
        visit.GetProperty("dossiers")[0].GetProperty("dossierId").ValueKind.ShouldBe(JsonValueKind.Null);

        // The lead's intake publishes DossierChanged: the earlier link gets the id, a dossier carrying the ticket id is linked too.
        var path = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == "10507").Select(u => u.Path).SingleAsync());
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<QueueDbContext>();
            db.Publish(Changed(first, "MC10507-261126-0001", null, path));
            db.Publish(Changed(second, "MC10507-261126-0002", ticketId, path));
            return await db.SaveChangesAsync();
        });
        await fx.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync();

        var after = await officer.GetFromJsonAsync<JsonElement>($"{Api}/tickets/{ticketId}");
        var dossiers = after.GetProperty("dossiers").EnumerateArray().ToDictionary(d => d.GetProperty("dossierCode").GetString()!, d => d.GetProperty("dossierId").GetGuid());
        dossiers.Count.ShouldBe(2);
        dossiers["MC10507-261126-0001"].ShouldBe(first);
        dossiers["MC10507-261126-0002"].ShouldBe(second);

        // Evaluation reads the visit through the contract.
        var found = await fx.AsSystemAsync(sp => sp.GetRequiredService<QueueVisitReader>().VisitsForDossierAsync("MC10507-261126-0002"));
        found.Single().TicketId.ShouldBe(ticketId);
        found.Single().DeskCode.ShouldBe(desk.Code);
    }

    private static DossierChanged Changed(Guid id, string code, Guid? ticketId, string unitPath) => new(
        new DossierSnapshot(id, code, "1.001193", "Đăng ký khai sinh", Civil, DossierChannels.Direct, DossierStatuses.Received, ApplicantKinds.Citizen,
            "030090001234", "Nguyễn Văn An", null, Guid.Empty, unitPath, Guid.Empty, unitPath, Guid.Empty, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            null, null, null, null, false, [], ticketId, 1),
        DossierTransitions.Received, null, null, "motcua.camthuong") { UnitPath = unitPath };

    [Fact]
    public async Task Appointments_fill_their_slot_check_in_in_a_window_and_no_shows_are_released()
    {
        var desk = await CreateDeskAsync();
        var kiosk = await fx.SignInAsync(Officer);
        var day = DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(7).DateTime).AddDays(1);
        JsonElement slots;
        while (!(slots = await kiosk.GetFromJsonAsync<JsonElement>($"{Api}/desks/{desk.Id}/slots?date={day:yyyy-MM-dd}")).GetProperty("workingDay").GetBoolean())
        {
            day = day.AddDays(1);
        }

        var all = slots.GetProperty("slots").EnumerateArray().ToList();
        all.Count.ShouldBe(16); // 07:00–11:30 (9) and 13:30–17:00 (7) in 30-minute slots
        var slot = all[2].GetProperty("start").GetDateTimeOffset(); // 08:00
        var book = (string name) => kiosk.PostAsJsonAsync($"{Api}/desks/{desk.Id}/appointments", new { field = Civil, slotStart = slot, citizenName = name, phone = "0912345678" });
        var a = await (await book("Trần Thị Bình")).Content.ReadFromJsonAsync<JsonElement>();
        var b = await (await book("Lê Văn Cường")).Content.ReadFromJsonAsync<JsonElement>();
        (await book("Phạm Thị Dung")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        a.GetProperty("code").GetString()!.Length.ShouldBe(6);

        var early = await kiosk.PostAsJsonAsync($"{Api}/desks/{desk.Id}/check-in", new { code = a.GetProperty("code").GetString() });
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        fx.Clock.AdvanceTo(slot.AddMinutes(-10));
        kiosk = await fx.SignInAsync(Officer); // a day later: the sign-in cookie of yesterday has expired
        var walkIn = await IssueAsync(kiosk, desk, Civil);
        var checkedIn = await kiosk.PostAsJsonAsync($"{Api}/desks/{desk.Id}/check-in", new { code = a.GetProperty("code").GetString()!.ToLowerInvariant() });
        checkedIn.StatusCode.ShouldBe(HttpStatusCode.Created, await checkedIn.Content.ReadAsStringAsync());
        var ticket = await checkedIn.Content.ReadFromJsonAsync<JsonElement>();
        ticket.GetProperty("source").GetString().ShouldBe(QueueTicketSources.Appointment);
        ticket.GetProperty("waitingAhead").GetInt32().ShouldBe(1, "the appointment queues at 08:00, behind the walk-in of 07:50");

        fx.Clock.AdvanceTo(slot.AddMinutes(16));
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<AppointmentHandler>().ReleaseNoShowsAsync(CancellationToken.None))).ShouldBeGreaterThanOrEqualTo(1);
        var late = await kiosk.PostAsJsonAsync($"{Api}/desks/{desk.Id}/check-in", new { code = b.GetProperty("code").GetString() });
        late.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(QueueErrorCodes.CheckInClosed);
        var status = await fx.AsSystemAsync(sp => sp.GetRequiredService<QueueDbContext>().QueueAppointments
            .Where(x => x.Code == b.GetProperty("code").GetString()).Select(x => x.Status).SingleAsync());
        status.ShouldBe(AppointmentStatuses.NoShow);
        walkIn.GetProperty("source").GetString().ShouldBe(QueueTicketSources.Officer);
    }

    [Fact]
    public async Task Measurements_group_by_desk_counter_field_and_day_and_feed_the_kpi_per_unit()
    {
        var desk = await CreateDeskAsync();
        var officer = await fx.SignInAsync(Officer);
        var leader = await fx.SignInAsync(Leader);
        await CommandAsync(officer, desk.Counter1, "sign-in");
        await CommandAsync(leader, desk.Counter2, "sign-in");
        var day = DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(7).DateTime);
        // Waits of 4 and 10 minutes at counter 1 (civil status), 6 minutes at counter 2 (land).
        await IssueAsync(officer, desk, Civil);
        await IssueAsync(officer, desk, Land);
        fx.Clock.Advance(TimeSpan.FromMinutes(4));
        await IssueAsync(officer, desk, Civil);
        await CommandAsync(officer, desk.Counter1, "call-next");
        fx.Clock.Advance(TimeSpan.FromMinutes(2));
        await CommandAsync(leader, desk.Counter2, "call-next"); // land ticket, waited 6
        fx.Clock.Advance(TimeSpan.FromMinutes(8));
        await CommandAsync(officer, desk.Counter1, "end");
        await CommandAsync(officer, desk.Counter1, "call-next"); // waited 10
        await CommandAsync(officer, desk.Counter1, "end");
        await CommandAsync(leader, desk.Counter2, "end");

        var byCounter = await officer.GetFromJsonAsync<JsonElement>($"{Api}/stats?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&by=counter");
        var rows = byCounter.EnumerateArray().Where(r => r.GetProperty("label").GetString()!.Contains(desk.Code)).ToDictionary(r => r.GetProperty("label").GetString()!);
        var c1 = rows.Single(r => r.Key.EndsWith("Quầy 1", StringComparison.Ordinal)).Value;
        c1.GetProperty("called").GetInt32().ShouldBe(2);
        c1.GetProperty("averageWaitMinutes").GetDouble().ShouldBe(7.0);
        c1.GetProperty("longestWaitMinutes").GetDouble().ShouldBe(10.0);
        c1.GetProperty("averageServiceMinutes").GetDouble().ShouldBe(5.0); // 10 and 0 minutes
        rows.Single(r => r.Key.EndsWith("Quầy 2", StringComparison.Ordinal)).Value.GetProperty("averageWaitMinutes").GetDouble().ShouldBe(6.0);

        var byDesk = await officer.GetFromJsonAsync<JsonElement>($"{Api}/stats?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&by=desk");
        byDesk.EnumerateArray().Single(r => r.GetProperty("key").GetString() == desk.Id.ToString()).GetProperty("averageWaitMinutes").GetDouble().ShouldBe(6.7);
        var byField = await officer.GetFromJsonAsync<JsonElement>($"{Api}/stats?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&by=field");
        byField.EnumerateArray().Select(r => r.GetProperty("key").GetString()).ShouldContain(Land);
        (await officer.GetAsync($"{Api}/stats?by=week")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var live = await officer.GetFromJsonAsync<JsonElement>($"{Api}/live");
        var mine = live.EnumerateArray().Single(d => d.GetProperty("code").GetString() == desk.Code);
        mine.GetProperty("waiting").GetInt32().ShouldBe(0);
        mine.GetProperty("todayCalled").GetInt32().ShouldBe(3);
        mine.GetProperty("openCounters").GetInt32().ShouldBe(2);

        // The KPI source (set-based, per unit): this desk's three waits are among the unit's visits of the day.
        var kpi = await fx.AsSystemAsync(async sp =>
        {
            var all = await sp.GetRequiredService<QueueDbContext>().QueueTickets.Where(t => t.ServiceDate == day && t.WaitSeconds != null).ToListAsync();
            var figures = await sp.GetRequiredService<QueueStats>().WaitingTimeByUnitAsync(day, day, QueueKpiPeriod.Day);
            return (Expected: Math.Round(all.Average(t => t.WaitSeconds!.Value) / 60.0, 2), Count: all.Count, Figures: figures);
        });
        var figure = kpi.Figures.Single();
        figure.PeriodStart.ShouldBe(day);
        figure.Visits.ShouldBe(kpi.Count);
        figure.AverageWaitMinutes.ShouldBe(kpi.Expected);
        var monthly = await officer.GetFromJsonAsync<JsonElement>($"{Api}/kpi/waiting-time?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&period=Month");
        monthly[0].GetProperty("periodStart").GetString().ShouldBe(new DateOnly(day.Year, day.Month, 1).ToString("yyyy-MM-dd"));
        await CommandAsync(officer, desk.Counter1, "sign-out");
        await CommandAsync(leader, desk.Counter2, "sign-out");
    }

    [Fact]
    public async Task The_kiosk_and_board_pages_work_without_login_for_the_desk_code_only()
    {
        var desk = await CreateDeskAsync();
        var anonymous = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync($"/Queue/Kiosk/{desk.Code}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Chạm vào lĩnh vực");
        html.ShouldContain("Người cao tuổi");

        var issued = await OneStopFactory.PostFormAsync(anonymous, $"/Queue/Kiosk/{desk.Code}", $"/Queue/Kiosk/{desk.Code}",
            new Dictionary<string, string> { ["Field"] = Land, ["PriorityGroup"] = QueuePriorityGroups.Disabled });
        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ticketHtml = await issued.Content.ReadAsStringAsync();
        ticketHtml.ShouldContain("data-testid=\"ticket-number\">001<");
        ticketHtml.ShouldContain("Người khuyết tật");
        var source = await fx.AsSystemAsync(sp => sp.GetRequiredService<QueueDbContext>().QueueTickets.Where(t => t.DeskId == desk.Id).Select(t => new { t.Source, t.CreatedBy }).SingleAsync());
        source.Source.ShouldBe(QueueTicketSources.Kiosk);
        source.CreatedBy.ShouldBe("kiosk");

        (await anonymous.GetAsync($"/Queue/Board/{desk.Code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/Queue/Book/{desk.Code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/Queue/Kiosk/KHONGCO")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The staff pages and the API still need a login.
        (await anonymous.GetAsync("/Queue/Console")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync($"{Api}/desks/{desk.Id}/board")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_desk_the_public_pages_say_so_and_offer_setup_to_those_allowed()
    {
        var anonymous = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/Queue/Kiosk/KHONGCO", "/Queue/Board/KHONGCO", "/Queue/Book/KHONGCO", "/Queue/Kiosk", "/Queue/Board" })
        {
            var response = await anonymous.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain("data-testid=\"queue-no-desk\"", customMessage: url);
            html.ShouldContain("Chưa có điểm phục vụ", customMessage: url);
            html.ShouldNotContain("queue-set-up-desks", customMessage: url);
        }

        var leader = await fx.SignInAsync(Leader);
        (await (await leader.GetAsync("/Queue/Kiosk/KHONGCO")).Content.ReadAsStringAsync()).ShouldContain("href=\"/Queue/Desks\" data-testid=\"queue-set-up-desks\"");
    }

    [Fact]
    public async Task The_old_Counters_addresses_lead_to_the_queue_module()
    {
        var anonymous = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync("/Counters/Queue/Kiosk/MC10507?x=1");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldBe("/Queue/Kiosk/MC10507?x=1");
        (await anonymous.GetAsync("/Counters/Queue")).Headers.Location!.OriginalString.ShouldBe("/Queue");

        var api = await anonymous.PostAsJsonAsync("/api/v1/counters/queue/desks", new { code = "X" });
        api.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        api.Headers.Location!.OriginalString.ShouldBe("/api/v1/queue/desks");
    }
}

[Collection("QueuePostgreSql")]
public sealed class PostgreSqlQueueApiTests(QueueFactory factory) : QueueApiTests<QueueFactory>(factory), IClassFixture<QueueFactory>;

[Collection("QueueSqlite")]
public sealed class SqliteQueueApiTests(SqliteQueueFactory factory) : QueueApiTests<SqliteQueueFactory>(factory), IClassFixture<SqliteQueueFactory>;
