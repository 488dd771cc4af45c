using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Kpi;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Digitization.Tests;

/// <summary>The KPI source figures equal counts computed directly in SQL on a generated data set.</summary>
public sealed class KpiSourceTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 6, 30);

    [Fact]
    public async Task Kpi_source_figures_match_counts_computed_directly_in_sql()
    {
        var generated = await GenerateAsync(seed: 468, dossiers: 600);
        generated.ShouldBeGreaterThan(0);

        var rows = await fx.AsSystemAsync(sp => sp.GetRequiredService<DigitizationKpiSource>().PerUnitAsync("/30/", From, To));
        var expected = await DirectSqlAsync();

        rows.Select(r => r.UnitId).Where(expected.ContainsKey).Count().ShouldBe(expected.Count);
        foreach (var (unitId, e) in expected)
        {
            var r = rows.Single(x => x.UnitId == unitId);
            (r.Resolved, r.ResultsDigitized, r.ResolvedDigitized, r.ResolvedDigitizedAndArchived, r.ReceivedWithReusable, r.ReceivedReusing, r.Desks, r.DesksDigitizing)
                .ShouldBe(e, $"unit {r.UnitPath}");
        }

        rows.Sum(r => r.Resolved).ShouldBeGreaterThan(0);
        rows.Sum(r => r.ResolvedDigitizedAndArchived).ShouldBeGreaterThan(0);
        rows.Sum(r => r.ReceivedReusing).ShouldBeGreaterThan(0);
        rows.Sum(r => r.DesksDigitizing).ShouldBeGreaterThan(0);
        rows.Single(r => r.UnitPath == "/30/288/10507/").UnitLevel.ShouldBe("commune");
        rows.Single(r => r.UnitPath == "/30/288/").UnitLevel.ShouldBe("district");

        // A narrower path gives the same figures for the units under it.
        var ward = await fx.AsSystemAsync(sp => sp.GetRequiredService<DigitizationKpiSource>().PerUnitAsync("/30/288/10507/", From, To));
        ward.ShouldHaveSingleItem().ShouldBe(rows.Single(r => r.UnitPath == "/30/288/10507/"));
    }

    /// <summary>Dossiers spread over a district and wards, resolved in and out of the period, with results valid or expired, open scan items, archives, reuse, and desks switched on.</summary>
    private Task<int> GenerateAsync(int seed, int dossiers) => fx.AsSystemAsync(async sp =>
    {
        var random = new Random(seed);
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var units = await platform.AdministrativeUnits.Where(u => u.Path.StartsWith("/30/288/") || u.Path.StartsWith("/30/290/")).OrderBy(u => u.Path).Take(12).ToListAsync();
        var db = sp.GetRequiredService<DigitizationDbContext>();
        var periodStart = new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < dossiers; i++)
        {
            var unit = units[random.Next(units.Count)];
            var record = new DossierRecord(Guid.CreateVersion7(), unit.Id, unit.Path)
            {
                Code = $"MC{unit.Code}-G{i:D5}",
                ProcedureCode = "1.001193",
                ApplicantKind = "CITIZEN",
                ApplicantIdentity = $"0300900{i:D5}",
                ApplicantName = "Người nộp " + i,
                ReceivedAt = periodStart.AddHours(random.Next(0, 24 * 365)),
                ComponentCount = 2,
            };
            record.ReusableCount = random.Next(3) == 0 ? 1 : 0;
            record.ReusedCount = record.ReusableCount == 1 && random.Next(2) == 0 ? 1 : 0;
            if (random.Next(4) != 0)
            {
                record.ResolvedAt = record.ReceivedAt!.Value.AddHours(random.Next(1, 24 * 30));
                record.Status = "RESOLVED";
                if (random.Next(3) == 0)
                {
                    record.ArchivedAt = record.ResolvedAt.Value.AddDays(1);
                }
            }
            else
            {
                record.Status = "PROCESSING";
            }

            db.Dossiers.Add(record);
            if (record.ResolvedAt is not null && random.Next(5) != 0)
            {
                DateOnly? validUntil = random.Next(4) switch { 0 => new DateOnly(2024, 3, 1), 1 => new DateOnly(2030, 1, 1), _ => null };
                var result = new DigitizedDocument(DocumentKinds.Result, new DossierRef(record.Id, record.Code, record.ProcedureCode, "CITIZEN", record.ApplicantIdentity, record.ApplicantName),
                    "Kết quả", "KQ.1.001193", $"KQ.{unit.Code}.G{i:D5}", validUntil, new string('a', 64), "application/pdf", 100, "kq.pdf", DigitizationPlaces.Agency, null, null)
                { UnitId = unit.Id, UnitPath = unit.Path };
                db.Documents.Add(result);
            }

            if (random.Next(3) == 0)
            {
                var item = new ScanQueueItem(record, DocumentKinds.Component, "Tờ khai", "TK");
                if (random.Next(2) == 0)
                {
                    item.Complete(Guid.CreateVersion7());
                }

                db.ScanQueue.Add(item);
            }
        }

        var desks = await platform.Agencies.Where(a => a.Kind == AgencyKinds.OneStopDesk && a.UnitPath.StartsWith("/30/288/")).ToListAsync();
        foreach (var agency in desks.Where((_, index) => index % 3 == 0))
        {
            var desk = new DigitizationDesk(agency.Id, agency.Code, agency.Name, agency.UnitId, agency.UnitPath);
            desk.Switch(true, DateTimeOffset.UtcNow);
            db.Desks.Add(desk);
        }

        return await db.SaveChangesAsync();
    });

    private async Task<Dictionary<Guid, (int, int, int, int, int, int, int, int)>> DirectSqlAsync()
    {
        const string sql = """
            WITH d AS (
              SELECT d."UnitId",
                     d."ResolvedAt" >= @s AND d."ResolvedAt" < @e AS resolved,
                     d."ReceivedAt" >= @s AND d."ReceivedAt" < @e AS received,
                     EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND NOT x."IsDeleted" AND x."Kind" = 'RESULT'
                             AND (x."ValidUntil" IS NULL OR x."ValidUntil" >= @to)) AS result,
                     EXISTS (SELECT 1 FROM digitization."ScanQueue" q WHERE q."DossierId" = d."Id" AND NOT q."IsDeleted" AND q."Status" = 'PENDING') AS open,
                     d."ArchivedAt" IS NOT NULL AS archived, d."ReusableCount" > 0 AS reusable, d."ReusedCount" > 0 AS reusing
              FROM digitization."Dossiers" d WHERE NOT d."IsDeleted" AND d."UnitPath" LIKE '/30/%'),
            dossiers AS (
              SELECT "UnitId",
                     count(*) FILTER (WHERE resolved) AS resolved,
                     count(*) FILTER (WHERE resolved AND result) AS results,
                     count(*) FILTER (WHERE resolved AND result AND NOT open) AS digitized,
                     count(*) FILTER (WHERE resolved AND result AND NOT open AND archived) AS archived,
                     count(*) FILTER (WHERE received AND reusable) AS reusable,
                     count(*) FILTER (WHERE received AND reusing) AS reusing
              FROM d GROUP BY "UnitId"),
            desks AS (SELECT "UnitId", count(*) AS desks FROM platform."Agencies" WHERE NOT "IsDeleted" AND "Kind" IN ('one-stop-desk', 'service-center') AND "UnitPath" LIKE '/30/%' GROUP BY "UnitId"),
            running AS (SELECT "UnitId", count(*) AS running FROM digitization."Desks" WHERE NOT "IsDeleted" AND "Enabled" GROUP BY "UnitId")
            SELECT coalesce(dossiers."UnitId", desks."UnitId"), coalesce(resolved, 0), coalesce(results, 0), coalesce(digitized, 0), coalesce(archived, 0),
                   coalesce(reusable, 0), coalesce(reusing, 0), coalesce(desks, 0), coalesce(running, 0)
            FROM dossiers FULL JOIN desks ON desks."UnitId" = dossiers."UnitId"
            LEFT JOIN running ON running."UnitId" = coalesce(dossiers."UnitId", desks."UnitId")
            """;
        await using var connection = new NpgsqlConnection(fx.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime());
        command.Parameters.AddWithValue("e", new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime());
        command.Parameters.AddWithValue("to", To);
        var result = new Dictionary<Guid, (int, int, int, int, int, int, int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetGuid(0)] = ((int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4),
                (int)reader.GetInt64(5), (int)reader.GetInt64(6), (int)reader.GetInt64(7), (int)reader.GetInt64(8));
        }

        return result;
    }
}
