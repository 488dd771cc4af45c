using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.TestKit;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// The shipped change sets applied (Hải Dương's 2021 tree, 2024-12-01, 2025-07-01 into Hải Phòng), dossiers received at
/// Phường Cẩm Thượng and Phường Bình Hàn before 2025-07-01, at Phường Thành Đông (their successor, code 10507 reused)
/// after, and at Phường Trần Phú (split into Lê Thanh Nghị and Tân Hưng) before, then a full recompute of 2025.
/// </summary>
public sealed class ReorganisedYearFixture : OneStopFactory
{
    public const int Year = 2025;

    public AdministrativeUnitInfo CamThuong { get; private set; } = null!;
    public AdministrativeUnitInfo BinhHan { get; private set; } = null!;
    public AdministrativeUnitInfo ThanhDong { get; private set; } = null!;
    public AdministrativeUnitInfo TranPhu { get; private set; } = null!;
    public AdministrativeUnitInfo TanHung { get; private set; } = null!;
    public AdministrativeUnitInfo LeThanhNghi { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetVietnamTime(2026, 12, 7, 9);
        using (var scope = Services.CreateScope())
        {
            await ShippedReorganisations.ApplyAllAsync(scope.ServiceProvider);
        }

        var units = Services.GetRequiredService<IAdministrativeUnitDirectory>();
        var before = new DateOnly(Year, 6, 1);
        CamThuong = (await units.FindByCodeAsync("10507", before))!;
        BinhHan = (await units.FindByCodeAsync("10510", before))!;
        TranPhu = (await units.FindByCodeAsync("10528", before))!;
        ThanhDong = (await units.FindByCodeAsync("10507"))!;
        TanHung = (await units.FindByCodeAsync("10537"))!;
        LeThanhNghi = (await units.FindByCodeAsync("10532"))!;
        (CamThuong.Name, BinhHan.Name, ThanhDong.Name, TranPhu.Name, TanHung.Name)
            .ShouldBe(("Phường Cẩm Thượng", "Phường Bình Hàn", "Phường Thành Đông", "Phường Trần Phú", "Phường Tân Hưng"));

        static DateTimeOffset At(int month, int day) => new(Year, month, day, 9, 0, 0, TimeSpan.FromHours(7));
        await InsertAsync(CamThuong, At(3, 10), "DIRECT");
        await InsertAsync(CamThuong, At(5, 20), "ONLINE");
        await InsertAsync(CamThuong, At(6, 20), "DIRECT");
        await InsertAsync(BinhHan, At(4, 15), "ONLINE");
        await InsertAsync(BinhHan, At(6, 25), "DIRECT");
        await InsertAsync(ThanhDong, At(8, 5), "ONLINE");
        await InsertAsync(ThanhDong, At(10, 1), "DIRECT");
        // Trần Phú was split on 2025-07-01: each dossier goes where the applicant's address says, else to the primary successor.
        await InsertAsync(TranPhu, At(2, 12), "ONLINE", "Số 12 đường Nguyễn Lương Bằng, Phường Tân Hưng, TP. Hải Dương");
        await InsertAsync(TranPhu, At(2, 13), "DIRECT", "Số 3 phố Chi Lăng, phường Lê Thanh Nghị");
        await InsertAsync(TranPhu, At(2, 14), "DIRECT", null);

        await AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RecomputeYearAsync(Year, CancellationToken.None));
    }

    private Task<Guid> InsertAsync(AdministrativeUnitInfo unit, DateTimeOffset at, string channel, string? address = null) =>
        KpiDataGenerator.InsertDossierAsync(Database.ConnectionString!, unit.Id, unit.Path, unit.Code, unit.Name, at, channel, address);

    /// <summary>Every 2025 snapshot: code, period, unit, structure (both / was / is), N, D.</summary>
    public Task<List<(string Code, string Period, Guid Unit, string Structure, decimal N, decimal D)>> SnapshotsAsync() =>
        SqlRowsAsync(
            """SELECT "KpiCode", "PeriodKey", "UnitId", "Structure", "Numerator", "Denominator" FROM evaluation."KpiSnapshots" WHERE "PeriodStart" >= @from AND "PeriodStart" < @to""",
            r => (r.GetString(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetDecimal(4), r.GetDecimal(5)),
            ("from", new DateOnly(Year, 1, 1)), ("to", new DateOnly(Year + 1, 1, 1)));

    private Task<List<T>> SqlRowsAsync<T>(string sql, Func<Npgsql.NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters) =>
        Database.RowsAsync(sql, read, parameters);
}

