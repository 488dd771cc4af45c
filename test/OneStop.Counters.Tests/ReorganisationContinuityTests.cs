using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;

namespace OneStop.Counters.Tests;

/// <summary>
/// Continuity across the 2025 reorganisation: dossiers received at Phường Cẩm Thượng and Bình Hàn before
/// 2025-07-01 are continued by Phường Thành Đông's people (who never belonged to either), forms printed after the date
/// are headed by Thành Đông's service centre while the June register still shows Cẩm Thượng, new codes use the new
/// desk's code, a split commune's open dossiers go where the rule says, and the scopes: Thành Đông sees its
/// predecessors' open and closed dossiers, another new commune sees none, and a person left in a retired unit sees
/// nothing new. On both databases: on SQLite (the embedded default) each module's file commits on its own.
/// </summary>
public abstract class ReorganisationContinuityTests(OneStopFactory fx)
{
    private const string Api = "/api/v1/counters/dossiers";

    [Fact]
    public async Task Thanh_Dong_continues_its_predecessors_dossiers_under_its_own_name_and_the_split_rule_holds()
    {
        // June 2025: the old wards at work.
        fx.Clock.SetVietnamTime(2025, 6, 20, 9);
        var camThuongDesk = await fx.SignInAsync("motcua.camthuong");
        var open = await Created(await camThuongDesk.PostAsJsonAsync(Api, DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090001234")));
        var closed = await Created(await camThuongDesk.PostAsJsonAsync(Api, DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090001235")));
        (await camThuongDesk.PostAsJsonAsync($"{Api}/{Id(closed)}/refuse", new { reason = "Hồ sơ không thuộc thẩm quyền" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var binhHan = await Created(await (await fx.SignInAsync("motcua.binhhan")).PostAsJsonAsync(Api, DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090001236")));
        Code(open).ShouldStartWith("MC10507-250620-");

        // Phường Trần Phú (10528) is split between Lê Thanh Nghị (10532, primary) and Tân Hưng (10537).
        var tranPhu = await UnitAsync("10528", new DateOnly(2025, 6, 20));
        var toTanHung = await IntakeAtAsync(tranPhu, "Số 5 đường Nguyễn Lương Bằng, phường Tân Hưng");
        var toPrimary = await IntakeAtAsync(tranPhu, "Số 1 phố Trần Phú");
        // A person of Trần Phú, who will not be moved (the unit is split: listed for the admin).
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var person = await db.Users.SingleAsync(u => u.UserName == "motcua.binhhan");
            db.UnitMemberships.Add(new UnitMembership { UserId = person.Id, UnitId = tranPhu.Id, UnitPath = tranPhu.Path, Roles = [Roles.DeskOfficer], ValidFrom = new(2025, 1, 1) });
            return await db.SaveChangesAsync();
        });

        // The preview of 2025-07-01 shows where the split ward's dossiers go and counts what will move; applying moves that.
        // Early on 1 July, before the admin applies the change set, Cẩm Thượng's desk officer signs in.
        fx.Clock.SetVietnamTime(2025, 7, 1, 6);
        var early = await fx.SignInAsync("motcua.camthuong");
        fx.Clock.SetVietnamTime(2025, 7, 1, 8);
        var reorganiser = fx.Services.GetRequiredService<Reorganiser>();
        var directory = fx.Services.GetRequiredService<IAdministrativeUnitDirectory>();
        foreach (var (file, _, _) in ShippedReorganisations.Files[..^1])
        {
            await reorganiser.ApplyAsync(await ShippedReorganisations.PlanAsync(directory, file), null, "test"); // 2024-12-01, 2025-03-01
        }

        var plan = await ShippedReorganisations.PlanAsync(directory, ShippedReorganisations.Files[^1].File);
        var preview = await reorganiser.PreviewAsync(plan);
        preview.CanApply.ShouldBeTrue(string.Join("; ", preview.Problems));
        preview.OpenItems.ShouldBe(4); // Cẩm Thượng's open one, Bình Hàn's, Trần Phú's two; the refused one stays
        preview.Created.Count.ShouldBe(65); // Hải Phòng and its 64 wards and communes formed from Hải Dương's
        preview.Split.Count.ShouldBe(34);
        var split = preview.Impacts.Single(i => i.PredecessorId == tranPhu.Id).Items;
        split.Single(i => i.Id == toTanHung).TargetCode.ShouldBe("10537");
        split.Single(i => i.Id == toPrimary).TargetCode.ShouldBe("10532");
        var record = await reorganiser.ApplyAsync(plan, null, "test");
        record.Outcome.ShouldStartWith($"hồ sơ chuyển: {preview.OpenItems};");
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<CountersDbContext>().Dossiers.CountAsync(d => d.History.Any(h => h.Transition == DossierTransitions.HandedToSuccessor))))
            .ShouldBe(preview.OpenItems);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().UnitSuccessions.CountAsync(s => s.ChangeSetId == record.Id)))
            .ShouldBe(plan.Operations.Where(o => o.Kind == ReorganisationOperationKinds.RetireUnit).Sum(o => o.SuccessorCodes.Distinct().Count()));
        (await reorganiser.PreviewAsync(plan)).AlreadyApplied.ShouldBeTrue();

        // Split rule: the address names Tân Hưng; the other goes to the primary successor.
        var tanHung = await UnitAsync("10537", new DateOnly(2025, 7, 2));
        var leThanhNghi = await UnitAsync("10532", new DateOnly(2025, 7, 2));
        (await DossierAsync(toTanHung)).UnitId.ShouldBe(tanHung.Id);
        (await DossierAsync(toPrimary)).UnitId.ShouldBe(leThanhNghi.Id);
        (await DossierAsync(toPrimary)).ReceivingUnitId.ShouldBe(tranPhu.Id);

        // Thành Đông's desk officer (seeded for units of 2025) finds the June dossiers of Cẩm Thượng and Bình Hàn.
        using (var scope = fx.Services.CreateScope())
        {
            await PlatformSeeder.SeedAsync(scope.ServiceProvider, default);
        }

        var thanhDong = await UnitAsync("10507", new DateOnly(2025, 7, 2));
        var desk = await fx.SignInAsync("motcua.thanhdong");
        var list = await desk.GetFromJsonAsync<JsonElement>($"{Api}?pageSize=100");
        var codes = list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        codes.ShouldContain(Code(open));
        codes.ShouldContain(Code(closed));
        codes.ShouldContain(Code(binhHan));
        var detail = await desk.GetFromJsonAsync<JsonElement>($"{Api}/{Id(open)}");
        detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("transition").GetString()).ShouldContain(DossierTransitions.HandedToSuccessor);
        (await DossierAsync(Id(open))).UnitId.ShouldBe(thanhDong.Id);
        (await DossierAsync(Id(closed))).UnitId.ShouldNotBe(thanhDong.Id); // closed dossiers keep their unit

        // The receipt printed now is Thành Đông's centre's; its text still says where the dossier was received.
        var receipt = Words(await (await desk.GetAsync($"{Api}/{Id(open)}/forms/receipt")).Content.ReadAsByteArrayAsync());
        receipt.ShouldContain("PHƯỜNG THÀNH ĐÔNG");
        receipt.ShouldContain("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
        receipt.ShouldContain("Cẩm Thượng");
        // The register of June 2025 is Cẩm Thượng's and Bình Hàn's book; a new intake gets the new centre's code.
        var register = Words(await (await desk.GetAsync($"{Api}/register?from=2025-06-01&to=2025-06-30")).Content.ReadAsByteArrayAsync());
        register.ShouldContain("Cẩm Thượng");
        var fresh = await Created(await desk.PostAsJsonAsync(Api, DossierApiTests<OneStopFactory>.BirthRegistration(identity: "030090001237")));
        Code(fresh).ShouldStartWith("PV10507-250701-");

        // Cẩm Thượng's desk officer was moved with the merge: the session opened that morning continues at Thành Đông.
        var continued = await early.GetFromJsonAsync<JsonElement>($"{Api}?pageSize=100");
        continued.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldContain(Code(fresh));

        // Scopes: another new ward sees none of them; the person left in split Trần Phú sees nothing new.
        var haiDuongWard = await UnitAsync("10525", new DateOnly(2025, 7, 2));
        (await CountInAsync(haiDuongWard, [Id(open), Id(closed), Id(binhHan), Id(fresh)])).ShouldBe(0);
        var oldTranPhu = (await fx.Services.GetRequiredService<IAdministrativeUnitDirectory>().FindAsync(tranPhu.Id))!;
        (await CountInAsync(oldTranPhu, [Id(fresh), toTanHung])).ShouldBe(0);
        (await CountInAsync(thanhDong, [Id(open), Id(closed), Id(binhHan), Id(fresh)])).ShouldBe(4);
        // …and cannot receive there any more.
        var left = await fx.InScopeAsync(new UnitScope(oldTranPhu.Id, oldTranPhu.Path, oldTranPhu.Name), async sp =>
            await Should.ThrowAsync<OneStop.Platform.Web.PlatformException>(() => sp.GetRequiredService<IntakeHandler>().IntakeAsync(Birth("x"), default)));
        left.Code.ShouldBe(CountersErrorCodes.UnitRetired);
    }

    private async Task<Guid> IntakeAtAsync(AdministrativeUnitInfo unit, string address) =>
        await fx.InScopeAsync(new UnitScope(unit.Id, unit.Path, unit.Name), async sp =>
            (await sp.GetRequiredService<IntakeHandler>().IntakeAsync(Birth(address), default)).Id);

    private static IntakeRequest Birth(string address) => new("1.001193",
        new IntakeApplicant(ApplicantKinds.Citizen, "030090009999", "Trần Thị Bình", new DateOnly(1991, 3, 4), address, "0912000111"),
        [new("HT-TK-KS"), new("YT-GCS"), new("CD-CCCD")]);

    private Task<int> CountInAsync(AdministrativeUnitInfo unit, Guid[] ids) =>
        fx.InScopeAsync(new UnitScope(unit.Id, unit.Path, unit.Name), sp => sp.GetRequiredService<CountersDbContext>().Dossiers.CountAsync(d => ids.Contains(d.Id)));

    private Task<Domain.Dossiers.Dossier> DossierAsync(Guid id) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<CountersDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));

    private async Task<AdministrativeUnitInfo> UnitAsync(string code, DateOnly on) =>
        (await fx.Services.GetRequiredService<IAdministrativeUnitDirectory>().FindByCodeAsync(code, on))!;

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static Guid Id(JsonElement dossier) => dossier.GetProperty("id").GetGuid();

    private static string Code(JsonElement dossier) => dossier.GetProperty("code").GetString()!;

    private static string Words(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}

public sealed class PostgreSqlReorganisationContinuityTests(OneStopFactory fx) : ReorganisationContinuityTests(fx), IClassFixture<OneStopFactory>;

public sealed class SqliteReorganisationContinuityTests(SqliteOneStopFactory fx) : ReorganisationContinuityTests(fx), IClassFixture<SqliteOneStopFactory>;
