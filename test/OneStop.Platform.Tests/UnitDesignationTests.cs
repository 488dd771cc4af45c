using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>
/// Xã đặc biệt khó khăn as an effective-dated designation of a unit (ADR 0023): marked and unmarked by a units manager
/// with dates and a legal basis, audited, asked by modules as "is unit X especially difficult on day D".
/// </summary>
public sealed class UnitDesignationTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private Task<AdministrativeUnit> UnitAsync(string level, int skip) => fx.AsSystemAsync(sp =>
        sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.AsNoTracking().Where(u => u.Level == level && u.ValidTo == null)
            .OrderBy(u => u.Code).Skip(skip).FirstAsync());

    private Task<bool> DifficultAsync(Guid unit, DateOnly day) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().IsEspeciallyDifficultAsync(unit, day));

    [Fact]
    public async Task A_commune_is_especially_difficult_from_its_marking_until_it_is_unmarked_and_each_change_is_audited()
    {
        var commune = await UnitAsync(UnitLevels.Commune, 10);
        var admin = await fx.SignInAsync("admin");
        var marked = await admin.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = commune.Id, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-03-01", legalBasis = "Quyết định số 861/QĐ-TTg" });
        marked.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await DifficultAsync(commune.Id, new(2026, 2, 28))).ShouldBeFalse();
        (await DifficultAsync(commune.Id, new(2026, 3, 1))).ShouldBeTrue();
        (await DifficultAsync(commune.Id, new(2030, 1, 1))).ShouldBeTrue();
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().EspeciallyDifficultAsync(new(2026, 1, 1), new(2026, 2, 1)))).ShouldNotContain(commune.Id);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().EspeciallyDifficultAsync(new(2026, 1, 1), new(2027, 1, 1)))).ShouldContain(commune.Id);

        // Overlapping the one in force: 409; unmarked from 2027: no longer from then on.
        var overlap = await admin.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = commune.Id, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-12-01", legalBasis = "QĐ khác" });
        overlap.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"/api/v1/platform/units/designations/{id}/end", new { from = "2027-01-01" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DifficultAsync(commune.Id, new(2026, 12, 31))).ShouldBeTrue();
        (await DifficultAsync(commune.Id, new(2027, 1, 1))).ShouldBeFalse();

        await fx.SealAuditAsync<PlatformDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var audited = await fx.AsSystemAsync(async sp => await sp.GetRequiredService<PlatformDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.EntityType == nameof(UnitDesignation) && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        audited.ShouldBe(["Added", "Modified"], ignoreOrder: true);
    }

    [Fact]
    public async Task Bad_designations_are_refused_by_code_and_nothing_is_saved()
    {
        var district = await UnitAsync(UnitLevels.District, 0);
        var commune = await UnitAsync(UnitLevels.Commune, 11);
        var admin = await fx.SignInAsync("admin");

        var noBasis = await admin.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = commune.Id, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-03-01", validTo = "2026-01-01", legalBasis = "" });
        noBasis.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await noBasis.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("LegalBasis")[0].GetString().ShouldBe("Căn cứ (số quyết định) bắt buộc, tối đa 512 ký tự.");
        errors.GetProperty("ValidTo")[0].GetString().ShouldBe("Ngày hết hiệu lực phải sau ngày có hiệu lực.");

        var notACommune = await admin.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = district.Id, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-03-01", legalBasis = "QĐ 861/QĐ-TTg" });
        notACommune.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var leader = await fx.SignInAsync("lanhdao.tinh");
        (await leader.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = commune.Id, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-03-01", legalBasis = "QĐ 861/QĐ-TTg" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().UnitDesignations.IgnoreQueryFilters().AnyAsync(d => d.UnitId == commune.Id || d.UnitId == district.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Designations_are_read_in_scope_and_written_only_by_a_units_manager()
    {
        var (a, b) = await fx.AsSystemAsync(async sp =>
        {
            var units = sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.AsNoTracking();
            return ((await units.FirstAsync(u => u.Code == "10507" && u.ValidTo == null)).Id, (await units.FirstAsync(u => u.Code == "10510" && u.ValidTo == null)).Id);
        });
        var admin = await fx.SignInAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = b, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-01-01", legalBasis = "QĐ 861/QĐ-TTg" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        async Task<List<Guid>> UnitsSeenBy(string user) =>
            (await (await fx.SignInAsync(user)).GetFromJsonAsync<JsonElement>("/api/v1/platform/units/designations")).EnumerateArray().Select(d => d.GetProperty("unitId").GetGuid()).ToList();
        (await UnitsSeenBy("motcua.camthuong")).ShouldNotContain(b);
        (await UnitsSeenBy("motcua.binhhan")).ShouldContain(b);
        (await UnitsSeenBy("lanhdao.tinh")).ShouldContain(b);

        var unitAdmin = await fx.SignInAsync("quantri.camthuong");
        (await unitAdmin.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = a, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-01-01", legalBasis = "QĐ 861/QĐ-TTg" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
