using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Kpis;
using OneStop.Platform.Localization;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// Issue 25, items 1 and 6 (ADR 0029): every KPI's definition in words (numerator, denominator, legal source) in
/// Vietnamese and English; the counts behind a figure and its definition in the API and the reports; and no sentinel
/// date anywhere in the KPI API — a value without data has none, and says why in the reader's language.
/// </summary>
public sealed class KpiDefinitionTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    /// <summary>A year nobody computed (the engine's years are 2021 to today's).</summary>
    private const int EmptyYear = 2040;

    /// <summary>A year with two hand-made snapshots of the leader's province: online share 30 / 120, and a zero denominator.</summary>
    private const int StoredYear = 2041;

    private static Dictionary<string, string> Texts(string culture)
    {
        var assembly = typeof(KpiGlossary).Assembly;
        var texts = new Dictionary<string, string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith($".Localization.{culture}.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
            {
                texts[key] = value;
            }
        }

        return texts;
    }

    [Fact]
    public async Task Every_KPI_code_the_engine_knows_has_its_numerator_denominator_and_source_in_Vietnamese_and_English()
    {
        var calculated = await fx.AsSystemAsync(sp => Task.FromResult(sp.GetServices<IKpiCalculator>().SelectMany(c => c.KpiCodes).ToList()));
        var codes = typeof(KpiCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(KpiSeeder.Data.Kpis.Select(k => k.Code)).Concat(calculated).ToHashSet();
        codes.Count.ShouldBeGreaterThan(30);
        var (vi, en) = (Texts("vi"), Texts("en"));
        var missing = new List<string>();
        foreach (var code in codes)
        {
            foreach (var part in KpiGlossary.Parts)
            {
                var key = KpiGlossary.Key(code, part);
                foreach (var (culture, texts) in new[] { ("vi", vi), ("en", en) })
                {
                    if (!texts.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
                    {
                        missing.Add($"{culture}: {key}");
                    }
                }
            }
        }

        missing.ShouldBeEmpty("KPI codes without their definition in Localization/vi.json and en.json");
        // The legal source names the plan's clause or the 766 indicator.
        foreach (var kpi in KpiSeeder.Data.Kpis)
        {
            var source = vi[KpiGlossary.Key(kpi.Code, KpiGlossary.Source)];
            (kpi.Group == "plan" ? source.Contains("mục II") || source.Contains("Nghị định") : source.Contains("766/QĐ-TTg")).ShouldBeTrue($"{kpi.Code}: {source}");
        }

        // The seed file's own texts (stored on the definitions, the fallback where a code has no glossary entry) say the same.
        foreach (var kpi in KpiSeeder.Data.Kpis)
        {
            (kpi.NumeratorVi, kpi.DenominatorVi).ShouldBe((vi[KpiGlossary.Key(kpi.Code, KpiGlossary.Numerator)], vi[KpiGlossary.Key(kpi.Code, KpiGlossary.Denominator)]), kpi.Code);
            (kpi.NumeratorEn, kpi.DenominatorEn).ShouldBe((en[KpiGlossary.Key(kpi.Code, KpiGlossary.Numerator)], en[KpiGlossary.Key(kpi.Code, KpiGlossary.Denominator)]), kpi.Code);
        }

        foreach (var reason in KpiNoDataReasons.All)
        {
            Messages.Find("vi", reason).ShouldNotBeNullOrWhiteSpace(reason);
            Messages.Find("en", reason).ShouldNotBeNullOrWhiteSpace(reason);
        }
    }

    [Fact]
    public async Task No_KPI_endpoint_gives_a_sentinel_date_for_a_year_without_data_and_each_missing_value_says_why()
    {
        var leader = await fx.SignInAsync("lanhdao.tinh");
        var definitions = await leader.GetFromJsonAsync<JsonElement>("/api/v1/evaluation/kpis/definitions");
        var codes = definitions.EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToList();
        codes.Count.ShouldBe(KpiSeeder.Data.Kpis.Count);
        foreach (var d in definitions.EnumerateArray())
        {
            var definition = d.GetProperty("definition");
            definition.GetProperty("numerator").GetString().ShouldNotBeNullOrWhiteSpace();
            definition.GetProperty("source").GetString().ShouldNotBeNullOrWhiteSpace();
        }

        var urls = new List<string> { "/api/v1/evaluation/kpis/definitions", $"/api/v1/evaluation/kpis/targets?year={EmptyYear}" };
        foreach (var period in new[] { $"{EmptyYear}", $"{EmptyYear}-Q2", $"{EmptyYear}-03", $"{EmptyYear}-03-14" })
        {
            urls.Add($"/api/v1/evaluation/kpis?period={period}");
            urls.Add($"/api/v1/evaluation/index766?period={period}");
            urls.Add($"/api/v1/evaluation/kpis/{KpiCodes.Satisfaction}/details?period={period}");
        }

        urls.AddRange(codes.Select(c => $"/api/v1/evaluation/kpis/{c}/units?period={EmptyYear}"));
        foreach (var url in urls)
        {
            var response = await leader.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain("0001-01-01", customMessage: url);
            using var json = JsonDocument.Parse(body);
            foreach (var value in Values(json.RootElement))
            {
                if (value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Null)
                {
                    value.GetProperty("noDataReasonCode").GetString().ShouldBeOneOf(KpiNoDataReasons.All);
                    value.GetProperty("noDataReason").GetString().ShouldNotBeNullOrWhiteSpace();
                    value.GetProperty("numeratorCount").ValueKind.ShouldBe(JsonValueKind.Null, url);
                    if (value.TryGetProperty("computedAt", out var at))
                    {
                        at.ValueKind.ShouldBe(JsonValueKind.Null, url);
                    }
                }
            }
        }

        // Every defined KPI is listed, each without data with its reason; the source of a plan target and a 766 indicator.
        var year = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/kpis?period={EmptyYear}");
        year.GetArrayLength().ShouldBe(codes.Count);
        var national = year.EnumerateArray().Single(v => v.GetProperty("code").GetString() == KpiCodes.NationalDatabases);
        national.GetProperty("noDataReasonCode").GetString().ShouldBe(KpiNoDataReasons.NothingCounted);
        national.GetProperty("noDataReason").GetString().ShouldBe(Messages.Find("vi", KpiNoDataReasons.NothingCounted));
        national.GetProperty("definition").GetProperty("source").GetString()!.ShouldContain("II.1.b");
        var day = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/kpis?period={EmptyYear}-03-14");
        day.EnumerateArray().Single(v => v.GetProperty("code").GetString() == KpiCodes.OnlineShare)
            .GetProperty("noDataReasonCode").GetString().ShouldBe(KpiNoDataReasons.PeriodNotComputed);

        // In the reader's language.
        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/evaluation/index766?period={EmptyYear}");
        english.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var index = await (await leader.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        var reuse = index.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == KpiCodes.I766DataReuse);
        reuse.GetProperty("noDataReason").GetString().ShouldBe(Messages.Find("en", KpiNoDataReasons.NothingCounted));
        reuse.GetProperty("definition").GetProperty("source").GetString()!.ShouldContain("Decision 766/QĐ-TTg");
        reuse.GetProperty("definition").GetProperty("numerator").GetString().ShouldBe(Texts("en")[KpiGlossary.Key(KpiCodes.I766DataReuse, KpiGlossary.Numerator)]);
    }

    [Fact]
    public async Task A_computed_value_carries_its_definition_and_the_counts_behind_it_in_the_api_the_cockpit_and_the_reports()
    {
        var leader = await fx.SignInAsync("lanhdao.tinh");
        var unitId = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/kpis?period={StoredYear}"))[0].GetProperty("unitId").GetGuid();
        await StoreAsync(unitId);
        var values = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/evaluation/kpis?period={StoredYear}");
        var online = values.EnumerateArray().Single(v => v.GetProperty("code").GetString() == KpiCodes.OnlineShare);
        online.GetProperty("value").GetDecimal().ShouldBe(25m);
        online.GetProperty("numeratorCount").GetDecimal().ShouldBe(30m);
        online.GetProperty("denominatorCount").GetDecimal().ShouldBe(120m);
        online.GetProperty("unitLevel").GetString().ShouldBe("province");
        online.GetProperty("noDataReasonCode").ValueKind.ShouldBe(JsonValueKind.Null);
        online.GetProperty("computedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var definition = online.GetProperty("definition");
        definition.GetProperty("numerator").GetString().ShouldBe("Hồ sơ nộp trực tuyến");
        definition.GetProperty("denominator").GetString().ShouldBe("Hồ sơ tiếp nhận");
        definition.GetProperty("source").GetString()!.ShouldContain("mục II.3.c");
        definition.GetProperty("measure").GetString().ShouldBe(KpiMeasures.Ratio);
        definition.GetProperty("levels").EnumerateArray().Select(l => l.GetString()).ShouldContain("commune");
        var routing = values.EnumerateArray().Single(v => v.GetProperty("code").GetString() == KpiCodes.ElectronicRouting);
        routing.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        routing.GetProperty("noDataReasonCode").GetString().ShouldBe(KpiNoDataReasons.ZeroDenominator);
        routing.GetProperty("computedAt").ValueKind.ShouldBe(JsonValueKind.String); // computed, with nothing to divide by

        // The cockpit: a definition card beside every plan target and every 766 indicator, with the counts and the source.
        var html = await leader.GetStringAsync($"/Evaluation?year={StoredYear}");
        var cards = html.Split("data-testid=\"kpi-definition\"").Length - 1;
        cards.ShouldBe(KpiSeeder.Data.Kpis.Count);
        html.ShouldContain("data-testid=\"kpi-definition-numerator-count\">30</strong>");
        html.ShouldContain("data-testid=\"kpi-definition-denominator-count\">120</strong>");
        html.ShouldContain("mục II.3.c");
        html.ShouldContain(Messages.Find("vi", KpiNoDataReasons.ZeroDenominator)!);
        html.ShouldNotContain("01/01/0001");

        // The reports: the definitions and the counts, in Vietnamese.
        var xlsx = await leader.GetAsync($"/api/v1/evaluation/reports?period={StoredYear}&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var plan = book.Worksheet("Chỉ tiêu kế hoạch");
            var header = plan.RowsUsed().First(r => r.CellsUsed().Any(c => c.GetString() == "Căn cứ"));
            var column = header.CellsUsed().Single(c => c.GetString() == "Căn cứ").Address.ColumnNumber;
            var row = plan.RowsUsed().Single(r => r.Cell(1).GetString() == KpiCodes.OnlineShare);
            row.Cell(column).GetString().ShouldContain("mục II.3.c");
            row.CellsUsed().Select(c => c.GetString()).ShouldContain("Hồ sơ nộp trực tuyến");
            book.Worksheet("Bộ chỉ số 766").CellsUsed().Select(c => c.GetString()).ShouldContain(s => s.Contains("766/QĐ-TTg ngày 23/6/2022"));
        }

        var pdf = await leader.GetAsync($"/api/v1/evaluation/reports?period={StoredYear}&format=pdf");
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("ĐỊNH NGHĨA");
        text.ShouldContain("II.3.c");
        text.ShouldContain("120");
    }

    private async Task StoreAsync(Guid unitId) => await fx.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<EvaluationDbContext>();
        if (await db.Snapshots.AnyAsync(s => s.PeriodKey == StoredYear.ToString()))
        {
            return 0;
        }

        var province = await sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.AsNoTracking().SingleAsync(u => u.Id == unitId);
        foreach (var (code, numerator, denominator, value) in new (string Code, decimal Numerator, decimal Denominator, decimal? Value)[] { (KpiCodes.OnlineShare, 30m, 120m, 25m), (KpiCodes.ElectronicRouting, 0m, 0m, null) })
        {
            db.Snapshots.Add(new KpiSnapshot
            {
                KpiCode = code, UnitId = province.Id, UnitPath = province.Path, UnitLevel = province.Level, PeriodKind = "year", PeriodKey = StoredYear.ToString(),
                PeriodStart = new(StoredYear, 1, 1), Numerator = numerator, Denominator = denominator, Value = value, ComputedAt = DateTimeOffset.UtcNow,
            });
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>The KPI values in a response: the list itself, or the indicators of the 766 index's groups.</summary>
    private static IEnumerable<JsonElement> Values(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
        : root.TryGetProperty("groups", out var groups) ? groups.EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
        : [];
}