public sealed class KpiStructureTests(ReorganisedYearFixture fx) : IClassFixture<ReorganisedYearFixture>
{
    private sealed record View(IReadOnlyDictionary<(string Code, string Period, Guid Unit), (decimal N, decimal D)> Values)
    {
        public (decimal N, decimal D) Of(string code, string period, Guid unit) => Values.GetValueOrDefault((code, period, unit));
    }

    private async Task<(View Was, View Is)> ViewsAsync()
    {
        var rows = await fx.SnapshotsAsync();
        View Of(string structure) => new(rows.Where(r => r.Structure == "both" || r.Structure == structure)
            .ToDictionary(r => (r.Code, r.Period, r.Unit), r => (r.N, r.D)));
        return (Of(KpiStructures.Was), Of(KpiStructures.Is));
    }

    private static (decimal N, decimal D) Sum(params (decimal N, decimal D)[] values) => (values.Sum(v => v.N), values.Sum(v => v.D));

    [Fact]
    public async Task For_2025_every_kpi_summed_over_the_province_is_the_same_as_was_and_as_is()
    {
        var (was, @is) = await ViewsAsync();
        var all = await fx.AsSystemAsync(sp => sp.GetRequiredService<IAdministrativeUnitDirectory>().AllAsync());
        var roots = all.Where(u => u.ParentId is null).Select(u => u.Id).ToHashSet();
        roots.Count.ShouldBe(2); // Tỉnh Hải Dương until 2025-06-30, Thành phố Hải Phòng since

        Dictionary<(string Code, string Period), (decimal N, decimal D)> Province(View view) => view.Values
            .Where(v => roots.Contains(v.Key.Unit)).GroupBy(v => (v.Key.Code, v.Key.Period))
            .ToDictionary(g => g.Key, g => (g.Sum(v => v.Value.N), g.Sum(v => v.Value.D)));
        var provinceWas = Province(was);
        var provinceIs = Province(@is);
        provinceWas.Keys.Order().ShouldBe(provinceIs.Keys.Order());
        foreach (var (key, value) in provinceWas)
        {
            provinceIs[key].ShouldBe(value, $"{key.Code} {key.Period}");
        }

        // Every KPI the test data feeds is among them; as is, the whole year is Hải Phòng's.
        var haiPhong = all.Single(u => u.ParentId is null && u.ValidTo is null);
        var haiDuong = all.Single(u => u.ParentId is null && u.ValidTo is not null);
        @is.Of(KpiCodes.OnlineShare, "2025", haiPhong.Id).D.ShouldBe(provinceWas[(KpiCodes.OnlineShare, "2025")].D);
        @is.Of(KpiCodes.OnlineShare, "2025", haiDuong.Id).ShouldBe((0m, 0m));
        was.Of(KpiCodes.OnlineShare, "2025", haiDuong.Id).D.ShouldBeGreaterThanOrEqualTo(8m); // Cẩm Thượng, Bình Hàn, Trần Phú
        was.Of(KpiCodes.OnlineShare, "2025-06", haiDuong.Id).D.ShouldBeGreaterThanOrEqualTo(2m);
    }

