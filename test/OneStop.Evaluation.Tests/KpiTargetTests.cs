using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Features.Targets;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Kpis;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// KPI targets per year, level and unit with their legal basis (ADR 0023): the unit > level > all look-up, the 2026
/// defaults, bad input refused by code in both languages with nothing saved, edits shown on the snapshots at once,
/// and communes designated especially difficult left out where the target says so.
/// </summary>
public sealed class KpiTargetTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static KpiDefinition Definition(string code, string levels = "province,district,commune") =>
        new(code) { Levels = levels, Periods = "month,quarter,year", Measure = KpiMeasures.Ratio };

    [Fact]
    public void A_units_own_target_comes_before_its_levels_and_a_levels_before_the_one_for_all()
    {
        var d = Definition("plan.test");
        var (unit, other) = (Guid.NewGuid(), Guid.NewGuid());
        var book = new KpiTargetBook([
            new KpiTarget("plan.test", 2026, null, 50, legalBasis: "KH chung"),
            new KpiTarget("plan.test", 2026, "commune", 70, legalBasis: "KH cấp xã"),
            new KpiTarget("plan.test", 2026, null, 90, unitId: unit, legalBasis: "KH riêng"),
            new KpiTarget("plan.test", 2025, "commune", 10, legalBasis: "KH 2025"),
        ]);

        book.ValueFor(d, 2026, unit, "commune").ShouldBe(90m);
        book.ValueFor(d, 2026, other, "commune").ShouldBe(70m);
        book.ValueFor(d, 2026, other, "district").ShouldBe(50m);
        book.ValueFor(d, 2025, other, "district").ShouldBeNull();
        book.ValueFor(Definition("plan.test", "commune"), 2026, other, "district").ShouldBeNull(); // a level the KPI does not apply to
        book.ValueFor(d, 2027, unit, "commune").ShouldBeNull();
    }

    [Fact]
    public void A_commune_designated_especially_difficult_is_out_of_the_numerator_and_denominator_where_the_target_says_so()
    {
        var province = new UnitNode(Guid.NewGuid(), "/30/", "province", "Tỉnh", null, new(2000, 1, 1), null);
        var a = new UnitNode(Guid.NewGuid(), "/30/1/", "commune", "Xã A", province.Id, new(2000, 1, 1), null);
        var b = new UnitNode(Guid.NewGuid(), "/30/2/", "commune", "Xã B", province.Id, new(2000, 1, 1), null);
        var d = Definition("plan.desks-digitising", "district,commune");
        var targets = new KpiTargetBook([new KpiTarget(d.Code, 2026, "commune", 100, legalBasis: "KH", excludesEspeciallyDifficult: true)]);
        // B is especially difficult from June 2026; A was until 2025.
        var designations = new List<UnitDesignationInfo>
        {
            new(Guid.NewGuid(), b.Id, UnitDesignationKinds.EspeciallyDifficult, new(2026, 6, 1), null, "QĐ 861/QĐ-TTg"),
            new(Guid.NewGuid(), a.Id, UnitDesignationKinds.EspeciallyDifficult, new(2021, 6, 1), new(2026, 1, 1), "QĐ 861/QĐ-TTg"),
        };
        var context = new EngineContext(new Dictionary<string, KpiDefinition> { [d.Code] = d }, targets, [province, a, b], [], new(2026, 12, 7), designations);
        KpiRow[] rows = [new(d.Code, a.Id, a.Path, 1, 2), new(d.Code, b.Id, b.Path, 0, 3)];

        Snapshot(KpiPeriod.ForYear(2026), b.Id).ShouldBeNull();
        Snapshot(KpiPeriod.ForYear(2026), province.Id)!.Denominator.ShouldBe(2m);
        Snapshot(KpiPeriod.Parse("2026-03")!, province.Id)!.Denominator.ShouldBe(5m); // before the designation
        Snapshot(KpiPeriod.Parse("2026-07")!, province.Id)!.Numerator.ShouldBe(1m);

        // Without the flag on the target (the plan did not say so) both communes count.
        var plain = new EngineContext(new Dictionary<string, KpiDefinition> { [d.Code] = d },
            new KpiTargetBook([new KpiTarget(d.Code, 2026, "commune", 100, legalBasis: "KH")]), [province, a, b], [], new(2026, 12, 7), designations);
        KpiEngine.Roll(plain, [d.Code], KpiPeriod.ForYear(2026), rows, DateTimeOffset.UtcNow).Single(s => s.UnitId == province.Id).Denominator.ShouldBe(5m);

        KpiSnapshot? Snapshot(KpiPeriod period, Guid unit) =>
            KpiEngine.Roll(context, [d.Code], period, rows, DateTimeOffset.UtcNow).SingleOrDefault(s => s.UnitId == unit);
    }

    [Fact]
    public async Task The_2026_targets_are_seeded_from_2025_with_their_default_legal_basis()
    {
        var targets = await fx.AsSystemAsync(async sp => await sp.GetRequiredService<EvaluationDbContext>().Targets.AsNoTracking().ToListAsync());
        var y2026 = targets.Where(t => t.Year == 2026).ToList();
        var y2025 = targets.Where(t => t.Year == 2025 && t.UnitId == null).ToList();
        y2026.Count.ShouldBeGreaterThanOrEqualTo(y2025.Count);
        foreach (var t in y2025)
        {
            var next = y2026.Single(x => x.Code == t.Code && x.Level == t.Level && x.UnitId == null);
            next.Value.ShouldBe(t.Value);
        }

        y2026.Where(t => t.Code == KpiCodes.DesksDigitising).ShouldAllBe(t => t.ExcludesEspeciallyDifficult && t.LegalBasis == "Kế hoạch 2026 (mặc định theo chỉ tiêu 2025)");
        targets.Where(t => t.Code == KpiCodes.Satisfaction).ShouldAllBe(t => t.LegalBasis.Length > 0 && !t.ExcludesEspeciallyDifficult);
    }

    [Theory]
    [InlineData("vi", KpiCodes.OnlineShare, 120, "Chỉ tiêu của chỉ số tỷ lệ phải từ 0 đến 100 %.")]
    [InlineData("en", KpiCodes.OnlineShare, 100.5, "A ratio KPI's target must be between 0 and 100 %.")]
    [InlineData("vi", KpiCodes.WaitingTime, -5, "Chỉ tiêu phải là số không âm (từ 0 trở lên).")]
    [InlineData("en", KpiCodes.WaitingTime, -1, "The target must be a number of at least 0.")]
    public async Task A_target_out_of_range_is_refused_by_code_in_the_readers_language_and_nothing_is_saved(string language, string code, decimal value, string message)
    {
        var leader = await fx.SignInAsync("lanhdao.tinh");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/evaluation/kpis/targets")
        {
            Content = JsonContent.Create(new { code, year = 2031, level = (string?)null, unitId = (Guid?)null, value, legalBasis = "Kế hoạch số 1/KH-UBND", excludesEspeciallyDifficult = false }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await leader.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Platform.ValidationFailed");
        problem.GetProperty("errors").GetProperty("Value").EnumerateArray().Select(e => e.GetString()).ShouldContain(message);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<EvaluationDbContext>().Targets.AnyAsync(t => t.Year == 2031))).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_the_target_managers_write_and_each_write_is_audited()
    {
        var body = new { code = KpiCodes.OnlineShare, year = 2032, level = "commune", value = 60, legalBasis = "Kế hoạch số 2/KH-UBND", excludesEspeciallyDifficult = false };
        var district = await fx.SignInAsync("lanhdao.tphd");
        (await district.PostAsJsonAsync("/api/v1/evaluation/kpis/targets", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var leader = await fx.SignInAsync("lanhdao.tinh");
        var created = await leader.PostAsJsonAsync("/api/v1/evaluation/kpis/targets", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var changed = await leader.PostAsJsonAsync("/api/v1/evaluation/kpis/targets", body with { value = 65 });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(id);

        var copied = await leader.PostAsJsonAsync("/api/v1/evaluation/kpis/targets/copy", new { year = 2032 });
        (await copied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32().ShouldBe(1);
        var next = await leader.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/kpis/targets?year=2033");
        var row = next.EnumerateArray().Single();
        (row.GetProperty("value").GetDecimal(), row.GetProperty("legalBasis").GetString(), row.GetProperty("level").GetString()).ShouldBe((65m, "Kế hoạch số 2/KH-UBND", "commune"));
        (await leader.DeleteAsync($"/api/v1/evaluation/kpis/targets/{row.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await leader.DeleteAsync($"/api/v1/evaluation/kpis/targets/{row.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await fx.SealAuditAsync<EvaluationDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var audited = await fx.AsSystemAsync(async sp => await sp.GetRequiredService<EvaluationDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.EntityType == nameof(KpiTarget)).Select(a => a.Action).ToListAsync());
        audited.ShouldContain("Added");
        audited.ShouldContain("Modified");
        audited.ShouldContain("Deleted");
    }

    [Fact]
    public async Task A_changed_target_shows_on_the_stored_snapshots_of_its_year_at_once()
    {
        var (commune, district) = await fx.AsSystemAsync(async sp =>
        {
            var units = sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.AsNoTracking();
            var c = await units.Where(u => u.Level == "commune" && u.ValidTo == null).OrderBy(u => u.Code).FirstAsync();
            var d = await units.Where(u => u.Level == "district").OrderBy(u => u.Code).FirstAsync();
            return (c, d);
        });
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<EvaluationDbContext>();
            foreach (var (unit, value) in new[] { (commune, 40m), (district, 55m) })
            {
                db.Snapshots.Add(new KpiSnapshot
                {
                    KpiCode = KpiCodes.ElectronicRouting, UnitId = unit.Id, UnitPath = unit.Path, UnitLevel = unit.Level, PeriodKind = "year", PeriodKey = "2034",
                    PeriodStart = new(2034, 1, 1), Numerator = value, Denominator = 100, Value = value, ComputedAt = DateTimeOffset.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

        var leader = await fx.SignInAsync("lanhdao.tinh");
        (await leader.PostAsJsonAsync("/api/v1/evaluation/kpis/targets", new { code = KpiCodes.ElectronicRouting, year = 2034, value = 50, legalBasis = "KH 2034" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await leader.PostAsJsonAsync("/api/v1/evaluation/kpis/targets",
            new { code = KpiCodes.ElectronicRouting, year = 2034, unitId = commune.Id, value = 45, legalBasis = "KH riêng" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var stored = await fx.AsSystemAsync(async sp => await sp.GetRequiredService<EvaluationDbContext>().Snapshots.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.KpiCode == KpiCodes.ElectronicRouting && s.PeriodKey == "2034").ToDictionaryAsync(s => s.UnitId, s => (s.Target, s.Met)));
        stored[commune.Id].ShouldBe(((decimal?)45m, (bool?)false)); // its own target, not met
        stored[district.Id].ShouldBe(((decimal?)50m, (bool?)true));
    }

    [Fact]
    public async Task The_desks_drill_down_leaves_out_a_designated_commune_where_the_target_says_so()
    {
        var (commune, parent) = await fx.AsSystemAsync(async sp =>
        {
            var units = sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.AsNoTracking();
            var c = await units.Where(u => u.Level == "commune" && u.ValidTo == null).OrderBy(u => u.Code).Skip(5).FirstAsync();
            return (c.ToInfo(), (await units.FirstAsync(u => u.Id == c.ParentId)).ToInfo());
        });
        await fx.AsSystemAsync(sp => sp.GetRequiredService<UnitDesignationHandler>().MarkAsync(
            new MarkUnitRequest(commune.Id, UnitDesignationKinds.EspeciallyDifficult, new(2035, 1, 1), null, "QĐ thử"), CancellationToken.None));

        async Task<IReadOnlyList<KpiDetailRow>> RowsAsync() => await fx.AsSystemAsync(sp =>
            sp.GetRequiredService<OneStop.Evaluation.Features.Cockpit.KpiQueries>().DetailsAsync(KpiCodes.DesksDigitising, parent, KpiPeriod.ForYear(2035), 500, CancellationToken.None));

        (await RowsAsync()).ShouldContain(r => r.UnitPath == commune.Path); // no 2035 target yet
        var leader = await fx.SignInAsync("lanhdao.tinh");
        (await leader.PostAsJsonAsync("/api/v1/evaluation/kpis/targets",
            new { code = KpiCodes.DesksDigitising, year = 2035, level = "commune", value = 100, legalBasis = "KH 2035", excludesEspeciallyDifficult = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var rows = await RowsAsync();
        rows.ShouldNotContain(r => r.UnitPath == commune.Path);
        rows.ShouldNotBeEmpty();
    }
}
