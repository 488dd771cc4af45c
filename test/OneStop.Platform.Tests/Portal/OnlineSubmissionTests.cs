using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Kpis;
using OneStop.Platform.TestKit;
using OneStop.Portal.Features.Submissions;
using OneStop.Portal.Infrastructure;

namespace OneStop.Platform.Tests.Portal;

/// <summary>
/// Online submission from our own portal end to end on PostgreSQL (issue 18 item 3, ADR 0049): a citizen signed in
/// through the VNeID simulator fills the procedure's e-form, uploads through the upload guard, pays the fee on the
/// payment platform's simulator and submits; the result is a NEW online dossier the desk receives (counted by the
/// online-share and online-payment KPIs) or refuses with a reason. A form missing a required field, a refused file and
/// an unpaid fee keep nothing; another citizen cannot open or submit the draft.
/// </summary>
public sealed class OnlineSubmissionTests(OnlineSubmissionTests.Fixture fx) : IClassFixture<OnlineSubmissionTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Sandbox:payment:LatencyMilliseconds", "1")
            .With("Integration:PortalSubmissions:Enabled", "false");
    }

    private const string Procedure = "1.001193";
    private const string Citizen = "030090001234";
    private const string Desk = "motcua.camthuong"; // acts for Phường Thành Đông (code 10507) since 2025-07-01

    private const string Schema = """
        {"type":"object","properties":{
          "noiSinh":{"type":"string","title":"Nơi sinh","maxLength":200},
          "soConThu":{"type":"integer","title":"Là con thứ mấy","minimum":1,"maximum":20}},
         "required":["noiSinh"]}
        """;

    /// <summary>Đăng ký khai sinh with an e-form, received online for a 10,000 đ fee, from today.</summary>
    private async Task OnlineVersionAsync()
    {
        var admin = await fx.SignInAsync("admin");
        var response = await admin.PostAsJsonAsync($"/api/v1/counters/catalogue/procedures/{Procedure}/versions", new
        {
            effectiveFrom = "2026-12-07", reason = "Quyết định số 99/QĐ-UBND ngày 01/12/2026", name = "Thủ tục đăng ký khai sinh", field = "Hộ tịch",
            levels = new[] { "commune" }, executingAgency = "UBND cấp xã", onlinePartial = false, fullyOnline = true, postalAllowed = true,
            legalTimes = new[] { new { channel = "DIRECT", value = 1m, unit = "WORKING_DAY" }, new { channel = "ONLINE", value = 1m, unit = "WORKING_DAY" } },
            fees = new[] { new { channel = "ONLINE", kind = "FEE", amountVnd = 10_000m, exemption = (string?)null } },
            components = new[]
            {
                new { documentTypeCode = "HT-TK-KS", name = (string?)null, required = true, submissionForm = "ORIGINAL" },
                new { documentTypeCode = "CD-CCCD", name = (string?)null, required = false, submissionForm = "COPY" },
            },
            resultTypes = new[] { "Giấy khai sinh (bản chính)" },
            formSchema = Schema,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private Task<(Guid Id, string Path)> WardAsync() => fx.AsSystemAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<IAdministrativeUnitDirectory>().FindByCodeAsync("10507", new DateOnly(2026, 12, 7)))!;
        return (unit.Id, unit.Path);
    });

    private static HttpContent File(byte[] bytes) => new ByteArrayContent(bytes);

    private static byte[] Pdf(string text) => new OneStop.Platform.Documents.PdfWriter(text, "test").NewPage().Text(text).ToArray();

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string page, Dictionary<string, string> fields, params (string Name, string FileName, byte[] Bytes)[] files)
    {
        var html = await client.GetStringAsync(page);
        using var form = new MultipartFormDataContent { { new StringContent(OneStopFactory.AntiforgeryToken(html)), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (name, fileName, bytes) in files)
        {
            form.Add(File(bytes), name, fileName);
        }

        return await client.PostAsync("/Portal/Submission?handler=Save", form);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid draft, string handler) =>
        OneStopFactory.PostFormAsync(client, $"/Portal/Submission?id={draft}", $"/Portal/Submission?handler={handler}", new() { ["id"] = draft.ToString() });

    private Dictionary<string, string> Valid(Guid unit) => new()
    {
        ["code"] = Procedure, ["unitId"] = unit.ToString(), ["returnMethod"] = "ELECTRONIC", ["applicantAddress"] = "Số 5 phố Nguyễn Du, Phường Thành Đông",
        ["f.noiSinh"] = "Bệnh viện Đa khoa tỉnh Hải Dương", ["f.soConThu"] = "2",
    };

    private Task<List<SubmissionDraft>> DraftsOf(string identity) => fx.AsSystemAsync(sp =>
        sp.GetRequiredService<PortalDbContext>().SubmissionDrafts.AsNoTracking().Where(d => d.OwnerIdentity == identity).ToListAsync());

    private static Guid DraftIdOf(HttpResponseMessage saved)
    {
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(Regex.Match(saved.Headers.Location!.ToString(), "id=([0-9a-f-]{36})").Groups[1].Value);
    }

    /// <summary>Saves a complete draft, pays on the simulator's page, submits; answers the dossier code.</summary>
    private async Task<string> SubmitPaidAsync(HttpClient citizen, Guid unit)
    {
        var draft = DraftIdOf(await SaveAsync(citizen, $"/Portal/Submission?code={Procedure}", Valid(unit), ("file.HT-TK-KS", "to-khai.pdf", Pdf("Tờ khai đăng ký khai sinh"))));
        var pay = await PostAsync(citizen, draft, "Pay");
        pay.StatusCode.ShouldBe(HttpStatusCode.Redirect, await pay.Content.ReadAsStringAsync());
        var platform = pay.Headers.Location!;
        platform.AbsolutePath.ShouldStartWith("/sandbox/payment/pay/");
        (await citizen.GetStringAsync(platform.PathAndQuery)).ShouldContain("10.000");
        var paid = await citizen.PostAsync(platform.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paid.Headers.Location!.PathAndQuery.ShouldStartWith($"/Portal/Submission?id={draft}");
        WebUtility.HtmlDecode(await citizen.GetStringAsync($"/Portal/Submission?id={draft}")).ShouldContain("Đã thanh toán 10.000");

        var submitted = await PostAsync(citizen, draft, "Submit");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync()));
        var page = await citizen.GetStringAsync($"/Portal/Submission?id={draft}");
        page.ShouldContain("data-testid=\"submission-done\"");
        var row = (await DraftsOf(Citizen)).Single(d => d.Id == draft);
        row.Status.ShouldBe(SubmissionDraft.Submitted);
        page.ShouldContain(row.DossierCode!);
        return row.DossierCode!;
    }

    private static async Task<JsonElement> NewOnlineDossierAsync(HttpClient desk, string code)
    {
        var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers?channel=ONLINE&status=NEW&pageSize=100");
        var id = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        return await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}");
    }

    [Fact]
    public async Task A_citizen_submits_a_paid_e_form_online_and_the_desk_receives_one_and_refuses_another_with_a_reason()
    {
        // Signed in through VNeID at the real time (the provider's tokens carry it), then the working day of the test.
        var citizen = await CitizenSignIn.SignInAsync(fx, Citizen, "Nguyễn Văn An", returnUrl: "/Portal/MyDossiers");
        var other = await CitizenSignIn.SignInAsync(fx, "030090004321", "Trần Thị Bình", returnUrl: "/Portal/MyDossiers");
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            await OnlineVersionAsync();
            var (unit, unitPath) = await WardAsync();
            var procedurePage = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/Portal/Procedure/{Procedure}"));
            procedurePage.ShouldContain($"/Portal/Submission?code={Procedure}");
            var form = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/Portal/Submission?code={Procedure}"));
            form.ShouldContain("Nơi sinh");
            form.ShouldContain("Nguyễn Văn An"); // prefilled from VNeID, read-only
            form.ShouldContain(unit.ToString());

            // The e-form misses its required field: the page says which, in Vietnamese; no draft is stored.
            var missing = Valid(unit);
            missing.Remove("f.noiSinh");
            var refusedForm = await SaveAsync(citizen, $"/Portal/Submission?code={Procedure}", missing, ("file.HT-TK-KS", "to-khai.pdf", Pdf("Tờ khai")));
            refusedForm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var refusedFormPage = WebUtility.HtmlDecode(await refusedForm.Content.ReadAsStringAsync());
            refusedFormPage.ShouldContain("data-testid=\"submission-errors\"");
            Regex.Match(refusedFormPage, "data-testid=\"error-noiSinh\">([^<]+)<").Groups[1].Value.ShouldContain("Nơi sinh");
            (await DraftsOf(Citizen)).ShouldBeEmpty();

            // A file the upload guard refuses (text named .pdf): its message on the page, nothing kept.
            var refusedFile = await SaveAsync(citizen, $"/Portal/Submission?code={Procedure}", Valid(unit), ("file.HT-TK-KS", "to-khai.pdf", "không phải PDF"u8.ToArray()));
            refusedFile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            WebUtility.HtmlDecode(await refusedFile.Content.ReadAsStringAsync()).ShouldContain("Loại tệp không được chấp nhận");
            (await DraftsOf(Citizen)).ShouldBeEmpty();

            // A complete draft cannot be submitted before the fee is paid.
            var draft = DraftIdOf(await SaveAsync(citizen, $"/Portal/Submission?code={Procedure}", Valid(unit), ("file.HT-TK-KS", "to-khai.png", SampleFiles.Png())));
            var unpaid = await PostAsync(citizen, draft, "Submit");
            unpaid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            WebUtility.HtmlDecode(await unpaid.Content.ReadAsStringAsync()).ShouldContain("xin thanh toán trước khi nộp");
            (await DraftsOf(Citizen)).Single().Status.ShouldBe(SubmissionDraft.Drafting);

            // A document of the citizen's data store (digitised at the ward) is reused once the citizen consents for the ward.
            var scanner = await fx.SignInAsync(Desk);
            Guid documentId;
            using (var upload = new MultipartFormDataContent())
            {
                upload.Add(new ByteArrayContent(Pdf("Căn cước công dân")), "file", "cccd.pdf");
                foreach (var (key, value) in new Dictionary<string, string>
                {
                    ["kind"] = "COMPONENT", ["name"] = "Căn cước Nguyễn Văn An", ["documentTypeCode"] = "CD-CCCD", ["applicantIdentity"] = Citizen, ["applicantName"] = "Nguyễn Văn An",
                })
                {
                    upload.Add(new StringContent(value), key);
                }

                var stored = await scanner.PostAsync("/api/v1/digitization/documents", upload);
                stored.StatusCode.ShouldBe(HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());
                documentId = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            var consenting = Valid(unit);
            consenting["id"] = draft.ToString();
            consenting["reuseConsent"] = "true";
            (await SaveAsync(citizen, $"/Portal/Submission?id={draft}", consenting)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var offered = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/Portal/Submission?id={draft}"));
            offered.ShouldContain(documentId.ToString());
            consenting["reuse.CD-CCCD"] = documentId.ToString();
            (await SaveAsync(citizen, $"/Portal/Submission?id={draft}", consenting)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            WebUtility.HtmlDecode(await citizen.GetStringAsync($"/Portal/Submission?id={draft}")).ShouldContain("data-testid=\"have-CD-CCCD\"");

            // Another citizen can neither open nor submit it (as if it did not exist).
            (await other.GetAsync($"/Portal/Submission?id={draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var token = OneStopFactory.AntiforgeryToken(await other.GetStringAsync($"/Portal/Submission?code={Procedure}"));
            foreach (var handler in new[] { "Submit", "Pay", "Save" })
            {
                (await other.PostAsync($"/Portal/Submission?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["id"] = draft.ToString(),
                }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            }

            // Staff cookies do not open the page: it asks for the citizen's sign-in.
            var desk = await fx.SignInAsync(Desk);
            (await desk.GetAsync($"/Portal/Submission?code={Procedure}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            // The first draft is paid and submitted: a NEW online dossier, paid online, at the chosen ward.
            var pay = await PostAsync(citizen, draft, "Pay");
            var platform = pay.Headers.Location!;
            (await citizen.PostAsync(platform.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await PostAsync(citizen, draft, "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var first = (await DraftsOf(Citizen)).Single(d => d.Id == draft).DossierCode!;
            // Submitting again files nothing new.
            (await PostAsync(citizen, draft, "Submit")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

            var dossier = await NewOnlineDossierAsync(desk, first);
            dossier.GetProperty("status").GetString().ShouldBe("NEW");
            dossier.GetProperty("channel").GetString().ShouldBe("ONLINE");
            dossier.GetProperty("paymentMethod").GetString().ShouldBe("ONLINE");
            dossier.GetProperty("feeVnd").GetDecimal().ShouldBe(10_000m);
            dossier.GetProperty("formData").GetProperty("noiSinh").GetString().ShouldBe("Bệnh viện Đa khoa tỉnh Hải Dương");
            dossier.GetProperty("note").GetString()!.ShouldContain("Đã thanh toán trực tuyến 10.000 đ");
            var components = dossier.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("documentTypeCode").GetString()!, c => c);
            components["HT-TK-KS"].GetProperty("source").GetString().ShouldBe("SUBMITTED");
            components["CD-CCCD"].GetProperty("source").GetString().ShouldBe("REUSED_COMPONENT");
            components["CD-CCCD"].GetProperty("reusedDocumentId").GetGuid().ShouldBe(documentId);
            // The desk opens the file the citizen uploaded from the dossier's page, byte for byte.
            var detail = WebUtility.HtmlDecode(await desk.GetStringAsync($"/Counters/Dossiers/Detail?id={dossier.GetProperty("id").GetGuid()}"));
            var fileLink = Regex.Match(detail, @"href=""(/Counters/Dossiers/Detail\?[^""]*handler=ComponentFile[^""]*)""[^>]*>[^<]*to-khai\.png").Groups[1].Value;
            fileLink.ShouldNotBeEmpty("the dossier page links the uploaded file");
            (await desk.GetByteArrayAsync(fileLink)).ShouldBe(SampleFiles.Png());
            (await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{dossier.GetProperty("id").GetGuid()}/receive", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

            // A second one, refused by the desk with a reason.
            var second = await SubmitPaidAsync(citizen, unit);
            var refused = await NewOnlineDossierAsync(desk, second);
            var refuse = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{refused.GetProperty("id").GetGuid()}/refuse", new { reason = "Giấy chứng sinh không rõ nét, đề nghị nộp lại." });
            refuse.StatusCode.ShouldBe(HttpStatusCode.OK, await refuse.Content.ReadAsStringAsync());
            (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{refused.GetProperty("id").GetGuid()}")).GetProperty("status").GetString().ShouldBe("REFUSED");

            // The applicant is told as for any dossier (ADR 0043): the reception of the first, the refusal of the second.
            var relay = fx.Services.GetRequiredService<OneStop.Platform.Messaging.OutboxRelay>();
            for (var round = 0; round < 5 && await relay.RelayOnceAsync() > 0; round++)
            {
            }

            var told = await fx.AsSystemAsync(sp => sp.GetRequiredService<OneStop.Platform.Persistence.PlatformDbContext>().NotificationDeliveries.AsNoTracking()
                .Where(d => d.DossierCode == first || d.DossierCode == second).Select(d => new { d.DossierCode, d.Kind }).ToListAsync());
            told.ShouldContain(t => t.DossierCode == first && t.Kind == OneStop.Platform.Notifications.NotificationKinds.Received);
            told.ShouldContain(t => t.DossierCode == second && t.Kind == OneStop.Platform.Notifications.NotificationKinds.Refused);

            // The received online dossier counts in the online-share and online-payment indicators of the ward.
            var rows = await fx.AsSystemAsync(async sp =>
            {
                var all = new List<KpiRow>();
                foreach (var calculator in sp.GetServices<IKpiCalculator>().Where(c => c.KpiCodes.Contains("plan.online-share")))
                {
                    all.AddRange(await calculator.ComputeAsync(KpiPeriod.ForDay(new DateOnly(2026, 12, 7))));
                }

                return all;
            });
            rows.ShouldContain(r => r.KpiCode == "plan.online-share" && r.UnitPath == unitPath && r.Numerator >= 1);
            rows.ShouldContain(r => r.KpiCode == "i766.4.1" && r.UnitPath == unitPath && r.Numerator >= 1);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}