    [Fact]
    public async Task As_is_Thanh_Dong_is_Cam_Thuong_and_Binh_Han_before_July_plus_its_own_after_and_as_was_each_stays_where_it_was_received()
    {
        var (was, @is) = await ViewsAsync();
        var periods = new[] { "2025", "2025-Q2", "2025-Q3", "2025-06", "2025-08" };
        // Dossier KPIs: the test's dossiers are the only ones of 2025, at Cẩm Thượng, Bình Hàn and Thành Đông.
        foreach (var code in new[] { KpiCodes.OnlineShare, KpiCodes.I766DataReuse, KpiCodes.I766PopulationData, KpiCodes.I766Progress, KpiCodes.OnTimeRate })
        {
            foreach (var period in periods)
            {
                @is.Of(code, period, fx.ThanhDong.Id).ShouldBe(
                    Sum(was.Of(code, period, fx.CamThuong.Id), was.Of(code, period, fx.BinhHan.Id), was.Of(code, period, fx.ThanhDong.Id)), $"{code} {period}");
            }
        }

        // Every KPI (the catalogue's are credited to every unit of the time): Thành Đông as is is the sum, as was, of
        // itself and of every unit it stands for today — Cẩm Thượng, Bình Hàn, Nguyễn Trãi and An Thượng.
        var standingFor = await fx.AsSystemAsync(async sp =>
        {
            var units = sp.GetRequiredService<IAdministrativeUnitDirectory>();
            var mine = new List<AdministrativeUnitInfo>();
            foreach (var unit in await units.AllAsync())
            {
                if ((await units.CurrentAsync(unit.Id))?.Id == fx.ThanhDong.Id)
                {
                    mine.Add(unit);
                }
            }

            return mine;
        });
        standingFor.Select(u => u.Code).ShouldBeSubsetOf(["10507", "10510", "10519", "10663", "10507"]);
        standingFor.Select(u => u.Name).ShouldContain("Phường Bình Hàn");
        var codes = was.Values.Keys.Concat(@is.Values.Keys).Where(k => k.Period == "2025").Select(k => k.Code).Distinct().ToList();
        codes.ShouldContain(KpiCodes.I766PublishedInFull);
        foreach (var code in codes)
        {
            foreach (var period in periods)
            {
                @is.Of(code, period, fx.ThanhDong.Id).ShouldBe(Sum(standingFor.Select(u => was.Of(code, period, u.Id)).ToArray()), $"{code} {period}");
            }
        }

        // The dossiers of the test: 3 at Cẩm Thượng and 2 at Bình Hàn before 07-01 (2 online), 2 at Thành Đông after (1 online).
        was.Of(KpiCodes.OnlineShare, "2025", fx.CamThuong.Id).ShouldBe((1m, 3m));
        was.Of(KpiCodes.OnlineShare, "2025", fx.BinhHan.Id).ShouldBe((1m, 2m));
        was.Of(KpiCodes.OnlineShare, "2025", fx.ThanhDong.Id).ShouldBe((1m, 2m));
        @is.Of(KpiCodes.OnlineShare, "2025", fx.ThanhDong.Id).ShouldBe((3m, 7m));
        @is.Of(KpiCodes.OnlineShare, "2025-06", fx.ThanhDong.Id).ShouldBe((0m, 2m));
        @is.Of(KpiCodes.OnlineShare, "2025", fx.CamThuong.Id).ShouldBe((0m, 0m)); // a retired unit has no "as is" values

        // As was, Cẩm Thượng rolls up to its district of the time (Thành phố Hải Dương, 288), not to Hải Phòng.
        var district = await fx.AsSystemAsync(sp => sp.GetRequiredService<IAdministrativeUnitDirectory>().FindAsync(fx.CamThuong.ParentId!.Value));
        district!.Code.ShouldBe("288");
        was.Of(KpiCodes.OnlineShare, "2025-Q2", district.Id).D.ShouldBeGreaterThanOrEqualTo(4m);
        @is.Of(KpiCodes.OnlineShare, "2025-Q2", district.Id).ShouldBe((0m, 0m));
    }

