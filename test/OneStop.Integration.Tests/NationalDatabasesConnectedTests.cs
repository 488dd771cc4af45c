using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using OneStop.Integration.Connectors;
using OneStop.Integration.Features.Connections;
using OneStop.Integration.Features.Kpis;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Kpis;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>
/// "National databases connected" (kết nối, chia sẻ dữ liệu với CSDL quốc gia) from the connections' health checks
/// (ADR 0031): the checker records what it finds, and the KPI counts, from a dataset written here by hand, the national
/// databases switched on and healthy at least once in the period — a simulator only in Development.
/// </summary>
public abstract class NationalDatabasesConnectedTests<TFactory>(TFactory fx) : IClassFixture<TFactory> where TFactory : OneStopFactory
{
    private static int _pass;

    [Fact]
    public async Task The_checker_records_each_connection_as_configured_simulators_marked_and_switched_off_ones_not_called()
    {
        var admin = await fx.SignInAsync("admin"); // the test server's first request (a cold start) is not the health check's
        var checks = await fx.AsSystemAsync(sp => sp.GetRequiredService<ConnectionHealthChecker>().RunAsync(CancellationToken.None));
        checks.Select(c => c.System).ShouldBe(NationalSystem.All.Select(s => s.Key), ignoreOrder: true);
        var population = checks.Single(c => c.System == "population");
        population.Enabled.ShouldBeTrue();
        population.Simulated.ShouldBeTrue(); // no BaseUrl: this host's own sandbox answers
        population.Healthy.ShouldBeTrue(string.Join("; ", checks.Select(c => $"{c.System} {c.StatusCode} {c.DurationMs} ms {c.Error}")));
        population.StatusCode.ShouldBe(200);
        population.Endpoint.ShouldEndWith("/sandbox/population/");
        var land = checks.Single(c => c.System == "land");
        land.Enabled.ShouldBeFalse(); // Integration:Systems:land:Enabled=false
        land.Healthy.ShouldBeFalse();
        land.StatusCode.ShouldBeNull(); // not called

        // A simulator in an outage fails its check.
        (await admin.PutAsJsonAsync("/api/v1/integration/sandbox/business", new { latencyMilliseconds = 0, errorRate = 0.0, downForSeconds = 600 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        try
        {
            var again = await fx.AsSystemAsync(sp => sp.GetRequiredService<ConnectionHealthChecker>().RunAsync(CancellationToken.None));
            var business = again.Single(c => c.System == "business");
            business.Healthy.ShouldBeFalse();
            business.StatusCode.ShouldBe(503);
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/integration/sandbox/business", new { latencyMilliseconds = 0, errorRate = 0.0, downForSeconds = 0 });
        }

        // The board says which connections a simulator serves and when each was last checked.
        var board = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/connections");
        var row = board.EnumerateArray().Single(c => c.GetProperty("system").GetString() == "population");
        row.GetProperty("simulated").GetBoolean().ShouldBeTrue();
        row.GetProperty("lastCheckHealthy").GetBoolean().ShouldBeTrue();
        board.EnumerateArray().Single(c => c.GetProperty("system").GetString() == "land").GetProperty("enabled").GetBoolean().ShouldBeFalse();
        (await admin.GetStringAsync("/Integration")).ShouldContain("data-testid=\"simulated-population\"");
    }

    /// <summary>
    /// The dataset, by hand, in a year of its own (2024 + n): daily checks at 10:00 Vietnam time.
    /// Population, a real endpoint: healthy 1–10 March, failing 11–31 March (healthy for part of the month: connected for it).
    /// Business: a simulator, healthy all March (connected in Development only). Land, a real endpoint: failing all March,
    /// healthy once on 28 February. April: no check at all.
    /// </summary>
    private async Task<int> DatasetAsync()
    {
        var year = 2024 - Interlocked.Increment(ref _pass); // a year no other test writes checks in
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<IntegrationDbContext>();
            void Add(string system, int month, int day, bool simulated, bool healthy) => db.ConnectionChecks.Add(new ConnectionCheck
            {
                System = system, CheckedAt = new DateTimeOffset(year, month, day, 3, 0, 0, TimeSpan.Zero), Enabled = true, Simulated = simulated, Healthy = healthy,
                Endpoint = simulated ? $"http://localhost/sandbox/{system}/" : $"https://lgsp.haiduong.gov.vn/{system}/", StatusCode = healthy ? 200 : 503,
            });
            for (var day = 1; day <= 31; day++)
            {
                Add("population", 3, day, simulated: false, healthy: day <= 10);
                Add("business", 3, day, simulated: true, healthy: true);
                Add("land", 3, day, simulated: false, healthy: false);
            }

            Add("land", 2, 28, simulated: false, healthy: true);
            await db.SaveChangesAsync();
            return 0;
        });
        return year;
    }

    private Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, string environment) =>
        fx.AsSystemAsync(sp => Calculator(sp, environment).ComputeAsync(period));

