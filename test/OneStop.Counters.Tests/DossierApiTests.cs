using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Kpis;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;
using OneStop.Platform.Web;

namespace OneStop.Counters.Tests;

/// <summary>The dossier lifecycle through HTTP: intake, routing to the district, supplement with the clock stopped, resolution, return.</summary>
public abstract class DossierApiTests<TFactory> where TFactory : OneStopFactory
{
    private readonly TFactory fx;

    /// <summary>
    /// Due dates need the calendar of the years they span (2021–2026 shipped): every test runs on a fixed working
    /// Monday unless it sets its own time, so the suite does not depend on the day it runs.
    /// </summary>
    protected DossierApiTests(TFactory fx)
    {
        this.fx = fx;
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
    }

    protected const string DeskA = "motcua.camthuong";   // Phường Cẩm Thượng (10507)
    private const string DeskB = "motcua.binhhan";     // Phường Bình Hàn (10510), sibling
    private const string WardLeader = "lanhdao.camthuong";
    private const string DistrictLeader = "lanhdao.tphd";
    private const string DistrictSpecialist = "chuyenvien.tphd";
    private const string CitizenId = "030090001234";

    internal static object BirthRegistration(object? resolvingUnitId = null, string identity = CitizenId) => new
    {
        procedureCode = "1.001193",
        applicant = new { kind = "CITIZEN", identity, name = "Nguyễn Văn An", dateOfBirth = "1990-05-12", address = "Phường Cẩm Thượng", phone = "0912345678" },
        components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        resolvingUnitId,
    };

    private Task<T> Counters<T>(Func<CountersDbContext, Task<T>> query) =>
        fx.AsSystemAsync(sp => query(sp.GetRequiredService<CountersDbContext>()));