    [Fact]
    public async Task A_split_communes_dossier_counts_as_is_at_the_successor_its_applicants_address_names_else_at_the_primary_one()
    {
        var (was, @is) = await ViewsAsync();
        was.Of(KpiCodes.OnlineShare, "2025-02", fx.TranPhu.Id).ShouldBe((1m, 3m));
        // "… Phường Tân Hưng …" (the online one) → Tân Hưng; "… phường Lê Thanh Nghị" and no address → Lê Thanh Nghị (primary).
        @is.Of(KpiCodes.OnlineShare, "2025-02", fx.TanHung.Id).ShouldBe((1m, 1m));
        @is.Of(KpiCodes.OnlineShare, "2025-02", fx.LeThanhNghi.Id).ShouldBe((0m, 2m));
        @is.Of(KpiCodes.OnlineShare, "2025-02", fx.TranPhu.Id).ShouldBe((0m, 0m));
    }

    [Fact]
    public void A_change_set_taking_effect_schedules_a_recompute_of_the_kpis()
    {
        var scheduled = fx.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100);
        scheduled.ShouldContain(j => j.Value.Job.Type == typeof(KpiEngine) && j.Value.Job.Method.Name == nameof(KpiEngine.RecomputeYearAsync)
            && (int)j.Value.Job.Args[0] == 2026);
    }

    [Fact]
    public async Task The_api_and_the_cockpit_switch_between_as_was_and_as_is_and_the_766_index_includes_the_predecessors()
    {
        var leader = await fx.SignInAsync("lanhdao.tinh");
        async Task<JsonElement> Value(string query)
        {
            var values = await leader.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/kpis?" + query);
            return values.EnumerateArray().Single(v => v.GetProperty("code").GetString() == KpiCodes.OnlineShare);
        }

        (await Value($"unitId={fx.ThanhDong.Id}&period=2025&structure=was")).GetProperty("denominator").GetDecimal().ShouldBe(2m);
        (await Value($"unitId={fx.ThanhDong.Id}&period=2025&structure=is")).GetProperty("denominator").GetDecimal().ShouldBe(7m);
        (await Value($"unitId={fx.ThanhDong.Id}&period=2025")).GetProperty("denominator").GetDecimal().ShouldBe(7m); // as is by default
        (await Value($"unitId={fx.CamThuong.Id}&period=2025")).GetProperty("denominator").GetDecimal().ShouldBe(3m); // a retired unit: as was

        var bad = await leader.GetAsync($"/api/v1/evaluation/kpis?unitId={fx.ThanhDong.Id}&period=2025&structure=sometime");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(EvaluationErrorCodes.InvalidStructure);

        // The 766 index of Thành Đông for the second quarter (before it existed) is its predecessors' as is, nothing as was.
        var asIs = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/index766?unitId={fx.ThanhDong.Id}&period=2025-Q2");
        var asWas = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/index766?unitId={fx.ThanhDong.Id}&period=2025-Q2&structure=was");
        asIs.GetProperty("measuredMaxPoints").GetDecimal().ShouldBeGreaterThan(0m);
        asIs.GetProperty("measuredMaxPoints").GetDecimal().ShouldBeGreaterThan(asWas.GetProperty("measuredMaxPoints").GetDecimal());

        // Children: as was, Hải Dương's districts of 2025 (the tree of then); as is, Hải Phòng's communes.
        var haiDuong = (await fx.AsSystemAsync(sp => sp.GetRequiredService<IAdministrativeUnitDirectory>().AllAsync()))
            .Single(u => u.ParentId is null && u.ValidTo is not null);
        var districts = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/kpis/{KpiCodes.OnlineShare}/units?unitId={haiDuong.Id}&period=2025&structure=was");
        districts.EnumerateArray().ShouldContain(c => c.GetProperty("code").GetString() == "288" && c.GetProperty("denominator").GetDecimal() >= 8m);

        var page = await leader.GetAsync($"/Evaluation?unit={fx.ThanhDong.Id}&year=2025&structure=was");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("<option value=\"was\" selected=\"selected\">Theo cơ cấu khi đó</option>");
        var kpi = await leader.GetStringAsync($"/Evaluation/Kpi?code={KpiCodes.OnlineShare}&unit={fx.ThanhDong.Id}&period=2025");
        kpi.ShouldContain("data-structure=\"is\"");
    }
}