    private IntegrationKpiCalculator Calculator(IServiceProvider sp, string environment) =>
        new(sp.GetRequiredService<IntegrationDbContext>(), sp.GetRequiredService<IAdministrativeUnitDirectory>(), fx.Clock,
            new HostingEnvironment { EnvironmentName = environment, ApplicationName = "OneStop.Platform.Host" });

    private static (decimal N, decimal D)? Connected(IReadOnlyList<KpiRow> rows) =>
        rows.SingleOrDefault(r => r.KpiCode == IntegrationKpiCodes.NationalDatabases) is { } row ? (row.Numerator, row.Denominator) : null;

    [Fact]
    public async Task A_database_counts_when_switched_on_and_healthy_in_the_period_and_a_simulator_only_in_development()
    {
        var year = await DatasetAsync();

        // March in production: population (healthy 10 of 31 days) only; business answered by a simulator does not count.
        Connected(await ComputeAsync(KpiPeriod.ForMonth(year, 3), "Production")).ShouldBe((1m, 3m));
        Connected(await ComputeAsync(KpiPeriod.ForMonth(year, 3), "Staging")).ShouldBe((1m, 3m));
        // In development the simulator stands in for the business register.
        Connected(await ComputeAsync(KpiPeriod.ForMonth(year, 3), "Development")).ShouldBe((2m, 3m));
        // February: land's one healthy check.
        Connected(await ComputeAsync(KpiPeriod.ForMonth(year, 2), "Production")).ShouldBe((1m, 3m));
        // The quarter and the year: population and land, each healthy in part of it.
        Connected(await ComputeAsync(KpiPeriod.ForQuarter(year, 1), "Production")).ShouldBe((2m, 3m));
        Connected(await ComputeAsync(KpiPeriod.ForYear(year), "Production")).ShouldBe((2m, 3m));
        Connected(await ComputeAsync(KpiPeriod.ForYear(year), "Development")).ShouldBe((3m, 3m));
        // April: no check, no figure (not "0 of 3").
        Connected(await ComputeAsync(KpiPeriod.ForMonth(year, 4), "Production")).ShouldBeNull();

        // The drill-down says why: the simulator and the failing land first, then the connected population.
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("vi-VN");
        var details = await fx.AsSystemAsync(sp => Calculator(sp, "Production").DetailsAsync(IntegrationKpiCodes.NationalDatabases, KpiPeriod.ForMonth(year, 3), "/", 10));
        details.Count.ShouldBe(3);
        details.Last().Code.ShouldBe("population");
        details.Single(d => d.Code == "population").Counted.ShouldBeTrue();
        details.Single(d => d.Code == "population").Note!.ShouldContain("10/31");
        details.Single(d => d.Code == "business").Counted.ShouldBeFalse();
        details.Single(d => d.Code == "business").Note!.ShouldContain("Production");
        details.Single(d => d.Code == "land").Counted.ShouldBeFalse();
        details.Single(d => d.Code == "land").Note!.ShouldContain("31");
    }
}

public sealed class NationalDatabasesConnectedPostgreSqlTests(NationalDatabasesConnectedPostgreSqlTests.Fixture fx)
    : NationalDatabasesConnectedTests<NationalDatabasesConnectedPostgreSqlTests.Fixture>(fx)
{
    public sealed class Fixture : OneStopFactory
    {
        // A check gets one attempt: a loaded test machine gets a generous timeout.
        public Fixture() => With("Integration:Systems:land:Enabled", "false").With("Integration:Health:TimeoutSeconds", "60");
    }
}

public sealed class NationalDatabasesConnectedSqliteTests(NationalDatabasesConnectedSqliteTests.Fixture fx)
    : NationalDatabasesConnectedTests<NationalDatabasesConnectedSqliteTests.Fixture>(fx)
{
    public sealed class Fixture : SqliteOneStopFactory
    {
        // A check gets one attempt: a loaded test machine gets a generous timeout.
        public Fixture() => With("Integration:Systems:land:Enabled", "false").With("Integration:Health:TimeoutSeconds", "60");
    }
}
