using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Auditing;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>
/// Dossier events drive the scan queue and the archive; a second dossier's intake finds the first one's document
/// through <see cref="IDigitizationApi"/> and the reuse is recorded; access and consent are logged.
/// </summary>
public sealed class DossierFlowTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<T> AsDeskOfficerAsync<T>(string unitCode, Func<IServiceProvider, Task<T>> action)
    {
        var unit = await UnitAsync(fx, unitCode);
        return await fx.InScopeAsync(new UnitScope(unit.Id, unit.Path, unit.Name), action);
    }

    [Fact]
    public async Task Reception_queues_components_resolution_queues_the_result_return_archives_and_archived_documents_are_immutable()
    {
        var ward = await UnitAsync(fx, "10507");
        var officer = await fx.SignInAsync("motcua.camthuong");
        var components = new List<DossierComponentInfo>
        {
            new("Tờ khai đăng ký khai sinh", "TK-KS", ComponentSources.Submitted, null),
            new("Giấy chứng sinh", "GCS", ComponentSources.Submitted, null),
        };
        var dossier = Dossier(ward, "MC10507-250101-0001", DossierStatuses.Received, components, identity: "030090007777");
        await PublishAndRelayAsync(fx, Changed(dossier, DossierTransitions.Received));
        await PublishAndRelayAsync(fx, Changed(dossier, DossierTransitions.Received)); // redelivered: still two items

        var queue = (await officer.GetFromJsonAsync<JsonElement>($"{Api}/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(q => q.GetProperty("dossierId").GetGuid() == dossier.Id).ToList();
        queue.Count.ShouldBe(2);
        (await (await fx.SignInAsync("motcua.binhhan")).GetFromJsonAsync<JsonElement>($"{Api}/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(q => q.GetProperty("dossierId").GetGuid() == dossier.Id);
        (await officer.GetStringAsync("/Digitization")).ShouldContain("Giấy chứng sinh");

        foreach (var item in queue)
        {
            await UploadAsync(officer, Pdf(item.GetProperty("name").GetString()!), "scan.pdf", new() { ["queueItemId"] = item.GetProperty("id").GetString()! });
        }

        var resolved = dossier with { Status = DossierStatuses.Resolved, ResolvedAt = DateTimeOffset.UtcNow, Version = dossier.Version + 1 };
        await PublishAndRelayAsync(fx, Changed(resolved, DossierTransitions.Resolved));
        var resultItem = (await officer.GetFromJsonAsync<JsonElement>($"{Api}/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(q => q.GetProperty("dossierId").GetGuid() == dossier.Id);
        resultItem.GetProperty("kind").GetString().ShouldBe("RESULT");
        resultItem.GetProperty("documentTypeCode").GetString().ShouldBe("KQ.1.001193");
        var result = await UploadAsync(officer, Pdf("Giấy khai sinh (bản chính)"), "giay-khai-sinh.pdf", new() { ["queueItemId"] = resultItem.GetProperty("id").GetString()! });
        result.GetProperty("place").GetString().ShouldBe("AGENCY");
        var resultId = result.GetProperty("id").GetGuid();

        var returned = resolved with { Status = DossierStatuses.Returned, ReturnedAt = DateTimeOffset.UtcNow, Version = resolved.Version + 1 };
        await PublishAndRelayAsync(fx, Changed(returned, DossierTransitions.Returned));

        var archive = (await officer.GetFromJsonAsync<JsonElement>($"{Api}/archive")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("dossierId").GetGuid() == dossier.Id);
        archive.GetProperty("documentCount").GetInt32().ShouldBe(3);
        archive.GetProperty("retentionYears").GetInt32().ShouldBe(20);
        (await officer.GetFromJsonAsync<JsonElement>($"{Api}/documents/{resultId}")).GetProperty("archivedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);

        // Immutable: signing, archiving again or any change through the context is refused, and the trail shows no change after archiving.
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        var sign = await leader.PostAsync($"{Api}/documents/{resultId}/sign", null);
        sign.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await sign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.Archived);
        (await leader.PostAsJsonAsync($"{Api}/dossiers/{dossier.Id}/archive", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await Should.ThrowAsync<Exception>(() => fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DigitizationDbContext>();
            var doc = await db.Documents.SingleAsync(d => d.Id == resultId);
            db.Entry(doc).Property(d => d.Name).CurrentValue = "sửa sau lưu trữ";
            return await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<Exception>(() => fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DigitizationDbContext>();
            db.Documents.Remove(await db.Documents.SingleAsync(d => d.Id == resultId));
            return await db.SaveChangesAsync();
        }));
        await fx.SealAuditAsync<DigitizationDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var trail = await fx.AsSystemAsync(sp => sp.GetRequiredService<DigitizationDbContext>().AuditRecords
            .Where(a => a.EntityType == nameof(DigitizedDocument) && a.EntityId == resultId.ToString()).OrderBy(a => a.Id).ToListAsync());
        trail.Select(a => a.Action).ShouldBe(["Added", "Modified"]); // digitised, then archived; nothing after
        trail[1].After!.ShouldContain("ArchivedAt");
        (await fx.AsSystemAsync(sp => AuditChainVerifier.VerifyAsync(sp.GetRequiredService<DigitizationDbContext>(), CancellationToken.None))).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_second_dossiers_intake_finds_the_first_dossiers_document_and_the_reuse_is_recorded()
    {
        const string citizen = "030090008888";
        var ward = await UnitAsync(fx, "10507");
        var officer = await fx.SignInAsync("motcua.camthuong");

        // First dossier: its birth certificate (GKS) is digitised, valid permanently.
        var first = Dossier(ward, "MC10507-250102-0001", DossierStatuses.Received, [new("Giấy khai sinh", "GKS", ComponentSources.Submitted, null)], identity: citizen);
        await PublishAndRelayAsync(fx, Changed(first, DossierTransitions.Received));
        var item = (await officer.GetFromJsonAsync<JsonElement>($"{Api}/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(q => q.GetProperty("dossierId").GetGuid() == first.Id);
        var gks = await UploadAsync(officer, Pdf("Giấy khai sinh của công dân"), "gks.pdf", new() { ["queueItemId"] = item.GetProperty("id").GetString()! });

        // Second dossier's intake (another procedure needing GKS and CCCD): Counters asks through the contract.
        var offered = await AsDeskOfficerAsync("10507", sp => sp.GetRequiredService<IDigitizationApi>().FindReusableDocumentsAsync(citizen, ["GKS", "CCCD"], Today));
        var reusable = offered.ShouldHaveSingleItem();
        reusable.DocumentId.ShouldBe(gks.GetProperty("id").GetGuid());
        reusable.SourceDossierCode.ShouldBe(first.Code);
        reusable.DigitizedCode.ShouldBe(gks.GetProperty("digitizedCode").GetString());
        reusable.IsResult.ShouldBeFalse();
        (await AsDeskOfficerAsync("10507", sp => sp.GetRequiredService<IDigitizationApi>().FindReusableDocumentAsync(citizen, reusable.DocumentId, Today))).ShouldNotBeNull();

        // The officer reuses it: Counters records the component as reused and publishes the reception.
        var second = Dossier(ward, "MC10507-250103-0001", DossierStatuses.Received,
            [new("Giấy khai sinh", "GKS", ComponentSources.ReusedComponent, reusable.DocumentId), new("Căn cước công dân", "CCCD", ComponentSources.Submitted, null)], identity: citizen);
        await PublishAndRelayAsync(fx, Changed(second, DossierTransitions.Received));
        var record = await fx.AsSystemAsync(sp => sp.GetRequiredService<DigitizationDbContext>().Dossiers.SingleAsync(d => d.Id == second.Id));
        record.ReusedCount.ShouldBe(1);
        record.ReusableCount.ShouldBe(1);
        // Only the component not reused goes to the scan queue.
        var secondQueue = (await officer.GetFromJsonAsync<JsonElement>($"{Api}/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(q => q.GetProperty("dossierId").GetGuid() == second.Id).Select(q => q.GetProperty("documentTypeCode").GetString()).ToList();
        secondQueue.ShouldBe(["CCCD"]);

        // The look-ups were logged for the citizen.
        var log = await officer.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/access-log");
        log.EnumerateArray().Count(e => e.GetProperty("purpose").GetString() == AccessPurposes.IntakeReuse).ShouldBeGreaterThanOrEqualTo(2);
        log.EnumerateArray().First().GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");

        // Reuse through the API as well (the intake page may call it over HTTP).
        var viaApi = await officer.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/reusable?types=GKS");
        viaApi.EnumerateArray().Single().GetProperty("documentId").GetGuid().ShouldBe(reusable.DocumentId);
    }

    [Fact]
    public async Task Another_ward_reuses_a_citizens_document_only_after_consent_and_expired_documents_are_not_offered()
    {
        const string citizen = "030090006666";
        var officer = await fx.SignInAsync("motcua.camthuong");
        await UploadAsync(officer, Pdf("Giấy xác nhận tình trạng hôn nhân"), "xn.pdf", FreeUpload(citizen, "XNHN") .With("validUntil", Today.AddDays(30).ToString("yyyy-MM-dd")));
        await UploadAsync(officer, Pdf("Giấy xác nhận cũ"), "xn-cu.pdf", FreeUpload(citizen, "XNHN").With("validUntil", Today.AddDays(-1).ToString("yyyy-MM-dd")));

        (await AsDeskOfficerAsync("10507", sp => sp.GetRequiredService<IDigitizationApi>().FindReusableDocumentsAsync(citizen, ["XNHN"], Today))).Count.ShouldBe(1);
        (await AsDeskOfficerAsync("10510", sp => sp.GetRequiredService<IDigitizationApi>().FindReusableDocumentsAsync(citizen, ["XNHN"], Today))).ShouldBeEmpty();

        // Consent belongs to the unit that asked (ADR 0035): Cẩm Thượng's grant would not open anything to Bình Hàn; Bình Hàn asks.
        var binhHan = await fx.SignInAsync("motcua.binhhan");
        var consent = await binhHan.PostAsJsonAsync($"{Api}/applicants/{citizen}/consents", new { granted = true, purpose = "Đồng ý tái sử dụng trong tỉnh" });
        consent.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AsDeskOfficerAsync("10510", sp => sp.GetRequiredService<IDigitizationApi>().FindReusableDocumentsAsync(citizen, ["XNHN"], Today))).Count.ShouldBe(1);
        (await AsDeskOfficerAsync("10510", sp => sp.GetRequiredService<IDigitizationApi>().FindReusableDocumentsAsync(citizen, ["XNHN"], Today.AddDays(31)))).ShouldBeEmpty();

        // Bình Hàn's read is in Bình Hàn's log, not visible to Cẩm Thượng; the district sees both.
        (await binhHan.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/access-log")).EnumerateArray().ShouldAllBe(e => e.GetProperty("unitPath").GetString() == "/30/288/10510/");
        (await officer.GetFromJsonAsync<JsonElement>($"{Api}/applicants/{citizen}/access-log")).EnumerateArray().ShouldAllBe(e => e.GetProperty("unitPath").GetString() == "/30/288/10507/");

        // Cẩm Thượng's refusal keeps its own documents from Bình Hàn despite Bình Hàn's grant.
        var withdrawn = await officer.PostAsJsonAsync($"{Api}/applicants/{citizen}/consents", new { granted = false, purpose = "Rút đồng ý" });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AsDeskOfficerAsync("10510", sp => sp.GetRequiredService<IDigitizationApi>().FindReusableDocumentsAsync(citizen, ["XNHN"], Today))).ShouldBeEmpty();
        var dataStore = await officer.GetStringAsync($"/Digitization/DataStore?identity={citizen}");
        dataStore.ShouldContain("XNHN");
        // Consents and the access log name the officer, not the login.
        dataStore.ShouldContain("<span title=\"motcua.camthuong\">Phạm Thị Nhận</span>");
        dataStore.ShouldNotContain("<td>motcua.camthuong</td>");
    }

    [Fact]
    public async Task A_unit_leader_turns_digitisation_on_for_a_desk_of_its_own_unit_only()
    {
        var desks = await (await fx.SignInAsync("lanhdao.camthuong")).GetFromJsonAsync<JsonElement>($"{Api}/desks");
        var own = desks.EnumerateArray().ShouldHaveSingleItem();
        own.GetProperty("code").GetString().ShouldBe("MC10507");
        var leader = await fx.SignInAsync("lanhdao.camthuong");
        var on = await leader.PutAsJsonAsync($"{Api}/desks/{own.GetProperty("agencyId").GetGuid()}", new { enabled = true });
        (await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean().ShouldBeTrue();

        var binhHanDesk = (await (await fx.SignInAsync("lanhdao.tphd")).GetFromJsonAsync<JsonElement>($"{Api}/desks")).EnumerateArray()
            .Single(d => d.GetProperty("code").GetString() == "MC10510").GetProperty("agencyId").GetGuid();
        (await leader.PutAsJsonAsync($"{Api}/desks/{binhHanDesk}", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync("motcua.camthuong")).PutAsJsonAsync($"{Api}/desks/{own.GetProperty("agencyId").GetGuid()}", new { enabled = false }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

internal static class DictionaryExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string key, string value)
    {
        fields[key] = value;
        return fields;
    }
}
