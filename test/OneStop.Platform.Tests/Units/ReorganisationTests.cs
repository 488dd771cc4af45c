using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    [Fact]
    public async Task A_change_set_applied_ahead_of_its_date_takes_effect_on_that_date()
    {
        var reorganiser = factory.Services.GetRequiredService<Reorganiser>();
        var units = factory.Services.GetRequiredService<IAdministrativeUnitDirectory>();
        factory.Clock.SetVietnamTime(2026, 12, 6, 10);
        try
        {
            var province = (await units.ProvinceAsync())!;
            var on = new DateOnly(2027, 1, 1);
            var plan = new ReorganisationPlan("Thành lập phường thử nghiệm", "Nghị quyết giả định", on,
                [new(ReorganisationOperationKinds.CreateUnit, "19901", "Phường Thử Nghiệm", UnitLevels.Commune, "phuong", province.Code,
                    DeskName: "Trung tâm Phục vụ hành chính công phường Thử Nghiệm")]);
            var record = await reorganiser.ApplyAsync(plan, null, "test");
            record.TookEffectAt.ShouldBeNull();
            // Another change set may not create the same code on the same day (the database would refuse it later).
            var twin = plan with { Title = "Trùng mã", Operations = [plan.Operations[0] with { Name = "Phường Khác" }] };
            (await reorganiser.PreviewAsync(twin)).Problems.ShouldContain(p => p.Message.Contains("Mã 19901 đã được dùng cho Phường Thử Nghiệm"));
            (await units.FindByCodeAsync("19901")).ShouldBeNull();          // not yet
            (await units.FindByCodeAsync("19901", on))!.Name.ShouldBe("Phường Thử Nghiệm");
            (await reorganiser.TakeEffectDueAsync()).ShouldBe(0);

            factory.Clock.SetVietnamTime(2027, 1, 1, 0, 5);                 // the daily job's run on the day
            (await reorganiser.TakeEffectDueAsync()).ShouldBe(1);
            (await units.FindByCodeAsync("19901"))!.Name.ShouldBe("Phường Thử Nghiệm");
            (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Reorganisations.SingleAsync(r => r.Id == record.Id)))
                .TookEffectAt.ShouldNotBeNull();
            (await reorganiser.TakeEffectDueAsync()).ShouldBe(0);
        }
        finally
        {
            factory.Clock.Reset();
        }
    }

    [Fact]
    public async Task An_agency_merged_through_the_api_is_retired_into_its_successor_and_its_code_stays_known()
    {
        var admin = await factory.SignInAsync("admin");
        var (sct, skhcn) = await factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            return (await db.Agencies.SingleAsync(a => a.Code == "SCT"), await db.Agencies.SingleAsync(a => a.Code == "SKHCN"));
        });
        var response = await admin.PostAsJsonAsync($"/api/v1/platform/agencies/{sct.Id}/retire", new { successorId = skhcn.Id, effectiveOn = "2021-06-01" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var merged = await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Agencies.AsNoTracking().SingleAsync(a => a.Code == "SCT"));
        (merged.ValidTo, merged.SuccessorId).ShouldBe((new DateOnly(2021, 6, 1), skhcn.Id));
        // Merging it again is refused (it no longer exists on that day); a malformed body is a 400, never a 5xx.
        var again = await admin.PostAsJsonAsync($"/api/v1/platform/agencies/{sct.Id}/retire", new { successorId = skhcn.Id, effectiveOn = "2022-01-01" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await again.Content.ReadFromJsonAsync<JsonElement>();
        refused.ToString().ShouldContain("Platform.ReorganisationInvalid", customMessage: refused.ToString());
        refused.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("đã thôi hiệu lực", customMessage: refused.ToString());
        (await admin.PostAsJsonAsync($"/api/v1/platform/agencies/{sct.Id}/retire", new { effectiveOn = "9999-12-31" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsync($"/api/v1/platform/agencies/{Guid.NewGuid()}/retire", JsonContent.Create(new { effectiveOn = "2022-01-01" }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("retire-unit,10507,,,,,10510,,\nretire-unit,10510,,,,,10507,,", "2021-06-01", "vòng kế thừa")]
    [InlineData("retire-unit,10507,,,,,10510,,\nretire-unit,10507,,,,,10513,,", "2021-06-01", "bị thôi hiệu lực hai lần")]
    [InlineData("retire-unit,10507,,,,,99999,,", "2021-06-01", "Đơn vị kế thừa mã 99999")]
    [InlineData("retire-unit,10507,,,,,10510,,", "2020-06-01", "trước ngày Phường Cẩm Thượng (mã 10507) bắt đầu (01/01/2021)")]
    [InlineData("merge-all,10507,,,,,10510,,", "2021-06-01", "Thao tác 'merge-all' không hợp lệ")]
    [InlineData("create-unit,10999,,commune,,288,,,", "2021-06-01", "tên bắt buộc")]
    [InlineData("create-unit,1099912345678901234,Phường Dài,commune,,288,,,", "2021-06-01", "mã tối đa 16 ký tự")]
    public async Task A_bad_change_set_is_explained_in_Vietnamese_and_nothing_is_applied(string lines, string effectiveOn, string expected)
    {
        var admin = await factory.SignInAsync("admin");
        var before = await StateAsync();
        const string header = "operation,code,name,level,kind,parent_code,successor_codes,desk_name,note\n";
        var preview = await admin.PostAsync("/api/v1/platform/reorganisations/preview", ChangeSet(header + lines + "\n", "phuong-an.csv", effectiveOn));
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("canApply").GetBoolean().ShouldBeFalse();
        body.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ShouldContain(m => m!.Contains(expected), body.ToString());

        var applied = await admin.PostAsync("/api/v1/platform/reorganisations/", ChangeSet(header + lines + "\n", "phuong-an.csv", effectiveOn));
        var problem = await applied.Content.ReadFromJsonAsync<JsonElement>();
        applied.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("Platform.ReorganisationInvalid");
        (await StateAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("day khong phai CSV", "phuong-an.csv", "Dòng tiêu đề phải có các cột")]
    [InlineData("{ \"changes\": [ { \"new_code\": 1 } ] }", "anh-xa.json", "Tệp không đúng định dạng")]
    [InlineData("[1, 2", "anh-xa.json", "Tệp không đúng định dạng")]
    public async Task A_malformed_file_is_refused_with_a_Vietnamese_reason(string content, string fileName, string expected)
    {
        var admin = await factory.SignInAsync("admin");
        var before = await StateAsync();
        var preview = await admin.PostAsync("/api/v1/platform/reorganisations/preview", ChangeSet(content, fileName, "2021-06-01"));
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ShouldContain(m => m!.Contains(expected), body.ToString());
        var applied = await admin.PostAsync("/api/v1/platform/reorganisations/", ChangeSet(content, fileName, "2021-06-01"));
        applied.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Not multipart, no file, a bad date: 400 with a stable code, never a 5xx.
        (await admin.PostAsJsonAsync("/api/v1/platform/reorganisations/preview", new { file = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsync("/api/v1/platform/reorganisations/preview", new MultipartFormDataContent { { new StringContent("x"), "effectiveOn" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsync("/api/v1/platform/reorganisations/preview", ChangeSet(content, fileName, "31/02/2025"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StateAsync()).ShouldBe(before);
    }

    private static MultipartFormDataContent ChangeSet(string content, string fileName, string effectiveOn) => new()
    {
        { new StringContent(content), "file", fileName },
        { new StringContent(effectiveOn), "effectiveOn" },
    };

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
