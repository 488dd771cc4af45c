using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Digitization.Features.Kpi;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.TestKit;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>The embedded default (SQLite, ADR 0003): the register's raw numbering upsert and 766 5.3 work there too.</summary>
public sealed class CertifiedCopySqliteTests(CertifiedCopySqliteTests.Fixture fx) : IClassFixture<CertifiedCopySqliteTests.Fixture>
{
    public sealed class Fixture() : OneStopFactory(TestProvider.Sqlite);

    [Fact]
    public async Task Certified_copies_are_numbered_and_counted_on_sqlite()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var officers = await desk.GetFromJsonAsync<JsonElement>($"{Api}/certified-copies/officers");
        var officer = officers.EnumerateArray().Single(o => o.GetProperty("fullName").GetString() == "Đỗ Văn Phường").GetProperty("id").GetGuid();
        var numbers = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await desk.PostAsync($"{Api}/certified-copies", Form(CertifiedCopyTests.Original(2), "ban-chinh.pdf", CertifiedCopyTests.Fields(officer, 2, 1)));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
            body.GetProperty("feeVnd").GetInt64().ShouldBe(4_000);
            numbers.Add(body.GetProperty("number").GetInt32());
        }

        numbers[1].ShouldBe(numbers[0] + 1);
        var today = VietnamTime.Today(TimeProvider.System);
        var rows = await fx.AsSystemAsync(sp => sp.GetServices<IKpiCalculator>().OfType<DigitizationStockKpiCalculator>().Single().ComputeAsync(KpiPeriod.ForMonth(today.Year, today.Month)));
        var camThuong = await UnitAsync(fx, "10507");
        rows.Single(r => r.KpiCode == DigitizationKpiCodes.I766CertifiedCopies && r.UnitId == camThuong.Id).Numerator.ShouldBe(1m);
        (await desk.GetStringAsync($"/Digitization/CertifiedCopies?year={today.Year}")).ShouldContain($"{numbers[1]}/{today.Year}/SCT/BS");
    }
}
