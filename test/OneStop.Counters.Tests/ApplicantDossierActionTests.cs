using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Auditing;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// What a signed-in citizen does with a dossier already filed (issue 18 item 4, ADR 0050), over the test server on
/// "Hồ sơ của tôi": supplements online what the desk asked for (files through the upload guard; one refused file and
/// nothing changes), and withdraws with a reason and a confirmation. Each through the desk's own transition, in the
/// dossier's unit, with the citizen (masked VNeID) in the history, the audit trail and the outbox; another citizen
/// gets 404 and changes nothing.
/// </summary>
public sealed class ApplicantDossierActionTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Page = "/Portal/MyDossiers";

    private async Task<(Guid Id, string Code)> NewDossierAsync(string identity, string name)
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var created = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity, name, phone = "0918000111" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("code").GetString()!);
    }

    private async Task<JsonElement> DossierAsync(Guid id) =>
        await (await fx.SignInAsync("lanhdao.camthuong")).GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}");

    private Task<T> Counters<T>(Func<CountersDbContext, Task<T>> read) => fx.AsSystemAsync(sp => read(sp.GetRequiredService<CountersDbContext>()));

    private static async Task<HttpResponseMessage> PostSupplementAsync(HttpClient citizen, string code, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var token = OneStopFactory.AntiforgeryToken(await citizen.GetStringAsync(Page));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(code), "code" },
            { new StringContent("Gửi bản sao giấy chứng sinh"), "note" },
        };
        foreach (var (name, bytes, type) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, "files", name);
        }

        return await citizen.PostAsync(Page + "?handler=Supplement", form);
    }

    [Fact]
    public async Task The_citizen_supplements_online_what_the_desk_asked_for_and_a_refused_file_or_another_citizen_changes_nothing()
    {
        const string identity = "030090006601";
        var (id, code) = await NewDossierAsync(identity, "Trần Thị Hoa");
        var desk = await fx.SignInAsync("motcua.camthuong");
        var asked = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/request-supplement", new { reason = "Bổ sung bản sao giấy chứng sinh có chứng thực" });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());

        // The page shows what was asked (Mẫu 02's reason) with the upload form.
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Trần Thị Hoa");
        var page = await citizen.GetStringAsync(Page);
        page.ShouldContain("data-testid=\"my-dossier-supplement\"");
        page.ShouldContain("Bổ sung bản sao giấy chứng sinh có chứng thực");
        var historyBefore = (await DossierAsync(id)).GetProperty("history").GetArrayLength();

        // One good file and one the guard refuses (an executable named .pdf): refused with its Vietnamese reason, nothing kept.
        var executable = "MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode."u8.ToArray();
        var refused = await PostSupplementAsync(citizen, code, ("giay-chung-sinh.png", SampleFiles.Png(), "image/png"), ("ban-sao.pdf", executable, "application/pdf"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        refusedPage.ShouldContain("data-testid=\"my-dossier-error\"");
        refusedPage.ShouldNotContain(ApplicantActionCodes.UploadRejected);
        (await DossierAsync(id)).GetProperty("status").GetString().ShouldBe(DossierStatuses.SupplementRequested);
        (await DossierAsync(id)).GetProperty("history").GetArrayLength().ShouldBe(historyBefore);
        (await Counters(db => db.ApplicantSupplementFiles.IgnoreQueryFilters().CountAsync(f => f.DossierId == id))).ShouldBe(0);

        // Another citizen (the exact dossier code, a good file) gets 404, and nothing changes.
        var other = await CitizenSignIn.SignInAsync(fx, "030090006602", "Lê Văn Hùng");
        (await PostSupplementAsync(other, code, ("x.png", SampleFiles.Png(), "image/png"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetStringAsync(Page)).ShouldNotContain(code);
        (await Counters(db => db.ApplicantSupplementFiles.IgnoreQueryFilters().CountAsync(f => f.DossierId == id))).ShouldBe(0);

        // The citizen's good files: the dossier is supplemented (clock running again), the files kept for the desk.
        var sent = await PostSupplementAsync(citizen, code, ("giay-chung-sinh.png", SampleFiles.Png(), "image/png"), ("trang-2.png", SampleFiles.Png(6, 5), "image/png"));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        (await citizen.GetStringAsync(sent.Headers.Location!.ToString())).ShouldContain("Đã gửi hồ sơ bổ sung cho hồ sơ " + code);
        var after = await DossierAsync(id);
        after.GetProperty("status").GetString().ShouldBe(DossierStatuses.Processing);
        after.GetProperty("clockStoppedSince").ValueKind.ShouldBe(JsonValueKind.Null);
        var last = after.GetProperty("history").EnumerateArray().Last();
        last.GetProperty("transition").GetString().ShouldBe(DossierTransitions.Supplemented);
        last.GetProperty("actor").GetString().ShouldBe("VNeID ••••6601");
        last.GetProperty("reason").GetString()!.ShouldContain("giay-chung-sinh.png");
        var files = await Counters(db => db.ApplicantSupplementFiles.IgnoreQueryFilters().Where(f => f.DossierId == id).OrderBy(f => f.FileName).ToListAsync());
        files.Select(f => f.FileName).ShouldBe(["giay-chung-sinh.png", "trang-2.png"]);
        var unitId = await Counters(db => db.Dossiers.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => d.UnitId).FirstAsync());
        files.ShouldAllBe(f => f.CreatedBy == "VNeID ••••6601" && f.UnitId == unitId);
        // The desk opens them from the dossier's page, byte for byte.
        var deskPage = System.Net.WebUtility.HtmlDecode(await desk.GetStringAsync($"/Counters/Dossiers/Detail?id={id}"));
        var link = System.Text.RegularExpressions.Regex.Match(deskPage, @"href=""(/Counters/Dossiers/Detail\?[^""]*handler=SupplementFile[^""]*)""[^>]*>trang-2\.png<").Groups[1].Value;
        link.ShouldNotBeEmpty("the dossier page links the supplement file");
        (await desk.GetByteArrayAsync(link)).ShouldBe(SampleFiles.Png(6, 5));

        // The outbox carries the transition (notifications, the national portal, the KPIs) and the audit trail names the citizen.
        (await Counters(db => db.Set<OutboxMessage>().CountAsync(m => m.Payload.Contains(id.ToString()) && m.Payload.Contains(DossierTransitions.Supplemented))))
            .ShouldBe(1);
        await fx.SealAuditAsync<CountersDbContext>();
        (await Counters(db => db.Set<AuditRecord>().Where(a => a.EntityId == id.ToString() && a.EntityType.EndsWith("Dossier")).OrderByDescending(a => a.Id)
            .Select(a => a.ActorName).FirstAsync())).ShouldBe("VNeID ••••6601");

        // Not waiting for a supplement any more: a second one is refused with the reason, nothing kept.
        var again = await PostSupplementAsync(citizen, code, ("x.png", SampleFiles.Png(), "image/png"));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Counters(db => db.ApplicantSupplementFiles.IgnoreQueryFilters().CountAsync(f => f.DossierId == id))).ShouldBe(2);
    }

    [Fact]
    public async Task The_citizen_withdraws_with_a_reason_only_after_confirming_and_another_citizen_gets_404()
    {
        const string identity = "030090006611";
        var (id, code) = await NewDossierAsync(identity, "Phan Văn Long");
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Phan Văn Long");
        (await citizen.GetStringAsync(Page)).ShouldContain("data-testid=\"my-dossier-withdraw\"");

        // Without the confirmation: refused, the dossier stays.
        var unconfirmed = await OneStopFactory.PostFormAsync(citizen, Page, Page + "?handler=Withdraw", new() { ["code"] = code, ["reason"] = "Nộp nhầm thủ tục" });
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unconfirmed.Content.ReadAsStringAsync()).ShouldContain("Đánh dấu ô xác nhận để rút hồ sơ");
        (await DossierAsync(id)).GetProperty("status").GetString().ShouldBe(DossierStatuses.Received);

        // Without a reason: refused too.
        var noReason = await OneStopFactory.PostFormAsync(citizen, Page, Page + "?handler=Withdraw", new() { ["code"] = code, ["reason"] = " ", ["confirm"] = "true" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DossierAsync(id)).GetProperty("status").GetString().ShouldBe(DossierStatuses.Received);

        // Another citizen, confirmed and with a reason: 404, nothing changes.
        var other = await CitizenSignIn.SignInAsync(fx, "030090006612", "Đỗ Văn Minh");
        (await OneStopFactory.PostFormAsync(other, Page, Page + "?handler=Withdraw", new() { ["code"] = code, ["reason"] = "x", ["confirm"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await DossierAsync(id)).GetProperty("status").GetString().ShouldBe(DossierStatuses.Received);

        var withdrawn = await OneStopFactory.PostFormAsync(citizen, Page, Page + "?handler=Withdraw", new() { ["code"] = code, ["reason"] = "Nộp nhầm thủ tục", ["confirm"] = "true" });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await withdrawn.Content.ReadAsStringAsync());
        var after = await DossierAsync(id);
        after.GetProperty("status").GetString().ShouldBe(DossierStatuses.Withdrawn);
        var last = after.GetProperty("history").EnumerateArray().Last();
        (last.GetProperty("transition").GetString(), last.GetProperty("actor").GetString()).ShouldBe((DossierTransitions.Withdrawn, "VNeID ••••6611"));
        last.GetProperty("reason").GetString()!.ShouldContain("Nộp nhầm thủ tục");
        var page = await citizen.GetStringAsync(Page);
        page.ShouldNotContain("data-testid=\"my-dossier-withdraw\"");

        // A withdrawn dossier cannot be withdrawn again.
        (await OneStopFactory.PostFormAsync(citizen, Page, Page + "?handler=Withdraw", new() { ["code"] = code, ["reason"] = "x", ["confirm"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
