using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Evaluation.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.CommandCentre;
using OneStop.Integration.Features.DossierSync;
using OneStop.Integration.Features.Kpis;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform.Kpis;
using OneStop.Platform.Persistence;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>
/// Indicator reports to the Government's command centre, the citizen's data store on the national portal, and the
/// Integration KPIs (national databases connected, dossier status synced in time) against independent SQL.
/// </summary>
public sealed class CommandCentreAndKpiTests(CommandCentreAndKpiTests.Fixture fx) : IClassFixture<CommandCentreAndKpiTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Delivery:MaxBackoffSeconds", "1")
            .With("Integration:Resilience:RetryDelayMilliseconds", "10")
            .With("Integration:Resilience:MaxRetryAttempts", "1");

        /// <summary>The province's KPI values as Evaluation would give them (Evaluation's engine is tested in its own project).</summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddScoped<IEvaluationApi, FixedEvaluation>());
        }
    }

    private sealed class FixedEvaluation : IEvaluationApi
    {
        public Task<IReadOnlyList<KpiValue>> KpisAsync(Guid unitId, string period, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<KpiValue>>(
            [
                new(KpiCodes.OnTimeRate, "Hồ sơ giải quyết đúng hạn", "Dossiers resolved on time", "plan", unitId, "/p", period, 950, 1000, 95m, 98m, false, null, null, DateTimeOffset.UtcNow),
                new(KpiCodes.I766StatusSynced, "Hồ sơ đồng bộ trạng thái lên Cổng DVCQG", "Dossier status synced", "i766.1", unitId, "/p", period, 990, 1000, 99m, 100m, false, 5.94m, 6m, DateTimeOffset.UtcNow),
            ]);

        public Task<QualityIndex?> QualityIndexAsync(Guid unitId, string period, CancellationToken ct = default) =>
            Task.FromResult<QualityIndex?>(new QualityIndex(unitId, "/p", period, 81.5m, 100m, []));
    }

    private async Task DeliverAllAsync()
    {
        var delivery = fx.Services.GetRequiredService<OutgoingDelivery>();
        for (var i = 0; i < 50 && await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OutgoingMessages
                 .AnyAsync(m => m.State == DeliveryStates.Pending)); i++)
        {
            if (await delivery.DeliverDueAsync(CancellationToken.None) == 0)
            {
                await Task.Delay(300);
            }
        }
    }

    [Fact]
    public async Task The_provinces_indicators_reach_the_command_centre_once_per_period_and_day_through_its_failures()
    {
        var admin = await fx.SignInAsync("admin");
        // The command centre fails half of the time: the outgoing queue retries under the same key.
        (await admin.PutAsJsonAsync("/api/v1/integration/sandbox/command-centre", new { latencyMilliseconds = 1, errorRate = 0.5, downForSeconds = 0 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var first = await admin.PostAsync("/api/v1/integration/command-centre/report", null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32().ShouldBe(2); // the year and the month
        // The job running again the same day queues nothing new.
        (await (await admin.PostAsync("/api/v1/integration/command-centre/report", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("queued").GetInt32().ShouldBe(0);

        await DeliverAllAsync();
        var reports = fx.Services.GetRequiredService<CommandCentreSimulator>().Reports;
        reports.Count.ShouldBe(2);
        reports.ShouldAllBe(r => r.Indicators == 2);
        reports.Select(r => r.Period).ShouldBe([DateTime.UtcNow.AddHours(7).Year.ToString(), DateTime.UtcNow.AddHours(7).ToString("yyyy-MM")], ignoreOrder: true);

        // The connection board lists the command centre, and a desk officer may not trigger a report.
        var board = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/connections");
        board.EnumerateArray().ShouldContain(c => c.GetProperty("system").GetString() == "command-centre");
        var desk = await fx.SignInAsync("motcua.camthuong");
        (await desk.PostAsync("/api/v1/integration/command-centre/report", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await admin.PutAsJsonAsync("/api/v1/integration/sandbox/command-centre", new { latencyMilliseconds = 1, errorRate = 0.0, downForSeconds = 0 });
    }

    [Fact]
    public async Task A_citizens_portal_data_store_is_fetched_on_request_with_clear_errors()
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var found = await desk.GetFromJsonAsync<JsonElement>("/api/v1/integration/citizens/030090001234/portal-documents");
        found.GetProperty("outcome").GetString().ShouldBe("Found");
        var documents = found.GetProperty("documents").EnumerateArray().ToList();
        documents.ShouldContain(d => d.GetProperty("documentTypeCode").GetString() == "CD-CCCD");
        documents.ShouldAllBe(d => d.GetProperty("title").GetString()!.Length > 0);

        var invalid = await desk.GetAsync("/api/v1/integration/citizens/12345/portal-documents");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Integration.InvalidCitizenId");

        var admin = await fx.SignInAsync("admin");
        await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 1.0, downForSeconds = 0 });
        try
        {
            var down = await desk.GetAsync("/api/v1/integration/citizens/030090001234/portal-documents");
            down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await down.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Integration.SystemUnavailable");
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/integration/sandbox/portal", new { latencyMilliseconds = 1, errorRate = 0.0, downForSeconds = 0 });
        }

        // Every fetch is in the exchange log, with who asked.
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/exchanges?system=portal");
        log.GetProperty("items").EnumerateArray().ShouldContain(x => x.GetProperty("operation").GetString()!.Contains("documents"));
    }

    [Fact]
    public async Task Integration_kpis_equal_independent_sql()
    {
        // A successful population lookup (a simulator answers) no longer makes a database connected (ADR 0031); the
        // hourly checks do: the simulators' checks (not counted outside Development, this host runs as "Testing") and
        // one healthy check of the real population database this year.
        var desk = await fx.SignInAsync("motcua.camthuong");
        (await desk.PostAsJsonAsync("/api/v1/integration/citizens/verify", new { citizenId = "030090001234", fullName = "Nguyễn Văn An", dateOfBirth = "1990-05-12" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await fx.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<OneStop.Integration.Features.Connections.ConnectionHealthChecker>().RunAsync(CancellationToken.None);
            var db = sp.GetRequiredService<IntegrationDbContext>();
            db.ConnectionChecks.Add(new OneStop.Integration.Connectors.ConnectionCheck
            {
                System = "population", CheckedAt = fx.Clock.GetUtcNow().AddMinutes(-1), Enabled = true, Simulated = false, Healthy = true,
                Endpoint = "https://csdl-dancu.example.vn/", StatusCode = 200,
            });
            return await db.SaveChangesAsync();
        });

        // Dossier status messages of two wards: in time, late, undelivered past and within the deadline.
        var now = fx.Clock.GetUtcNow();
        var (a, b) = await fx.AsSystemAsync(async sp =>
        {
            var units = sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits;
            var camThuong = await units.Where(u => u.Code == "10507").Select(u => new { u.Id, u.Path }).SingleAsync();
            var binhHan = await units.Where(u => u.Code == "10510").Select(u => new { u.Id, u.Path }).SingleAsync();
            var db = sp.GetRequiredService<IntegrationDbContext>();
            void Add(string dossier, string status, (Guid, string) unit, TimeSpan createdAgo, TimeSpan? deliveredAfter)
            {
                var created = now - createdAgo;
                var m = OutgoingQueue.Enqueue(db, DossierChangedHandler.PortalDestination, DossierChangedHandler.PortalStatusKind, $"kpi:{dossier}:{status}", dossier,
                    new { dossierCode = dossier, status }, created, unit, created + DossierChangedHandler.InTime);
                if (deliveredAfter is { } after)
                {
                    m.State = DeliveryStates.Delivered;
                    m.DeliveredAt = created + after;
                }
                else
                {
                    m.State = DeliveryStates.Dead; // keep the delivery rounds of other tests away from it
                }
            }

            var ct = (camThuong.Id, camThuong.Path);
            var bh = (binhHan.Id, binhHan.Path);
            Add("KPI-A-1", "received", ct, TimeSpan.FromHours(3), TimeSpan.FromMinutes(1));
            Add("KPI-A-1", "processing", ct, TimeSpan.FromHours(2), TimeSpan.FromMinutes(2));
            Add("KPI-A-2", "received", ct, TimeSpan.FromHours(3), TimeSpan.FromMinutes(1));
            Add("KPI-A-2", "processing", ct, TimeSpan.FromHours(2), TimeSpan.FromMinutes(40)); // late
            Add("KPI-A-3", "received", ct, TimeSpan.FromHours(1), null);                       // never delivered, past its deadline
            Add("KPI-B-1", "received", bh, TimeSpan.FromMinutes(5), null);                     // not delivered yet, still in time
            Add("KPI-B-2", "received", bh, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));  // exactly at the deadline
            await db.SaveChangesAsync();
            return ((camThuong.Id, camThuong.Path), (binhHan.Id, binhHan.Path));
        });

        var today = OneStop.Platform.Domain.VietnamTime.Today(fx.Clock);
        var period = KpiPeriod.ForYear(today.Year);
        var rows = await fx.AsSystemAsync(sp => sp.GetServices<IKpiCalculator>().OfType<IntegrationKpiCalculator>().Single().ComputeAsync(period));

        // Independent SQL over the tables.
        await using var connection = new NpgsqlConnection(fx.Database.ConnectionString);
        await connection.OpenAsync();
        async Task<(decimal N, decimal D)> SyncedAsync(Guid unit)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(DISTINCT "OrderingKey") - count(DISTINCT "OrderingKey") FILTER (WHERE ("DeliveredAt" IS NOT NULL AND "DeliveredAt" > "DeliverBy") OR ("DeliveredAt" IS NULL AND "DeliverBy" < @now)),
                       count(DISTINCT "OrderingKey")
                FROM integration."OutgoingMessages"
                WHERE "Destination" = 'portal' AND "Kind" = 'dossier-statuses' AND "UnitId" = @unit AND "CreatedAt" >= @from AND "CreatedAt" < @to
                """, connection);
            command.Parameters.AddWithValue("unit", unit);
            command.Parameters.AddWithValue("now", now.ToUniversalTime());
            command.Parameters.AddWithValue("from", period.StartsAt);
            command.Parameters.AddWithValue("to", period.EndsAt);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }

        foreach (var (unit, expected) in new[] { (a.Item1, (N: 1m, D: 3m)), (b.Item1, (N: 2m, D: 2m)) })
        {
            var sql = await SyncedAsync(unit);
            sql.ShouldBe(expected); // the hand count above
            var row = rows.Single(r => r.KpiCode == KpiCodes.I766StatusSynced && r.UnitId == unit);
            (row.Numerator, row.Denominator).ShouldBe(sql);
        }

        // The legal definition (ADR 0031): national databases switched on and healthy at least once in the period, a
        // simulator's answer counting in Development only (this host is "Testing").
        await using (var command = new NpgsqlCommand("""
            SELECT count(DISTINCT "System") FROM integration."ConnectionChecks"
            WHERE "System" IN ('population','business','land') AND "Enabled" AND "Healthy" AND NOT "Simulated"
              AND "CheckedAt" >= @from AND "CheckedAt" < @to
            """, connection))
        {
            command.Parameters.AddWithValue("from", period.StartsAt);
            command.Parameters.AddWithValue("to", period.EndsAt);
            var connected = (long)(await command.ExecuteScalarAsync())!;
            connected.ShouldBe(1); // the hand count above: the real population database
            var row = rows.Single(r => r.KpiCode == KpiCodes.NationalDatabases);
            row.Numerator.ShouldBe(connected);
            row.Denominator.ShouldBe(3);
            var province = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());
            row.UnitId.ShouldBe(province);
        }

        // Drill-down: the late dossier's message comes first.
        var details = await fx.AsSystemAsync(sp => sp.GetServices<IKpiCalculator>().OfType<IntegrationKpiCalculator>().Single()
            .DetailsAsync(KpiCodes.I766StatusSynced, period, a.Item2, 10));
        details.First().Counted.ShouldBeFalse();
        details.Count(d => !d.Counted).ShouldBe(2);
    }
}
