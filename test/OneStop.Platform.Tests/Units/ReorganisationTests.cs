using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.Units;

/// <summary>
/// The shipped change sets on both databases: Hải Dương's 2021 tree, the 2024-12-01 commune merger and 2025-07-01
/// (district tier gone, Hải Dương into Hải Phòng). Codes resolve by date, chains reach today's commune, applying twice
/// changes nothing, and the preview's counts are what is applied.
/// </summary>
public abstract class ReorganisationTests(OneStopFactory factory)
{
    [Fact]
    public async Task Both_steps_applied_twice_give_the_same_tree_and_codes_resolve_by_date()
    {
        await ApplyShippedAsync(factory);
        var first = await StateAsync();
        await ApplyShippedAsync(factory);
        (await StateAsync()).ShouldBe(first);

        var units = factory.Services.GetRequiredService<IAdministrativeUnitDirectory>();
        (await units.FindByCodeAsync("10507", new DateOnly(2025, 6, 30)))!.Name.ShouldBe("Phường Cẩm Thượng");
        (await units.FindByCodeAsync("10507", new DateOnly(2025, 7, 1)))!.Name.ShouldBe("Phường Thành Đông");
        (await units.FindByCodeAsync("10510", new DateOnly(2025, 7, 1))).ShouldBeNull();
        (await units.ProvinceAsync(new DateOnly(2025, 6, 30)))!.Name.ShouldBe("Tỉnh Hải Dương");
        (await units.ProvinceAsync(new DateOnly(2025, 7, 1)))!.Name.ShouldBe("Thành phố Hải Phòng");
        (await units.FindByCodeAsync("288", new DateOnly(2025, 7, 1))).ShouldBeNull();

        // Phường Phạm Ngũ Lão (2021) → Phường Lê Thanh Nghị 10534 (2024-12-01) → Phường Lê Thanh Nghị 10532 (2025-07-01).
        var phamNguLao = (await units.FindByCodeAsync("10522", new DateOnly(2021, 6, 1)))!;
        (await units.CurrentAsync(phamNguLao.Id, new DateOnly(2024, 12, 15)))!.Code.ShouldBe("10534");
        var today = (await units.CurrentAsync(phamNguLao.Id, new DateOnly(2026, 12, 6)))!;
        (today.Code, today.Name).ShouldBe(("10532", "Phường Lê Thanh Nghị"));
        today.Path.ShouldBe("/31/10532/");
        (await units.PredecessorsAsync(today.Id)).Select(u => u.Code).ShouldContain("10522");

        // 10633 has meant three units: Xã Nam Trung (2021), Xã Trần Phú (2024-12-01), Xã Trần Phú of Hải Phòng (2025-07-01).
        (await units.FindByCodeAsync("10633", new DateOnly(2024, 11, 30)))!.Name.ShouldBe("Xã Nam Trung");
        (await units.FindByCodeAsync("10633", new DateOnly(2025, 1, 1)))!.Name.ShouldBe("Xã Trần Phú");
        (await units.FindByCodeAsync("10633", new DateOnly(2025, 7, 1)))!.ParentId.ShouldBe((await units.ProvinceAsync(new DateOnly(2025, 7, 1)))!.Id);

        // Today's province: Hải Phòng with the 64 communes formed from Hải Dương's; the desks are service centres.
        var haiPhong = (await units.ProvinceAsync())!;
        (await units.ChildrenAsync(haiPhong.Id)).Count.ShouldBe(64);
        var thanhDong = (await units.FindByCodeAsync("10507"))!;
        var desk = (await units.ReceptionDeskAsync(thanhDong.Id))!;
        (desk.Name, desk.Kind).ShouldBe(("Trung tâm Phục vụ hành chính công phường Thành Đông", AgencyKinds.ServiceCenter));
        var camThuong = (await units.FindByCodeAsync("10507", new DateOnly(2025, 6, 1)))!;
        (await units.ReceptionDeskAsync(camThuong.Id, new DateOnly(2025, 6, 1)))!.Code.ShouldBe("MC10507");
        camThuong.Path.ShouldStartWith(thanhDong.Path);
    }

    [Fact]
    public async Task The_preview_counts_what_is_applied_and_bad_change_sets_are_refused_with_Vietnamese_reasons()
    {
        var reorganiser = factory.Services.GetRequiredService<Reorganiser>();
        var bad = new ReorganisationPlan("Thử", "", new DateOnly(2026, 1, 1),
        [
            new(ReorganisationOperationKinds.RetireUnit, "11111", Successors: ["10507"], Line: 2),
        ]);
        var preview = await reorganiser.PreviewAsync(bad);
        preview.CanApply.ShouldBeFalse();
        preview.Problems.ShouldContain(p => p.Message.Contains("Không có đơn vị hành chính mã 11111"));
        await Should.ThrowAsync<Web.PlatformException>(() => reorganiser.ApplyAsync(bad, null, "test"));
    }

    public static async Task ApplyShippedAsync(OneStopFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await ShippedReorganisations.ApplyAllAsync(scope.ServiceProvider);
    }

    private Task<(int Units, int Successions, int Agencies, int Changes, string Paths)> StateAsync() =>
        factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var paths = string.Join(",", await db.AdministrativeUnits.IgnoreQueryFilters().OrderBy(u => u.Path).Select(u => u.Path).ToListAsync());
            return (await db.AdministrativeUnits.IgnoreQueryFilters().CountAsync(), await db.UnitSuccessions.CountAsync(),
                await db.Agencies.IgnoreQueryFilters().CountAsync(), await db.Reorganisations.CountAsync(), paths);
        });
}

public sealed class PostgreSqlReorganisationTests(OneStopFactory factory) : ReorganisationTests(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteReorganisationTests(SqliteOneStopFactory factory) : ReorganisationTests(factory), IClassFixture<SqliteOneStopFactory>;
