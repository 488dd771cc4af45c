using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Contracts;
using UglyToad.PdfPig;

namespace OneStop.Evaluation.Tests;

/// <summary>A host with a generated year (2025) of ratings and complaints for every unit, and a full KPI recompute of it.</summary>
public sealed class GeneratedYearFixture : OneStopFactory
{
    public const int Year = 2025;

    public (long Ratings, long Complaints) Generated { get; private set; }
    public long Dossiers { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Generated = await KpiDataGenerator.GenerateAsync(Database.ConnectionString!, Year, KpiDataGenerator.Volumes.Realistic);
        Dossiers = await KpiDataGenerator.GenerateDossiersAsync(Database.ConnectionString!, Year, KpiDataGenerator.Volumes.Realistic);
        // Plan tasks due in 2025 for a few units (through PlanTasks' public contract), so its calculator has rows.
        await AsSystemAsync(async sp =>
        {
            var api = sp.GetRequiredService<IPlanTasksApi>();
            var units = sp.GetRequiredService<PlatformDbContext>();
            var some = await units.AdministrativeUnits.Where(u => u.Level == "commune").OrderBy(u => u.Code).Take(6).Select(u => u.Id).ToListAsync();
            var i = 0;
            foreach (var unit in some)
            {
                await api.RaiseImprovementTaskAsync(new ImprovementTaskRequest($"test:{i}", unit, "Nhiệm vụ thử nghiệm", KpiCodes.Satisfaction, new DateOnly(Year, 2 + i % 10, 10)));
                i++;
            }

            return 0;
        });
        await AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RecomputeYearAsync(Year, CancellationToken.None));
    }

    public async Task<T> SqlAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return read(reader);
    }
}