    private Task<OneStop.Platform.AdministrativeUnits.AdministrativeUnit> Unit(string code) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == code));

    /// <summary>A district-level procedure with a legal time in working days and no required components.</summary>
    private Task<string> DistrictProcedure() => Counters(db => db.Procedures
        .Where(p => p.AtDistrict && !p.AtCommune && !p.AtProvince && !p.Components.Any(c => c.Required)
                    && p.LegalTimes.Any(t => t.Channel == "DIRECT" && t.Unit == "WORKING_DAY" && t.Value >= 3 && t.Value <= 10))
        .OrderBy(p => p.Code).Select(p => p.Code).FirstAsync());

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(expected, body.ToString());
        return body;
    }

    [Fact]
    public async Task The_menu_counts_what_waits_in_every_queue_of_the_person_as_the_work_page_does()
    {
        // The menu's count is one statement over the person's queues (a UNION ALL counted per queue): it must add up to
        // the queues' own counts, on both databases, for a person with several queues.
        var desk = await fx.SignInAsync(DeskA);
        await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration()), HttpStatusCode.Created);
        await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration()), HttpStatusCode.Created);
        foreach (var person in new[] { DeskA, WardLeader })
        {
            var client = person == DeskA ? desk : await fx.SignInAsync(person);
            var queues = (await client.GetFromJsonAsync<JsonElement>("/api/v1/counters/work")).EnumerateArray().ToList();
            queues.Count.ShouldBeGreaterThan(person == DeskA ? 1 : 0, person);
            var waiting = queues.Sum(q => q.GetProperty("count").GetInt32());
            var page = await client.GetStringAsync("/Counters/Work");
            var badge = System.Text.RegularExpressions.Regex.Match(page, "href=\"/Counters/Work\"[^>]*>[^\\n]*?data-testid=\"menu-count\">(\\d+)<");
            (badge.Success ? int.Parse(badge.Groups[1].Value) : 0).ShouldBe(waiting, person);
        }
    }

    [Fact]
    public async Task Desk_intake_numbers_the_dossier_and_computes_its_due_date_with_an_explanation()
    {
        var desk = await fx.SignInAsync(DeskA);
        // Set right before the intake (the clock stands still on the test server; a running one would cross a minute).
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var dossier = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration()), HttpStatusCode.Created);
            dossier.GetProperty("code").GetString()!.ShouldMatch(@"^MC10507-261207-\d{4}$");
            dossier.GetProperty("status").GetString().ShouldBe(DossierStatuses.Received);
            dossier.GetProperty("resolvingUnitName").GetString().ShouldBe("Phường Cẩm Thượng");
            // 1 working day from Monday 09:00 → Tuesday 09:00.
            dossier.GetProperty("dueAt").GetString().ShouldBe("2026-12-08T02:00:00+00:00");
            var explanation = string.Join("\n", dossier.GetProperty("dueExplanation").EnumerateArray().Select(e => e.GetString()));
            explanation.ShouldContain("Tiếp nhận lúc");
            explanation.ShouldContain("Hạn giải quyết");
            dossier.GetProperty("components").GetArrayLength().ShouldBe(3);
            dossier.GetProperty("handovers")[0].GetProperty("kind").GetString().ShouldBe("RECEPTION");
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task An_English_reader_gets_the_intake_API_validation_in_English_with_the_stable_code()
    {
        var desk = await fx.SignInAsync(DeskA);
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/counters/dossiers") { Content = JsonContent.Create(BirthRegistration(identity: "03009000123")) };
        english.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9"); // the host offers vi-VN and en-US
        var problem = await Ok(await desk.SendAsync(english), HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe(PlatformErrorCodes.ValidationFailed);
        problem.GetProperty("title").GetString().ShouldBe("The data is not valid.");
        problem.GetProperty("errors").GetProperty("Applicant.Identity")[0].GetString()
            .ShouldBe("The personal identification number (citizen ID) must be exactly 12 digits.");

        // Without the header the API speaks Vietnamese, the product's first language.
        var vietnamese = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration(identity: "03009000123")), HttpStatusCode.BadRequest);
        vietnamese.GetProperty("code").GetString().ShouldBe(PlatformErrorCodes.ValidationFailed);
        vietnamese.GetProperty("title").GetString().ShouldBe("Dữ liệu không hợp lệ.");
        vietnamese.GetProperty("errors").GetProperty("Applicant.Identity")[0].GetString()
            .ShouldBe("Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.");
    }

    [Fact]
    public async Task The_intake_page_in_English_shows_labels_and_the_English_rule_not_the_framework_message()
    {
        var desk = await fx.SignInAsync(DeskA);
        const string page = "/Counters/Dossiers/Intake?procedure=1.001193";
        // The language switch of the menu: the culture cookie, as a person sets it.
        (await OneStopFactory.PostFormAsync(desk, page, "/Account/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var form = await desk.GetStringAsync(page);
        form.ShouldContain(">At the desk<");      // channel DIRECT by its label
        form.ShouldContain(">Citizen<");          // applicant kind CITIZEN by its label
        form.ShouldNotContain(">DIRECT<");
        form.ShouldNotContain("DIRECT:");         // the legal time per channel, labelled too

        using var posted = await desk.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ApplicantKind"] = "CITIZEN", ["Input.Identity"] = "", ["Input.Name"] = "Nguyen Van An",
            ["Input.Channel"] = "DIRECT", ["Input.ReturnMethod"] = "DESK", ["Input.Components"] = "HT-TK-KS",
            ["__RequestVerificationToken"] = OneStopFactory.AntiforgeryToken(form),
        }));
        var html = await posted.Content.ReadAsStringAsync();
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("The personal identification number (citizen ID) must be exactly 12 digits.");
        // An empty identity: only the rule speaks, no framework "The Identity field is required." shown beside it (text
        // between tags; the client-side data-val-* attributes come from the host's metadata, not from this page).
        Regex.IsMatch(html, @">[^<]*The [A-Za-z.]+ field is required").ShouldBeFalse();
        html.ShouldNotContain("CCCD) phải gồm");
    }

    [Fact]
    public async Task Missing_components_and_a_malformed_citizen_id_are_refused_in_Vietnamese()
    {
        var desk = await fx.SignInAsync(DeskA);
        var missing = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity = CitizenId, name = "Nguyễn Văn An" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" } },
        });
        var body = await Ok(missing, HttpStatusCode.BadRequest);
        body.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ComponentsIncomplete);
        body.GetProperty("errors").GetProperty("Components").EnumerateArray().Select(e => e.GetString()).ShouldContain(m => m!.Contains("Giấy chứng sinh"));

        var badId = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration(identity: "03009000123"));
        var problem = await Ok(badId, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe(PlatformErrorCodes.ValidationFailed);
        problem.GetProperty("errors").GetProperty("Applicant.Identity")[0].GetString()!.ShouldContain("12 chữ số");

        var unknown = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "9.999999", applicant = new { kind = "CITIZEN", identity = CitizenId, name = "Nguyễn Văn An" },
        });
        (await Ok(unknown, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe(CountersErrorCodes.ProcedureNotFound);
        (await Counters(db => db.Dossiers.CountAsync(d => d.ApplicantIdentity == "03009000123"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_dossier_goes_from_the_commune_desk_to_the_district_through_a_supplement_to_its_return()
    {
        var procedure = await DistrictProcedure();
        var district = await Unit("288");
        fx.Clock.SetVietnamTime(2026, 12, 7, 9); // Monday
        try
        {
            var desk = await fx.SignInAsync(DeskA);
            var intake = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
            {
                procedureCode = procedure,
                applicant = new { kind = "CITIZEN", identity = CitizenId, name = "Nguyễn Văn An" },
            }), HttpStatusCode.Created);
            var id = intake.GetProperty("id").GetGuid();
            intake.GetProperty("resolvingUnitName").GetString().ShouldBe("Thành phố Hải Dương");
            var firstDue = intake.GetProperty("dueAt").GetDateTimeOffset();

            // The commune desk hands it to the district electronically (liên thông).
            var routed = await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/route", new { toUnitId = district.Id, electronic = true, note = "Chuyển UBND thành phố" }));
            routed.GetProperty("status").GetString().ShouldBe(DossierStatuses.Processing);
            routed.GetProperty("currentUnitName").GetString().ShouldBe("Thành phố Hải Dương");

            var leader = await fx.SignInAsync(DistrictLeader);
            await Ok(await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/assign", new { assignee = DistrictSpecialist }));
            var specialist = await fx.SignInAsync(DistrictSpecialist);
            var inbox = await Ok(await specialist.GetAsync("/api/v1/counters/dossiers/inbox"));
            inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);

            fx.Clock.SetVietnamTime(2026, 12, 8, 9); // Tuesday: supplement requested, the clock stops
            // Sessions last a working day: sign in again after moving the clock.
            specialist = await fx.SignInAsync(DistrictSpecialist);
            leader = await fx.SignInAsync(DistrictLeader);
            var stopped = await Ok(await specialist.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/request-supplement", new { reason = "Bổ sung bản sao giấy tờ về quyền sử dụng đất" }));
            stopped.GetProperty("status").GetString().ShouldBe(DossierStatuses.SupplementRequested);
            stopped.GetProperty("clockStoppedSince").ValueKind.ShouldNotBe(JsonValueKind.Null);
            // A stopped dossier cannot be resolved.
            var early = await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "x" });
            (await Ok(early, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe(CountersErrorCodes.DossierTransitionNotAllowed);

            fx.Clock.SetVietnamTime(2026, 12, 10, 9); // Thursday: the applicant supplements at the commune desk
            desk = await fx.SignInAsync(DeskA);
            var resumed = await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/supplement", new { note = "Đã nhận bản sao" }));
            resumed.GetProperty("status").GetString().ShouldBe(DossierStatuses.Processing);
            var newDue = resumed.GetProperty("dueAt").GetDateTimeOffset();
            // Two working days stopped (Tue 09:00 → Thu 09:00): the due date moves two working days later.
            (newDue - firstDue).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(2));
            string.Join("\n", resumed.GetProperty("dueExplanation").EnumerateArray().Select(e => e.GetString())).ShouldContain("Ngừng tính thời gian");

            fx.Clock.SetVietnamTime(2026, 12, 11, 10);
            leader = await fx.SignInAsync(DistrictLeader);
            desk = await fx.SignInAsync(DeskA);
            var resolved = await Ok(await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Cấp giấy chứng nhận" }));
            resolved.GetProperty("status").GetString().ShouldBe(DossierStatuses.Resolved);
            resolved.GetProperty("currentUnitName").GetString().ShouldBe("Phường Cẩm Thượng");
            resolved.GetProperty("isOverdue").GetBoolean().ShouldBeFalse();

            var returned = await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/return", new { method = "DESK" }));
            returned.GetProperty("status").GetString().ShouldBe(DossierStatuses.Returned);
            var kinds = returned.GetProperty("handovers").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
            kinds.ShouldBe(["RECEPTION", "ROUTING", "ASSIGNMENT", "RESULT", "RETURN"]);
            returned.GetProperty("handovers").EnumerateArray().ShouldAllBe(h => h.GetProperty("receivedAt").ValueKind != JsonValueKind.Null);
            returned.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("transition").GetString()).ShouldBe(
                ["SUBMITTED", "RECEIVED", "ROUTED", "ASSIGNED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "RESOLVED", "RETURNED"]);

            // Every transition is published through the outbox and audited (desk intake is one event: submitted and received at once).
            var events = await Counters(db => db.Set<OutboxMessage>().Where(m => m.Type.Contains(nameof(DossierChanged)) && m.Payload.Contains(id.ToString())).CountAsync());
            events.ShouldBe(7);
            await fx.SealAuditAsync<CountersDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
            var audited = await Counters(db => db.Set<OneStop.Platform.Auditing.AuditRecord>().CountAsync(a => a.EntityType.EndsWith("Dossier") && a.EntityId == id.ToString()));
            audited.ShouldBeGreaterThanOrEqualTo(7);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task Fees_are_copied_at_intake_and_how_they_were_paid_is_recorded_for_the_online_payment_indicator()
    {
        // Đăng ký thường trú (commune police): the catalogue charges 20,000 đ at the desk.
        var procedure = await Counters(db => db.Procedures.Where(p => p.Code == "1.004222")
            .Select(p => new
            {
                p.Code, Fee = p.Fees.Where(f => f.Channel == "DIRECT").Sum(f => f.AmountVnd),
                Components = p.Components.Where(c => c.Required).Select(c => new { documentTypeCode = c.DocumentTypeCode }).ToList(),
            }).SingleAsync());
        procedure.Fee.ShouldBeGreaterThan(0m);
        var desk = await fx.SignInAsync(DeskA);
        object Intake(string? paymentMethod) => new
        {
            procedureCode = procedure.Code, applicant = new { kind = "CITIZEN", identity = CitizenId, name = "Nguyễn Văn An" }, components = procedure.Components, paymentMethod,
        };

        var atDesk = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(null)), HttpStatusCode.Created);
        atDesk.GetProperty("feeVnd").GetDecimal().ShouldBe(procedure.Fee);
        atDesk.GetProperty("paymentMethod").GetString().ShouldBe(PaymentMethods.Desk);
        var online = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake(PaymentMethods.Online)), HttpStatusCode.Created);
        online.GetProperty("paymentMethod").GetString().ShouldBe(PaymentMethods.Online);
        var wrong = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", Intake("CASH")), HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").GetProperty("PaymentMethod")[0].GetString()!.ShouldContain("Hình thức thanh toán");

        // No fee, no payment: birth registration is free.
        var free = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration()), HttpStatusCode.Created);
        free.GetProperty("feeVnd").GetDecimal().ShouldBe(0m);
        free.GetProperty("paymentMethod").ValueKind.ShouldBe(JsonValueKind.Null);

        // A financial obligation, paid online.
        var id = atDesk.GetProperty("id").GetGuid();
        var leader = await fx.SignInAsync(WardLeader);
        await Ok(await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/assign", new { assignee = DeskA }));
        await Ok(await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/request-financial-obligation", new { amountVnd = 1_500_000, reason = "Lệ phí trước bạ" }));
        fx.Clock.SetVietnamTime(2026, 12, 8, 10); // paid the next morning: the clock resumes
        try
        {
            leader = await fx.SignInAsync(WardLeader);
            var paid = await Ok(await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/financial-obligation-met", new { paymentMethod = PaymentMethods.Online }));
            paid.GetProperty("status").GetString().ShouldBe(DossierStatuses.Processing);
            paid.GetProperty("paymentMethod").GetString().ShouldBe(PaymentMethods.Online);
            (await Counters(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.PaymentMethod).SingleAsync())).ShouldBe(PaymentMethods.Online);
        }
        finally
        {
            fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        }
    }

    [Fact]
    public async Task Every_kpi_calculator_of_the_host_computes_on_this_database()
    {
        // The embedded SQLite default runs the same calculators (incremental job): each must translate there too.
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var desk = await fx.SignInAsync(DeskA);
            await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration()), HttpStatusCode.Created);
            var rows = await fx.AsSystemAsync(async sp =>
            {
                var all = new List<KpiRow>();
                foreach (var calculator in sp.GetServices<IKpiCalculator>())
                {
                    foreach (var period in new[] { KpiPeriod.ForMonth(2026, 12), KpiPeriod.ForDay(new DateOnly(2026, 12, 7)), KpiPeriod.ForYear(2026) })
                    {
                        all.AddRange(await calculator.ComputeAsync(period));
                        foreach (var code in calculator.KpiCodes)
                        {
                            await calculator.DetailsAsync(code, period, "/30/", 5);
                        }
                    }

                    (await calculator.ChangedDaysAsync(fx.Clock.GetUtcNow().AddDays(-1))).ShouldNotBeNull();
                }

                return all;
            });
            rows.ShouldContain(r => r.KpiCode == OneStop.Counters.Features.Kpis.CountersKpiCodes.OnlineShare && r.UnitPath == "/30/288/10507/" && r.Denominator > 0);
            rows.ShouldContain(r => r.KpiCode == OneStop.Counters.Features.Kpis.CountersKpiCodes.I766PopulationData && r.UnitPath == "/30/288/10507/");
            rows.ShouldContain(r => r.KpiCode == OneStop.Counters.Features.Kpis.CountersKpiCodes.I766PublishedInFull && r.UnitPath == "/30/288/10507/" && r.Denominator > 0);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task Permissions_are_checked_per_transition()
    {
        var desk = await fx.SignInAsync(DeskA);
        var id = (await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Approving a result is for unit leaders, not desk officers.
        var denied = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Đã cấp giấy khai sinh" });
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var leader = await fx.SignInAsync(WardLeader);
        await Ok(await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Đã cấp giấy khai sinh" }));
        // Returning twice is a state error with a Vietnamese message.
        await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/return", new { method = "ELECTRONIC" }));
        var twice = await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/return", new { method = "DESK" }), HttpStatusCode.Conflict);
        twice.GetProperty("title").GetString()!.ShouldContain("Đã trả kết quả");
    }

    [Fact]
    public async Task A_sibling_commune_cannot_read_or_change_a_dossier_even_by_id_or_code()
    {
        var deskA = await fx.SignInAsync(DeskA);
        var created = await Ok(await deskA.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration()), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var code = created.GetProperty("code").GetString();

        var deskB = await fx.SignInAsync(DeskB);
        (await deskB.GetAsync($"/api/v1/counters/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deskB.GetAsync($"/api/v1/counters/dossiers/by-code/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deskB.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/withdraw", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await Ok(await deskB.GetAsync("/api/v1/counters/dossiers?pageSize=200"));
        list.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == id);

        // The district and the province see it.
        (await (await fx.SignInAsync(DistrictLeader)).GetAsync($"/api/v1/counters/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await fx.SignInAsync("lanhdao.tinh")).GetAsync($"/api/v1/counters/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_location_independent_dossier_is_seen_by_exactly_the_receiving_and_the_resolving_unit()
    {
        var wardA = await Unit("10507");
        var deskB = await fx.SignInAsync(DeskB);
        // Received at Bình Hàn for a birth to be registered by Cẩm Thượng.
        var created = await Ok(await deskB.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration(wardA.Id)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("code").GetString()!.ShouldStartWith("MC10510-");
        created.GetProperty("resolvingUnitName").GetString().ShouldBe("Phường Cẩm Thượng");

        var deskA = await fx.SignInAsync(DeskA);
        (await deskA.GetAsync($"/api/v1/counters/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The resolving unit may handle it, and the result comes back to the receiving desk.
        await Ok(await deskA.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/assign", new { assignee = DeskA }));
        var leaderA = await fx.SignInAsync(WardLeader);
        var resolved = await Ok(await leaderA.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/resolve", new { resultSummary = "Giấy khai sinh bản chính" }));
        resolved.GetProperty("currentUnitName").GetString().ShouldBe("Phường Bình Hàn");
        await Ok(await deskB.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/return", new { method = "DESK" }));

        // Any other commune (Chí Linh's first ward) sees nothing, even by exact code through the module API.
        var other = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits
            .Where(u => u.Level == UnitLevels.Commune && !u.Path.StartsWith("/30/288/")).OrderBy(u => u.Code).FirstAsync());
        var seen = await fx.InScopeAsync(new UnitScope(other.Id, other.Path, other.Name),
            sp => sp.GetRequiredService<ICountersApi>().FindDossierByCodeAsync(created.GetProperty("code").GetString()!));
        seen.ShouldBeNull();
    }

    [Fact]
    public async Task Another_units_procedure_that_is_not_location_independent_is_refused()
    {
        var procedure = await Counters(db => db.Procedures.Where(p => p.AtCommune
            && !db.LocationIndependentDecisions.Any(d => d.Procedures.Any(x => x.ProcedureCode == p.Code))
            && p.LegalTimes.Any() && !p.Components.Any(c => c.Required)).OrderBy(p => p.Code).Select(p => p.Code).FirstAsync());
        var wardA = await Unit("10507");
        var deskB = await fx.SignInAsync(DeskB);
        var refused = await deskB.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = procedure, applicant = new { kind = "CITIZEN", identity = CitizenId, name = "Nguyễn Văn An" }, resolvingUnitId = wardA.Id,
        });
        var body = await Ok(refused, HttpStatusCode.BadRequest);
        body.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.NotLocationIndependent);
        body.GetProperty("title").GetString()!.ShouldContain("không phụ thuộc địa giới");
    }

    [Fact]
    public async Task Online_dossiers_wait_for_reception_and_the_public_lookup_shows_the_status_without_identity_data()
    {
        var desk = await fx.SignInAsync(DeskA);
        var body = (Dictionary<string, object?>)JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(BirthRegistration()))!;
        body["channel"] = "ONLINE";
        var created = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", body), HttpStatusCode.Created);
        created.GetProperty("status").GetString().ShouldBe(DossierStatuses.New);
        created.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var id = created.GetProperty("id").GetGuid();
        var received = await Ok(await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/receive", new { }));
        received.GetProperty("status").GetString().ShouldBe(DossierStatuses.Received);
        received.GetProperty("dueAt").ValueKind.ShouldNotBe(JsonValueKind.Null);

        // The code alone is not enough (ADR 0042): the last four digits of the applicant's identity number go with it.
        var anonymous = fx.CreateClient();
        var code = created.GetProperty("code").GetString();
        var status = await Ok(await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}?last4={CitizenId[^4..]}"));
        status.GetProperty("statusName").GetString().ShouldBe("Đã tiếp nhận");
        status.GetProperty("applicantName").GetString().ShouldBe("N***** V** An");
        status.ToString().ShouldNotContain(CitizenId);
        (await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}?last4=9999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/api/v1/counters/public/dossiers/MC10507-991231-9999?last4=1234")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class PostgreSqlDossierApiTests(OneStopFactory factory) : DossierApiTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>
{
    private readonly OneStopFactory _fx = factory;

    /// <summary>Dossier codes are gap-free and unique per agency per day under concurrent intake.</summary>
    [Fact]
    public async Task Fifty_parallel_intakes_at_one_agency_on_one_day_get_fifty_consecutive_codes()
    {
        _fx.Clock.SetVietnamTime(2026, 12, 14, 9);
        try
        {
            var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _fx.SignInAsync(DeskA)));
            var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                clients[i % clients.Length].PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration())));
            var codes = new List<string>();
            foreach (var response in responses)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
                codes.Add(body.GetProperty("code").GetString()!);
            }

            codes.Distinct().Count().ShouldBe(50);
            codes.ShouldAllBe(c => c.StartsWith("MC10507-261214-"));
            codes.Select(c => int.Parse(c[^4..])).Order().ShouldBe(Enumerable.Range(1, 50));
        }
        finally
        {
            _fx.Clock.Reset();
        }
    }
}

public sealed class SqliteDossierApiTests(SqliteOneStopFactory factory) : DossierApiTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
