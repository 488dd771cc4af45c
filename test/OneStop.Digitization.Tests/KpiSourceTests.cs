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

/// <summary>
/// The KPI source figures equal counts computed directly in SQL on a generated data set, with the engine's definitions
/// (ADR 0030): the results register's stock valid on the last day at the issuing unit, resolved dossiers digitised and
/// archived, components not asked again, desks.
/// </summary>
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
        rows.Count.ShouldBe(expected.Count);
        foreach (var (unitId, e) in expected)
        {
            var r = rows.Single(x => x.UnitId == unitId);
            (r.ValidResults, r.ValidResultsDigitised, r.Resolved, r.ResolvedDigitizedAndArchived, r.ResultsSigned, r.ComponentsRequired, r.ComponentsNotAskedAgain,
                r.ReceivedReusing, r.Desks, r.DesksDigitizing).ShouldBe(e, $"unit {r.UnitPath}");
        }

        rows.Sum(r => r.ValidResults).ShouldBeGreaterThan(rows.Sum(r => r.ValidResultsDigitised));
        rows.Sum(r => r.ValidResultsDigitised).ShouldBeGreaterThan(0);
        rows.Sum(r => r.Resolved).ShouldBeGreaterThan(0);
        rows.Sum(r => r.ResolvedDigitizedAndArchived).ShouldBeGreaterThan(0);
        rows.Sum(r => r.ComponentsNotAskedAgain).ShouldBeGreaterThan(0);
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
            record.NotAskedCount = record.ReusedCount + (random.Next(4) == 0 ? 1 : 0);
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
                // Its line in the results register (the issuing unit is the desk's here), digitised when the copy came in.
                var line = new IssuedResult(ResultSources.Dossier, unit.Id, unit.Path, unit.Level, unit.Name, DateOnly.FromDateTime(record.ResolvedAt.Value.UtcDateTime),
                    "Kết quả", record.ProcedureCode, record.ApplicantIdentity, record.ApplicantName, record.Id, record.Code, unit.Path);
                if (random.Next(2) == 0)
                {
                    line.Digitised(result, record.ResolvedAt.Value.AddDays(random.Next(0, 90)));
                }

                db.Results.Add(line);
            }
            else if (random.Next(6) == 0)
            {
                // An old result from the back-file, on paper.
                db.Results.Add(new IssuedResult(ResultSources.BackFile, unit.Id, unit.Path, unit.Level, "UBND " + unit.Name, new DateOnly(2019, 1, 1).AddDays(random.Next(0, 1500)),
                    "Kết quả cũ", record.ProcedureCode, record.ApplicantIdentity, record.ApplicantName, null, null, unit.Path));
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
            desk.Switch(true, new DateTimeOffset(2024, 1, 15, 8, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime()); // switched on within the period
            db.Desks.Add(desk);
        }

        return await db.SaveChangesAsync();
    });

    private async Task<Dictionary<Guid, (int, int, int, int, int, int, int, int, int, int)>> DirectSqlAsync()
    {
        const string sql = """
            WITH d AS (
              SELECT d."UnitId",
                     d."ResolvedAt" >= @s AND d."ResolvedAt" < @e AS resolved,
                     d."ReceivedAt" >= @s AND d."ReceivedAt" < @e AS received,
                     EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND NOT x."IsDeleted" AND x."Kind" = 'RESULT'
                             AND (x."ValidUntil" IS NULL OR x."ValidUntil" >= @to)) AS result,
                     EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND NOT x."IsDeleted" AND x."Kind" = 'RESULT' AND x."SignedBlobKey" IS NOT NULL) AS signed,
                     EXISTS (SELECT 1 FROM digitization."ScanQueue" q WHERE q."DossierId" = d."Id" AND NOT q."IsDeleted" AND q."Status" = 'PENDING') AS open,
                     d."ArchivedAt" IS NOT NULL AS archived, d."ReusedCount" > 0 AS reusing, d."ComponentCount" AS components, d."NotAskedCount" AS notasked
              FROM digitization."Dossiers" d WHERE NOT d."IsDeleted" AND d."UnitPath" LIKE '/30/%'
                AND ((d."ResolvedAt" >= @s AND d."ResolvedAt" < @e) OR (d."ReceivedAt" >= @s AND d."ReceivedAt" < @e))),
            dossiers AS (
              SELECT "UnitId",
                     count(*) FILTER (WHERE resolved) AS resolved,
                     count(*) FILTER (WHERE resolved AND result AND NOT open AND archived) AS archived,
                     count(*) FILTER (WHERE resolved AND signed) AS signed,
                     coalesce(sum(components) FILTER (WHERE received), 0) AS components,
                     coalesce(sum(notasked) FILTER (WHERE received), 0) AS notasked,
                     count(*) FILTER (WHERE received AND reusing) AS reusing
              FROM d GROUP BY "UnitId"),
            results AS (
              SELECT "UnitId", count(*) AS valid, count(*) FILTER (WHERE "DigitisedAt" < @e) AS digitised FROM digitization."Results"
              WHERE NOT "IsDeleted" AND "UnitPath" LIKE '/30/%' AND "IssuedOn" <= @to AND ("ValidUntil" IS NULL OR "ValidUntil" >= @to) GROUP BY "UnitId"),
            desks AS (SELECT "UnitId", count(*) AS desks FROM platform."Agencies" WHERE NOT "IsDeleted" AND "Kind" IN ('one-stop-desk', 'service-center') AND "UnitPath" LIKE '/30/%' GROUP BY "UnitId"),
            running AS (SELECT "UnitId", count(*) AS running FROM digitization."Desks" WHERE NOT "IsDeleted" AND "Enabled" AND "EnabledSince" < @e GROUP BY "UnitId"),
            units AS (SELECT "UnitId" FROM dossiers UNION SELECT "UnitId" FROM results UNION SELECT "UnitId" FROM desks)
            SELECT u."UnitId", coalesce(r.valid, 0), coalesce(r.digitised, 0), coalesce(x.resolved, 0), coalesce(x.archived, 0), coalesce(x.signed, 0),
                   coalesce(x.components, 0), coalesce(x.notasked, 0), coalesce(x.reusing, 0), coalesce(k.desks, 0), coalesce(g.running, 0)
            FROM units u LEFT JOIN dossiers x ON x."UnitId" = u."UnitId" LEFT JOIN results r ON r."UnitId" = u."UnitId"
            LEFT JOIN desks k ON k."UnitId" = u."UnitId" LEFT JOIN running g ON g."UnitId" = u."UnitId"
            """;
        await using var connection = new NpgsqlConnection(fx.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime());
        command.Parameters.AddWithValue("e", new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime());
        command.Parameters.AddWithValue("to", To);
        var result = new Dictionary<Guid, (int, int, int, int, int, int, int, int, int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            int At(int i) => (int)Convert.ToInt64(reader.GetValue(i));
            result[reader.GetGuid(0)] = (At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9), At(10));
        }

        return result;
    }
}