public sealed class KpiEngineTests(GeneratedYearFixture fx) : IClassFixture<GeneratedYearFixture>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    /// <summary>Independent SQL for each KPI: numerator and denominator over every row under a unit path in [from, to).</summary>
    private static readonly Dictionary<string, string> IndependentSql = new()
    {
        [KpiCodes.Satisfaction] = """SELECT count(*) FILTER (WHERE "Overall" IN ('VERY_SATISFIED','SATISFIED')), count(*) FROM evaluation."Ratings" WHERE "UnitPath" LIKE @path || '%' AND "RatedAt" >= @from AND "RatedAt" < @to AND NOT "IsDeleted" """,
        [KpiCodes.I766DossierSatisfaction] = """SELECT count(*) FILTER (WHERE "Overall" <> 'DISSATISFIED'), count(*) FROM evaluation."Ratings" WHERE "UnitPath" LIKE @path || '%' AND "RatedAt" >= @from AND "RatedAt" < @to AND NOT "IsDeleted" """,
        [KpiCodes.SatisfactionCriteria] = """SELECT coalesce(sum("Points"), 0), 18 * count(*) FROM evaluation."Ratings" WHERE "UnitPath" LIKE @path || '%' AND "RatedAt" >= @from AND "RatedAt" < @to AND NOT "IsDeleted" """,
        [KpiCodes.I766ComplaintsOnTime] = """SELECT count(*) FILTER (WHERE ("ResolvedAt" IS NOT NULL AND "ResolvedAt" <= "DueAt") OR ("ResolvedAt" IS NULL AND "DueAt" >= now())), count(*) FROM evaluation."Complaints" WHERE "UnitPath" LIKE @path || '%' AND "ReceivedAt" >= @from AND "ReceivedAt" < @to AND NOT "IsDeleted" """,
        [KpiCodes.I766ComplaintSatisfaction] = """SELECT count(*) FILTER (WHERE "ApplicantSatisfied"), count(*) FROM evaluation."Complaints" WHERE "UnitPath" LIKE @path || '%' AND "ResolvedAt" >= @from AND "ResolvedAt" < @to AND "ApplicantSatisfied" IS NOT NULL AND NOT "IsDeleted" """,
        [KpiCodes.OnlineShare] = """SELECT count(*) FILTER (WHERE "Channel" = 'ONLINE'), count(*) FROM counters."Dossiers" WHERE "UnitPath" LIKE @path || '%' AND "ReceivedAt" >= @from AND "ReceivedAt" < @to AND "Status" NOT IN ('NEW','REFUSED','WITHDRAWN')""",
        [KpiCodes.OnTimeRate] = """SELECT count(*) FILTER (WHERE "DueAt" IS NULL OR "ResolvedAt" <= "DueAt"), count(*) FROM counters."Dossiers" WHERE "SharedUnitPath" LIKE @path || '%' AND "ResolvedAt" >= @from AND "ResolvedAt" < @to""",
        [KpiCodes.I766Progress] = """SELECT count(*) FILTER (WHERE CASE WHEN "ResolvedAt" IS NOT NULL THEN "DueAt" IS NULL OR "ResolvedAt" <= "DueAt" ELSE "Status" <> 'STOPPED' AND ("DueAt" IS NULL OR "DueAt" >= now()) END), count(*) FROM counters."Dossiers" WHERE "SharedUnitPath" LIKE @path || '%' AND "ReceivedAt" >= @from AND "ReceivedAt" < @to AND "Status" NOT IN ('NEW','REFUSED','WITHDRAWN')""",
        [KpiCodes.PlanTasksOnTime] = """SELECT count(*) FILTER (WHERE "Status" = 'completed'), count(*) FROM plantasks."Assignments" WHERE "UnitPath" LIKE @path || '%' AND "DueOn" >= @fromDay AND "DueOn" < @toDay AND NOT "IsDeleted" """,
    };

    private static (DateTimeOffset From, DateTimeOffset To, DateOnly FromDay, DateOnly ToDay) Bounds(string period) => period switch
    {
        "2025" => (new(2025, 1, 1, 0, 0, 0, Vn), new(2026, 1, 1, 0, 0, 0, Vn), new(2025, 1, 1), new(2026, 1, 1)),
        "2025-Q2" => (new(2025, 4, 1, 0, 0, 0, Vn), new(2025, 7, 1, 0, 0, 0, Vn), new(2025, 4, 1), new(2025, 7, 1)),
        "2025-07" => (new(2025, 7, 1, 0, 0, 0, Vn), new(2025, 8, 1, 0, 0, 0, Vn), new(2025, 7, 1), new(2025, 8, 1)),
        "2025-03-15" => (new(2025, 3, 15, 0, 0, 0, Vn), new(2025, 3, 16, 0, 0, 0, Vn), new(2025, 3, 15), new(2025, 3, 16)),
        _ => throw new ArgumentException(period),
    };

    private Task<(decimal N, decimal D)> ExpectedAsync(string code, string path, string period)
    {
        var (from, to, fromDay, toDay) = Bounds(period);
        return fx.SqlAsync(IndependentSql[code], r => (Convert.ToDecimal(r.GetValue(0)), Convert.ToDecimal(r.GetValue(1))),
            ("path", path), ("from", from.ToUniversalTime()), ("to", to.ToUniversalTime()), ("fromDay", fromDay), ("toDay", toDay));
    }

    private Task<List<(string Code, string Path, string Level, string Period, decimal N, decimal D, decimal? Value, decimal? Points)>> SnapshotsAsync(string[] periods) =>
        fx.AsSystemAsync(async sp => (await sp.GetRequiredService<EvaluationDbContext>().Snapshots.AsNoTracking()
                .Where(s => periods.Contains(s.PeriodKey)).ToListAsync())
            .Select(s => (s.KpiCode, s.UnitPath, s.UnitLevel, s.PeriodKey, s.Numerator, s.Denominator, s.Value, s.Points)).ToList());

    [Fact]
    public async Task The_generated_year_has_realistic_volumes_for_every_unit()
    {
        fx.Generated.Ratings.ShouldBeGreaterThan(35_000);
        fx.Generated.Complaints.ShouldBeGreaterThan(2_000);
        fx.Dossiers.ShouldBeGreaterThan(35_000);
        var units = await fx.SqlAsync("""SELECT count(DISTINCT "UnitId") FROM evaluation."Ratings" """, r => r.GetInt64(0));
        units.ShouldBe(248); // the province, 12 districts, 235 communes
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-Q2")]
    [InlineData("2025-07")]
    [InlineData("2025-03-15")]
    public async Task Each_kpi_of_each_unit_equals_an_independent_sql_query(string period)
    {
        var snapshots = (await SnapshotsAsync([period])).Where(s => IndependentSql.ContainsKey(s.Code)).ToList();
        var paths = await fx.SqlAsync("""SELECT array_agg("Path" ORDER BY "Path") FROM platform."AdministrativeUnits" """, r => (string[])r.GetValue(0));
        // Every unit for the year, every fifth unit for the shorter periods (keeps the test quick).
        var checkedPaths = period == "2025" ? paths : paths.Where((_, i) => i % 5 == 0).ToArray();
        var compared = 0;
        // Dossier and plan-task KPIs are defined per month, quarter and year only (kpis.json).
        string[] noDays = [KpiCodes.OnlineShare, KpiCodes.OnTimeRate, KpiCodes.I766Progress, KpiCodes.PlanTasksOnTime];
        foreach (var code in IndependentSql.Keys.Where(c => period.Length != 10 || !noDays.Contains(c)))
        {
            foreach (var path in checkedPaths)
            {
                var (n, d) = await ExpectedAsync(code, path, period);
                var snapshot = snapshots.Where(s => s.Code == code && s.Path == path).ToList();
                if (n == 0 && d == 0)
                {
                    snapshot.ShouldBeEmpty($"{code} {path} {period}: nothing to count, so no snapshot");
                    continue;
                }

                snapshot.Count.ShouldBe(1, $"{code} {path} {period}");
                snapshot[0].N.ShouldBe(n, $"{code} {path} {period} numerator");
                snapshot[0].D.ShouldBe(d, $"{code} {path} {period} denominator");
                if (code != KpiCodes.SatisfactionCriteria && d > 0)
                {
                    snapshot[0].Value.ShouldBe(Math.Round(100m * n / d, 2));
                }

                compared++;
            }
        }

        // More than one KPI per unit on average (a single day has data in fewer units).
        compared.ShouldBeGreaterThan(period == "2025-03-15" ? 10 : checkedPaths.Length);
    }

    [Fact]
    public async Task A_districts_roll_up_is_the_sum_over_its_communes_rows_never_an_average_of_percentages()
    {
        var snapshots = await SnapshotsAsync(["2025", "2025-Q2"]);
        // The KPIs with an independent query, whose own rows at the district desk can be counted separately.
        var districts = snapshots.Where(s => s.Level == "district" && IndependentSql.ContainsKey(s.Code)).ToList();
        districts.ShouldNotBeEmpty();
        foreach (var district in districts)
        {
            var communes = snapshots.Where(s => s.Code == district.Code && s.Period == district.Period && s.Level == "commune" && s.Path.StartsWith(district.Path)).ToList();
            // The district desk's own rows (not under any commune) plus every commune's.
            var own = await fx.SqlAsync(IndependentSql[district.Code].Replace("LIKE @path || '%'", "= @path"), r => (N: Convert.ToDecimal(r.GetValue(0)), D: Convert.ToDecimal(r.GetValue(1))),
                    ("path", district.Path), ("from", Bounds(district.Period).From.ToUniversalTime()), ("to", Bounds(district.Period).To.ToUniversalTime()),
                    ("fromDay", Bounds(district.Period).FromDay), ("toDay", Bounds(district.Period).ToDay));
            district.N.ShouldBe(communes.Sum(c => c.N) + own.N, $"{district.Code} {district.Path} {district.Period}");
            district.D.ShouldBe(communes.Sum(c => c.D) + own.D, $"{district.Code} {district.Path} {district.Period}");
        }

        // Summing, not averaging: the district's rate differs from the mean of its communes' rates somewhere.
        var satisfaction = districts.Where(d => d.Code == KpiCodes.Satisfaction && d.Period == "2025").ToList();
        satisfaction.Any(d => Math.Abs(d.Value!.Value - snapshots.Where(c => c.Code == d.Code && c.Period == d.Period && c.Level == "commune" && c.Path.StartsWith(d.Path)).Average(c => c.Value!.Value)) > 0.001m)
            .ShouldBeTrue();
    }

    [Fact]
    public async Task The_766_points_follow_the_formula_and_full_points_come_at_90_percent_for_dossier_satisfaction()
    {
        var snapshots = await SnapshotsAsync(["2025"]);
        foreach (var s in snapshots.Where(s => s.Code == KpiCodes.I766DossierSatisfaction))
        {
            s.Points.ShouldBe(Math.Round(6m * Math.Min(1m, s.N / s.D / 0.9m), 2));
        }

        foreach (var s in snapshots.Where(s => s.Code == KpiCodes.I766ComplaintsOnTime))
        {
            s.Points.ShouldBe(Math.Round(6m * Math.Min(1m, s.N / s.D), 2));
        }
    }

    [Fact]
    public async Task An_incremental_run_recomputes_only_the_periods_of_the_days_that_changed()
    {
        var commune = await fx.SqlAsync("""SELECT "Id"::text || '|' || "Path" FROM platform."AdministrativeUnits" WHERE "Code" = '10507'""", r => r.GetString(0));
        var (id, path) = (Guid.Parse(commune.Split('|')[0]), commune.Split('|')[1]);
        var before = await SnapshotsAsync(["2025-05-10", "2025-05", "2025-Q2", "2025", "2025-08-20"]);
        const string stamp = """SELECT max("ComputedAt") FROM evaluation."KpiSnapshots" WHERE "PeriodKey" = '2025-08-20' AND "KpiCode" LIKE '%satisfaction%'""";
        var untouchedAt = await fx.SqlAsync(stamp, r => r.GetDateTime(0));
        await fx.SqlAsync($"""
            INSERT INTO evaluation."Ratings" ("Id", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy", "DossierId", "DossierCode", "Channel", "Scores", "Points", "Overall", "RatedAt", "Seq", "PreviousHash", "Hash")
            VALUES (gen_random_uuid(), '{id}', '{path}', false, now(), 'test', gen_random_uuid(), 'INC-1', 'KIOSK', '000000000', 0, 'DISSATISFIED', '2025-05-10 09:00+07', 900000000, '', '')
            RETURNING 1
            """, r => r.GetInt32(0));
        await fx.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RunIncrementalAsync(CancellationToken.None));
        var after = await SnapshotsAsync(["2025-05-10", "2025-05", "2025-Q2", "2025", "2025-08-20"]);
        foreach (var period in new[] { "2025-05-10", "2025-05", "2025-Q2", "2025" })
        {
            foreach (var unitPath in new[] { path, "/30/288/", "/30/" })
            {
                var old = before.SingleOrDefault(s => s.Code == KpiCodes.Satisfaction && s.Period == period && s.Path == unitPath);
                var now = after.Single(s => s.Code == KpiCodes.Satisfaction && s.Period == period && s.Path == unitPath);
                now.D.ShouldBe(old.D + 1, $"{period} {unitPath}");
                now.N.ShouldBe(old.N, $"{period} {unitPath}");
            }
        }

        // Another day was not recomputed: same rows, same values.
        after.Where(s => s.Period == "2025-08-20").OrderBy(s => s.Code + s.Path).ShouldBe(before.Where(s => s.Period == "2025-08-20").OrderBy(s => s.Code + s.Path));
        (await fx.SqlAsync(stamp, r => r.GetDateTime(0))).ShouldBe(untouchedAt);
        await fx.SqlAsync("""DELETE FROM evaluation."Ratings" WHERE "DossierCode" = 'INC-1' RETURNING 1""", r => r.GetInt32(0));
        await fx.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RecomputeYearAsync(GeneratedYearFixture.Year, CancellationToken.None));
    }

    [Fact]
    public async Task Breached_targets_of_a_quarter_open_improvement_tasks_once()
    {
        var red = (await SnapshotsAsync(["2025-Q2"])).Count(s => s.Code.StartsWith("plan.") && s.Value is not null) ;
        red.ShouldBeGreaterThan(0);
        var raised = await fx.AsSystemAsync(sp => sp.GetRequiredService<BreachScanner>().RunForAsync(KpiPeriod.ForQuarter(2025, 2), CancellationToken.None));
        raised.ShouldBeGreaterThan(0);
        var expected = await fx.SqlAsync("""SELECT count(*) FROM evaluation."KpiSnapshots" WHERE "PeriodKey" = '2025-Q2' AND "Met" = false AND "KpiCode" LIKE 'plan.%'""", r => r.GetInt64(0));
        raised.ShouldBe((int)expected);
        var tasks = await fx.SqlAsync("""SELECT count(*) FROM plantasks."Assignments" a JOIN plantasks."Tasks" t ON t."Id" = a."PlanTaskId" WHERE t."Code" LIKE 'kpi:plan.%:2025-Q2:%'""", r => r.GetInt64(0));
        tasks.ShouldBe(expected);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<BreachScanner>().RunForAsync(KpiPeriod.ForQuarter(2025, 2), CancellationToken.None))).ShouldBe(0);
        // The new tasks are due in 2025: the plan-task KPI follows (as the incremental job would do), so other tests still match SQL.
        await fx.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RunIncrementalAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_api_gives_kpi_values_and_the_766_index_in_scope_only()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var values = await province.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/kpis?period=2025");
        var satisfaction = values.EnumerateArray().Single(v => v.GetProperty("code").GetString() == KpiCodes.Satisfaction);
        var (n, d) = await ExpectedAsync(KpiCodes.Satisfaction, "/30/", "2025");
        satisfaction.GetProperty("numerator").GetDecimal().ShouldBe(n);
        satisfaction.GetProperty("denominator").GetDecimal().ShouldBe(d);
        satisfaction.GetProperty("target").GetDecimal().ShouldBe(95m);

        var index = await province.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/index766?period=2025");
        index.GetProperty("groups").GetArrayLength().ShouldBe(6);
        index.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("maxPoints").GetDecimal()).ShouldBe(100m);
        var satisfactionGroup = index.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "i766.6");
        satisfactionGroup.GetProperty("points").GetDecimal().ShouldBeGreaterThan(0m);
        index.GetProperty("points").GetDecimal().ShouldBe(index.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("points").GetDecimal()));

        var definitions = await province.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/kpis/definitions");
        definitions.EnumerateArray().Single(x => x.GetProperty("code").GetString() == KpiCodes.WaitingTime).GetProperty("sourcePending").GetBoolean().ShouldBeTrue();
        definitions.EnumerateArray().Single(x => x.GetProperty("code").GetString() == KpiCodes.OnlineShare).GetProperty("sourcePending").GetBoolean().ShouldBeFalse();
        definitions.EnumerateArray().Single(x => x.GetProperty("code").GetString() == KpiCodes.Satisfaction).GetProperty("sourcePending").GetBoolean().ShouldBeFalse();

        // A district leader cannot read the province, nor a sibling district; a commune sees only itself.
        var provinceId = satisfaction.GetProperty("unitId").GetGuid();
        var district = await fx.SignInAsync("lanhdao.tphd");
        var denied = await district.GetAsync($"/api/v1/evaluation/kpis?period=2025&unitId={provinceId}");
        denied.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await denied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(EvaluationErrorCodes.UnitNotFound);
        var own = await district.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/kpis?period=2025");
        own.EnumerateArray().All(v => v.GetProperty("unitPath").GetString() == "/30/288/").ShouldBeTrue();
        var children = await district.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/kpis/{KpiCodes.Satisfaction}/units?period=2025");
        children.GetArrayLength().ShouldBeGreaterThan(5);
        var details = await district.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/kpis/{KpiCodes.Satisfaction}/details?period=2025-07&take=20");
        details.EnumerateArray().ShouldAllBe(r => r.GetProperty("unitPath").GetString()!.StartsWith("/30/288/"));
        details[0].GetProperty("counted").GetBoolean().ShouldBeFalse(); // the dissatisfied ratings first
    }

    [Fact]
    public async Task The_quarterly_report_is_a_vietnamese_pdf_and_an_excel_workbook()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var pdf = await province.GetAsync("/api/v1/evaluation/reports?period=2025-Q2&format=pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain("ĐÁNH");
            text.ShouldContain("Dương");
            text.ShouldContain("Quý");
            text.ShouldContain("lòng");
            text.ShouldContain("766/QĐ-TTg");
        }

        var path = Path.Combine(AppContext.BaseDirectory, "evaluation-report.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        if (File.Exists("/usr/bin/pdftoppm"))
        {
            using var render = Process.Start("/usr/bin/pdftoppm", ["-png", "-r", "80", "-f", "1", "-singlefile", path, Path.Combine(AppContext.BaseDirectory, "evaluation-report")])!;
            await render.WaitForExitAsync();
            render.ExitCode.ShouldBe(0);
        }

        var xlsx = await province.GetAsync("/api/v1/evaluation/reports?period=2025&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        book.Worksheets.Select(w => w.Name).ShouldBe(["Chỉ tiêu kế hoạch", "Bộ chỉ số 766", "Xếp hạng đơn vị"]);
        book.Worksheet(3).RowsUsed().Count().ShouldBe(13); // header + 12 districts

        (await province.GetAsync("/api/v1/evaluation/reports?period=2025-07")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_cockpit_and_the_kpi_page_render_for_the_provincial_leader()
    {
        var province = await fx.SignInAsync("lanhdao.tinh");
        var html = await province.GetStringAsync("/Evaluation?year=2025");
        html.ShouldContain("data-testid=\"kpi-card\"");
        html.ShouldContain("Thành phố Hải Dương");
        html.ShouldContain("data-testid=\"ranking-chart\"");
        var kpi = await province.GetStringAsync($"/Evaluation/Kpi?code={KpiCodes.Satisfaction}&period=2025");
        kpi.ShouldContain("data-testid=\"kpi-child\"");
        kpi.ShouldContain("data-testid=\"kpi-row\"");
        (await (await fx.SignInAsync("motcua.camthuong")).GetAsync("/Evaluation")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // desk staff: access denied
    }
}
