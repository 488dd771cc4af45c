using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// A location-independent dossier's files (tiếp nhận không phụ thuộc địa giới hành chính): the files the applicant sent
/// online — its components and its supplements — are owned by the receiving ward, and the ward resolving the dossier,
/// which sees the dossier, opens them from the dossier page too; a third ward sees neither the dossier nor its files.
/// </summary>
public sealed class SharedDossierFilesTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task The_resolving_ward_opens_the_receiving_wards_files_and_a_third_ward_gets_404()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        var (wardA, wardB) = await fx.AsSystemAsync(async sp =>
        {
            var units = sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits;
            return (await units.SingleAsync(u => u.Code == "10507"), await units.SingleAsync(u => u.Code == "10510"));
        });
        await fx.CreatePersonAsync("motcua.ngocchau", "Phan Thị Châu", "Công chức một cửa", "10513", Roles.DeskOfficer, null);

        // Received at Bình Hàn for Cẩm Thượng to resolve.
        var deskB = await fx.SignInAsync("motcua.binhhan");
        var created = await deskB.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity = "030090006801", name = "Lý Văn Phúc", phone = "0912000333" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
            resolvingUnitId = wardA.Id,
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetGuid();

        // Its files as the portals store them: owned by the receiving ward, like the dossier.
        var componentPng = SampleFiles.Png(4, 3);
        var supplementPng = SampleFiles.Png(5, 4);
        var (componentId, supplementId) = await fx.InScopeAsync(new UnitScope(wardB.Id, wardB.Path, wardB.Name), async sp =>
        {
            var blobs = sp.GetRequiredService<IBlobStore>();
            var db = sp.GetRequiredService<CountersDbContext>();
            var componentBlob = await blobs.PutAsync(componentPng);
            var supplementBlob = await blobs.PutAsync(supplementPng);
            var component = new DossierComponentFile
            {
                DossierId = id, DocumentTypeCode = "HT-TK-KS", FileName = "to-khai.png", ContentType = "image/png", BlobKey = componentBlob.Key,
                Length = componentPng.Length, Source = DossierComponentFile.Sources.CitizenPortal, AddedAt = DateTimeOffset.UtcNow, UnitId = wardB.Id, UnitPath = wardB.Path,
            };
            var supplement = new ApplicantSupplementFile
            {
                DossierId = id, BlobKey = supplementBlob.Key, FileName = "ban-sao-giay-chung-sinh.png", ContentType = "image/png",
                Length = supplementPng.Length, UploadedAt = DateTimeOffset.UtcNow, UnitId = wardB.Id, UnitPath = wardB.Path,
            };
            db.DossierComponentFiles.Add(component);
            db.ApplicantSupplementFiles.Add(supplement);
            await db.SaveChangesAsync();
            return (component.Id, supplement.Id);
        });

        var page = $"/Counters/Dossiers/Detail?id={id}";
        var componentFile = $"{page}&handler=ComponentFile&fileId={componentId}";
        var supplementFile = $"{page}&handler=SupplementFile&fileId={supplementId}";
        foreach (var desk in new[] { "motcua.binhhan", "motcua.camthuong" })
        {
            var client = await fx.SignInAsync(desk);
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
            html.ShouldContain("to-khai.png", customMessage: desk);
            html.ShouldContain("ban-sao-giay-chung-sinh.png", customMessage: desk);
            (await client.GetByteArrayAsync(componentFile)).ShouldBe(componentPng);
            (await client.GetByteArrayAsync(supplementFile)).ShouldBe(supplementPng);
        }

        // A third ward: no dossier, no file (404, as for one that does not exist).
        var third = await fx.SignInAsync("motcua.ngocchau");
        (await third.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetAsync(componentFile)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetAsync(supplementFile)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A file of another dossier is not reached through this one's page, even by a unit that sees both.
        var desk2 = await fx.SignInAsync("motcua.camthuong");
        var other = await desk2.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity = "030090006802", name = "Lý Thị Mai" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await desk2.GetAsync($"/Counters/Dossiers/Detail?id={otherId}&handler=ComponentFile&fileId={componentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
