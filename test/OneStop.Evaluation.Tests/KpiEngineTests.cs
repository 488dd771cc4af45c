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
using OneStop.Platform.Kpis;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;
using OneStop.PlanTasks.Contracts;
using UglyToad.PdfPig;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// A host with a generated year (2025) of ratings, complaints, dossiers (with components, routing and payments), queue
/// visits, catalogue amendments and digitised documents for every unit, and a full KPI recompute of it.
/// </summary>
public sealed class GeneratedYearFixture : OneStopFactory
{
    public const int Year = 2025;

    public (long Ratings, long Complaints) Generated { get; private set; }
    public long Dossiers { get; private set; }
    public KpiDataGenerator.KpiSources Sources { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Generated = await KpiDataGenerator.GenerateAsync(Database.ConnectionString!, Year, KpiDataGenerator.Volumes.Realistic);
        Dossiers = await KpiDataGenerator.GenerateDossiersAsync(Database.ConnectionString!, Year, KpiDataGenerator.Volumes.Realistic);
        Sources = await KpiDataGenerator.GenerateKpiSourcesAsync(Database.ConnectionString!, Year, KpiDataGenerator.Volumes.Realistic);
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

    public Task<List<T>> SqlRowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters) =>
        Database.RowsAsync(sql, read, parameters);

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

    /// <summary>
    /// Independent SQL for each KPI, written from the tables (not from the calculators): numerator and denominator of
    /// every unit's own rows in [from, to), one row per unit path. <see cref="ExpectedAsync"/> sums them over each path's
    /// subtree.
    /// </summary>
    private static readonly Dictionary<string, string> IndependentSql = new()
    {
        [KpiCodes.Satisfaction] = """SELECT "UnitPath", count(*) FILTER (WHERE "Overall" IN ('VERY_SATISFIED','SATISFIED')), count(*) FROM evaluation."Ratings" WHERE "RatedAt" >= @from AND "RatedAt" < @to AND NOT "IsDeleted" GROUP BY "UnitPath" """,
        [KpiCodes.I766DossierSatisfaction] = """SELECT "UnitPath", count(*) FILTER (WHERE "Overall" <> 'DISSATISFIED'), count(*) FROM evaluation."Ratings" WHERE "RatedAt" >= @from AND "RatedAt" < @to AND NOT "IsDeleted" GROUP BY "UnitPath" """,
        [KpiCodes.SatisfactionCriteria] = """SELECT "UnitPath", coalesce(sum("Points"), 0), 18 * count(*) FROM evaluation."Ratings" WHERE "RatedAt" >= @from AND "RatedAt" < @to AND NOT "IsDeleted" GROUP BY "UnitPath" """,
        [KpiCodes.I766ComplaintsOnTime] = """SELECT "UnitPath", count(*) FILTER (WHERE ("ResolvedAt" IS NOT NULL AND "ResolvedAt" <= "DueAt") OR ("ResolvedAt" IS NULL AND "DueAt" >= now())), count(*) FROM evaluation."Complaints" WHERE "ReceivedAt" >= @from AND "ReceivedAt" < @to AND NOT "IsDeleted" GROUP BY "UnitPath" """,
        [KpiCodes.I766ComplaintSatisfaction] = """SELECT "UnitPath", count(*) FILTER (WHERE "ApplicantSatisfied"), count(*) FROM evaluation."Complaints" WHERE "ResolvedAt" >= @from AND "ResolvedAt" < @to AND "ApplicantSatisfied" IS NOT NULL AND NOT "IsDeleted" GROUP BY "UnitPath" """,
        [KpiCodes.OnlineShare] = $"""SELECT d."UnitPath", count(*) FILTER (WHERE d."Channel" = 'ONLINE'), count(*) FROM counters."Dossiers" d WHERE {ReceivedDossiers} GROUP BY d."UnitPath" """,
        [KpiCodes.OnTimeRate] = """SELECT "SharedUnitPath", count(*) FILTER (WHERE "DueAt" IS NULL OR "ResolvedAt" <= "DueAt"), count(*) FROM counters."Dossiers" WHERE "ResolvedAt" >= @from AND "ResolvedAt" < @to GROUP BY "SharedUnitPath" """,
        [KpiCodes.I766Progress] = $"""SELECT d."SharedUnitPath", count(*) FILTER (WHERE CASE WHEN d."ResolvedAt" IS NOT NULL THEN d."DueAt" IS NULL OR d."ResolvedAt" <= d."DueAt" ELSE d."Status" <> 'STOPPED' AND (d."DueAt" IS NULL OR d."DueAt" >= now()) END), count(*) FROM counters."Dossiers" d WHERE {ReceivedDossiers} GROUP BY d."SharedUnitPath" """,
        [KpiCodes.PlanTasksOnTime] = """SELECT "UnitPath", count(*) FILTER (WHERE "Status" = 'completed'), count(*) FROM plantasks."Assignments" WHERE "DueOn" >= @fromDay AND "DueOn" < @toDay AND NOT "IsDeleted" GROUP BY "UnitPath" """,
        [KpiCodes.I766DataReuse] = $"""SELECT d."UnitPath", count(*) FILTER (WHERE EXISTS (SELECT 1 FROM counters."DossierComponents" c WHERE c."DossierId" = d."Id" AND c."Source" <> 'SUBMITTED')), count(*) FROM counters."Dossiers" d WHERE {ReceivedDossiers} GROUP BY d."UnitPath" """,
        [KpiCodes.I766FullyOnline] = $"""SELECT d."UnitPath", count(*) FILTER (WHERE d."Channel" = 'ONLINE'), count(*) FROM counters."Dossiers" d JOIN counters."Procedures" p ON p."Id" = d."ProcedureId" WHERE p."FullyOnline" AND {ReceivedDossiers} GROUP BY d."UnitPath" """,
        // Counters: routing, payment, population data (receiving desk, reception day).
        [KpiCodes.ElectronicRouting] = $"""
            SELECT d."UnitPath", count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM counters."DossierHandovers" h WHERE h."DossierId" = d."Id" AND h."Kind" = 'ROUTING' AND NOT h."Electronic")), count(*)
            FROM counters."Dossiers" d WHERE {ReceivedDossiers} AND EXISTS (SELECT 1 FROM counters."DossierHandovers" h WHERE h."DossierId" = d."Id" AND h."Kind" = 'ROUTING') GROUP BY d."UnitPath"
            """,
        [KpiCodes.I766OnlinePayment] = $"""SELECT d."UnitPath", count(*) FILTER (WHERE d."PaymentMethod" = 'ONLINE'), count(*) FROM counters."Dossiers" d WHERE {ReceivedDossiers} AND (d."FeeVnd" > 0 OR d."FinancialObligationVnd" > 0) GROUP BY d."UnitPath" """,
        [KpiCodes.I766PopulationData] = $"""SELECT d."UnitPath", count(*) FILTER (WHERE d."ApplicantVerified"), count(*) FROM counters."Dossiers" d WHERE {ReceivedDossiers} AND d."ApplicantKind" = 'CITIZEN' GROUP BY d."UnitPath" """,
        // Counters: queue visits by service day — minutes to the hundredth per visit, over the visits called / served.
        [KpiCodes.WaitingTime] = """SELECT "UnitPath", sum(round("WaitSeconds" / 60.0, 2)), count(*) FROM queue."QueueTickets" WHERE "ServiceDate" >= @fromDay AND "ServiceDate" < @toDay AND "WaitSeconds" IS NOT NULL AND NOT "IsDeleted" GROUP BY "UnitPath" """,
        // Per dossier: a visit counts as many dossiers as it led to (at least one), its minutes shared among them.
        [KpiCodes.ProcessingTimePerDossier] = """
            SELECT t."UnitPath", sum(round(t."ServiceSeconds" / 60.0, 2)),
                   sum(GREATEST(1, (SELECT count(*) FROM queue."QueueTicketDossiers" l WHERE l."TicketId" = t."Id" AND NOT l."IsDeleted")))
            FROM queue."QueueTickets" t WHERE t."ServiceDate" >= @fromDay AND t."ServiceDate" < @toDay AND t."ServiceSeconds" IS NOT NULL AND NOT t."IsDeleted"
            GROUP BY t."UnitPath"
            """,
        // Counters: the catalogue, each unit credited with the procedures of its own level.
        [KpiCodes.I766PublishedOnTime] = CatalogueSql("""count(*) FILTER (WHERE p."PublishedOn" <= p."EffectiveFrom")""", """p."EffectiveFrom" >= @fromDay AND p."EffectiveFrom" < @toDay"""),
        [KpiCodes.I766PublishedInFull] = CatalogueSql("""
            count(*) FILTER (WHERE p."PublishedOn" IS NOT NULL AND p."ExecutingAgency" <> ''
                AND EXISTS (SELECT 1 FROM counters."ProcedureComponents" c WHERE c."ProcedureId" = p."Id")
                AND EXISTS (SELECT 1 FROM counters."ProcedureLegalTimes" t WHERE t."ProcedureId" = p."Id")
                AND EXISTS (SELECT 1 FROM counters."ProcedureFees" f WHERE f."ProcedureId" = p."Id"))
            """, "true"),
        [KpiCodes.I766ProceduresOnPopulationData] = CatalogueSql("""count(*) FILTER (WHERE p."PopulationDataConnected")""", "true"),
        // Digitization, results digitised (ADR 0030): the stock of results valid on the period's last day (issued by then, not
        // expired before it) at the competent unit that issued them, resolved dossiers' and old ones' alike; digitised before the period's end.
        [KpiCodes.ResultsDigitised] = """
            SELECT r."UnitPath", count(*) FILTER (WHERE r."DigitisedAt" < @to), count(*) FROM digitization."Results" r
            WHERE NOT r."IsDeleted" AND r."IssuedOn" <= @lastDay AND (r."ValidUntil" IS NULL OR r."ValidUntil" >= @lastDay) GROUP BY r."UnitPath"
            """,
        // Digitization: the module's copy of the dossiers (receiving unit), by resolution or reception day.
        [KpiCodes.ResolvedDigitised] = $"""
            SELECT d."UnitPath", count(*) FILTER (WHERE {ValidResult} AND d."ArchivedAt" IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM digitization."ScanQueue" q WHERE q."DossierId" = d."Id" AND q."Status" = 'PENDING' AND NOT q."IsDeleted")), count(*)
            FROM digitization."Dossiers" d WHERE {Resolved} GROUP BY d."UnitPath"
            """,
        [KpiCodes.I766ElectronicResults] = $"""
            SELECT d."UnitPath", count(*) FILTER (WHERE EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND x."Kind" = 'RESULT' AND x."SignedBlobKey" IS NOT NULL AND NOT x."IsDeleted")), count(*)
            FROM digitization."Dossiers" d WHERE {Resolved} GROUP BY d."UnitPath"
            """,
        // Not asked again (ADR 0030), from Counters' components of the dossiers Digitization knows: of the components required, those
        // reused or, for an applicant verified in the population database, the identity document (CD-CCCD).
        [KpiCodes.NoRepeatDocuments] = """
            SELECT d."UnitPath", count(*) FILTER (WHERE k."Source" <> 'SUBMITTED' OR (k."DocumentTypeCode" = 'CD-CCCD' AND c."ApplicantVerified")), count(*)
            FROM digitization."Dossiers" d JOIN counters."Dossiers" c ON c."Id" = d."Id" JOIN counters."DossierComponents" k ON k."DossierId" = c."Id"
            WHERE c."ReceivedAt" >= @from AND c."ReceivedAt" < @to AND NOT d."IsDeleted" GROUP BY d."UnitPath"
            """,
        [KpiCodes.I766DigitisedLinked] = $"""
            SELECT d."UnitPath", count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM digitization."ScanQueue" q WHERE q."DossierId" = d."Id" AND q."Kind" = 'COMPONENT' AND q."Status" = 'PENDING' AND NOT q."IsDeleted")
                AND (d."ReusedCount" > 0 OR EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND x."Kind" = 'COMPONENT' AND NOT x."IsDeleted"))), count(*)
            FROM digitization."Dossiers" d WHERE {Received} GROUP BY d."UnitPath"
            """,
        [KpiCodes.I766SharedForReuse] = $"""
            SELECT d."UnitPath", count(*) FILTER (WHERE EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND x."SharedForReuse" AND NOT x."IsDeleted")), count(*)
            FROM digitization."Dossiers" d WHERE {Received} AND EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND NOT x."IsDeleted") GROUP BY d."UnitPath"
            """,
        [KpiCodes.DesksDigitising] = """
            SELECT a."UnitPath", count(*) FILTER (WHERE EXISTS (SELECT 1 FROM digitization."Desks" k WHERE k."AgencyId" = a."Id" AND k."Enabled" AND k."EnabledSince" < @to AND NOT k."IsDeleted")), count(*)
            FROM platform."Agencies" a WHERE a."Kind" IN ('one-stop-desk', 'service-center') AND NOT a."IsDeleted" GROUP BY a."UnitPath"
            """,
        // Digitization: a commune counts when its certification register has a line in the period (ADR 0026).
        [KpiCodes.I766CertifiedCopies] = """
            SELECT u."Path", CASE WHEN EXISTS (SELECT 1 FROM digitization."CertifiedCopies" c WHERE c."UnitId" = u."Id" AND c."CertifiedAt" >= @from AND c."CertifiedAt" < @to AND NOT c."IsDeleted") THEN 1 ELSE 0 END, 1
            FROM platform."AdministrativeUnits" u WHERE u."Level" = 'commune' AND u."ValidFrom" < @toDay AND (u."ValidTo" IS NULL OR u."ValidTo" > @fromDay)
            """,
    };

    private const string ReceivedDossiers = """d."ReceivedAt" >= @from AND d."ReceivedAt" < @to AND d."Status" NOT IN ('NEW','REFUSED','WITHDRAWN')""";
    private const string Resolved = """d."ResolvedAt" >= @from AND d."ResolvedAt" < @to AND NOT d."IsDeleted" """;
    private const string Received = """d."ReceivedAt" >= @from AND d."ReceivedAt" < @to AND NOT d."IsDeleted" """;
    private const string ValidResult = """EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND x."Kind" = 'RESULT' AND NOT x."IsDeleted" AND (x."ValidUntil" IS NULL OR x."ValidUntil" >= @lastDay))""";

    /// <summary>Procedures of each unit's level, per unit valid in the period.</summary>
    private static string CatalogueSql(string numerator, string where) => $"""
        SELECT u."Path", x.n, x.d FROM platform."AdministrativeUnits" u
        CROSS JOIN LATERAL (SELECT {numerator} AS n, count(*) AS d FROM counters."Procedures" p
                            WHERE {where} AND CASE u."Level" WHEN 'commune' THEN p."AtCommune" WHEN 'district' THEN p."AtDistrict" WHEN 'province' THEN p."AtProvince" ELSE false END) x
        WHERE u."ValidFrom" < @toDay AND (u."ValidTo" IS NULL OR u."ValidTo" > @fromDay)
        """;

    private static readonly string[] Averages = [KpiCodes.WaitingTime, KpiCodes.ProcessingTimePerDossier];

    private static (DateTimeOffset From, DateTimeOffset To, DateOnly FromDay, DateOnly ToDay) Bounds(string period) => period switch
    {
        "2025" => (new(2025, 1, 1, 0, 0, 0, Vn), new(2026, 1, 1, 0, 0, 0, Vn), new(2025, 1, 1), new(2026, 1, 1)),
        "2025-Q2" => (new(2025, 4, 1, 0, 0, 0, Vn), new(2025, 7, 1, 0, 0, 0, Vn), new(2025, 4, 1), new(2025, 7, 1)),
        "2025-07" => (new(2025, 7, 1, 0, 0, 0, Vn), new(2025, 8, 1, 0, 0, 0, Vn), new(2025, 7, 1), new(2025, 8, 1)),
        "2025-03-15" => (new(2025, 3, 15, 0, 0, 0, Vn), new(2025, 3, 16, 0, 0, 0, Vn), new(2025, 3, 15), new(2025, 3, 16)),
        _ => throw new ArgumentException(period),
    };

    private static (string, object)[] Parameters(string period)
    {
        var (from, to, fromDay, toDay) = Bounds(period);
        return [("from", from.ToUniversalTime()), ("to", to.ToUniversalTime()), ("fromDay", fromDay), ("toDay", toDay), ("lastDay", toDay.AddDays(-1))];
    }

    /// <summary>The period kinds each KPI is defined for (kpis.json, as seeded).</summary>
    private Task<Dictionary<string, string[]>> PeriodsAsync() =>
        fx.AsSystemAsync(async sp => (await sp.GetRequiredService<EvaluationDbContext>().Definitions.AsNoTracking().ToListAsync())
            .ToDictionary(d => d.Code, d => d.PeriodList.ToArray()));

    /// <summary>Numerator and denominator of each unit's own rows (<see cref="IndependentSql"/>).</summary>
    private async Task<Dictionary<string, (decimal N, decimal D)>> OwnAsync(string code, string period) =>
        (await fx.SqlRowsAsync(IndependentSql[code], r => (Path: r.GetString(0), N: Convert.ToDecimal(r.GetValue(1)), D: Convert.ToDecimal(r.GetValue(2))), Parameters(period)))
        .ToDictionary(r => r.Path, r => (r.N, r.D));

    /// <summary>
    /// The KPIs whose targets are set per competent level, so a unit's figure is its own rows and never its subtree's: the
    /// plan's 30 / 20 / 15 % of still-valid results digitised at the province, district and commune (ADR 0030).
    /// </summary>
    private static readonly string[] OwnUnitOnly = [KpiCodes.ResultsDigitised];

    /// <summary>
    /// For every unit path, the numerator and denominator over its subtree: the own rows of every path it prefixes, summed
    /// in SQL (the unit's own rows alone for <see cref="OwnUnitOnly"/>).
    /// </summary>
    private async Task<Dictionary<string, (decimal N, decimal D)>> ExpectedAsync(string code, string period) =>
        (await fx.SqlRowsAsync($"""
            WITH own(path, n, d) AS ({IndependentSql[code]})
            SELECT u."Path", coalesce(sum(o.n), 0), coalesce(sum(o.d), 0)
            FROM platform."AdministrativeUnits" u LEFT JOIN own o ON {(OwnUnitOnly.Contains(code) ? "o.path = u.\"Path\"" : "starts_with(o.path, u.\"Path\")")}
            GROUP BY u."Path"
            """, r => (Path: r.GetString(0), N: Convert.ToDecimal(r.GetValue(1)), D: Convert.ToDecimal(r.GetValue(2))), Parameters(period)))
        .ToDictionary(r => r.Path, r => (r.N, r.D));

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
        fx.Sources.Components.ShouldBeGreaterThan(70_000);
        fx.Sources.Handovers.ShouldBeGreaterThan(8_000);
        fx.Sources.Tickets.ShouldBeGreaterThan(45_000);
        fx.Sources.ProceduresAmended.ShouldBeGreaterThan(100);
        fx.Sources.DigitizedDossiers.ShouldBe(fx.Dossiers);
        fx.Sources.Documents.ShouldBeGreaterThan(40_000);
        fx.Sources.ScanItems.ShouldBeGreaterThan(1_000);
        fx.Sources.Desks.ShouldBeGreaterThan(200);
        (await fx.SqlAsync("""SELECT count(DISTINCT "UnitId") FROM queue."QueueTickets" """, r => r.GetInt64(0))).ShouldBe(248);
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-Q2")]
    [InlineData("2025-07")]
    [InlineData("2025-03-15")]
    public async Task Each_kpi_of_each_unit_equals_an_independent_sql_query(string period)
    {
        var snapshots = (await SnapshotsAsync([period])).Where(s => IndependentSql.ContainsKey(s.Code)).ToList();
        var compared = 0;
        // Only the periods each KPI is defined for (kpis.json): dossier KPIs have no days, desks only quarters and years.
        var kind = KpiPeriod.Parse(period)!.Kind;
        var periods = await PeriodsAsync();
        foreach (var code in IndependentSql.Keys.Where(c => periods[c].Contains(kind)))
        {
            // Every unit of the province: the independent query gives all paths at once.
            foreach (var (path, (n, d)) in await ExpectedAsync(code, period))
            {
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
                    snapshot[0].Value.ShouldBe(Averages.Contains(code) ? Math.Round(n / d, 2) : Math.Round(100m * n / d, 2), $"{code} {path} {period} value");
                }

                compared++;
            }
        }

        // More than one KPI per unit on average (a single day has data in fewer units).
        compared.ShouldBeGreaterThan(period == "2025-03-15" ? 10 : 248);
    }

    [Fact]
    public async Task Every_calculator_answers_a_months_days_at_once_as_it_answers_each_day_on_its_own()
    {
        // ADR 0053: the engine asks a month of days in one call; a calculator grouping by day in SQL must give, for the
        // codes it counts per day (and every code of a day-rolled calculator), exactly what a day asked alone gives.
        var (from, to) = (new DateOnly(GeneratedYearFixture.Year, 3, 1), new DateOnly(GeneratedYearFixture.Year, 4, 1));
        var definitions = await PeriodsAsync();
        var compared = await fx.AsSystemAsync(async sp =>
        {
            var count = 0;
            foreach (var calculator in sp.GetServices<IKpiCalculator>())
            {
                var daily = calculator.KpiCodes.Where(c => definitions.TryGetValue(c, out var kinds) && kinds.Contains(KpiPeriodKinds.Day)).ToHashSet();
                var wanted = KpiDayRollUp.Applies(calculator.KpiCodes) ? calculator.KpiCodes.ToHashSet() : daily;
                if (wanted.Count == 0)
                {
                    continue;
                }

                static List<string> Lines(IEnumerable<KpiDayRows> days, HashSet<string> codes) => days
                    .SelectMany(d => d.Rows.Where(r => codes.Contains(r.KpiCode) && (r.Numerator != 0 || r.Denominator != 0))
                        .Select(r => $"{d.Day:yyyy-MM-dd} {r.KpiCode} {r.UnitId} {r.AsIsUnitId} {r.RollsUp} {r.Numerator:0.00} {r.Denominator:0.00}"))
                    .Order(StringComparer.Ordinal).ToList();
                var atOnce = Lines(await calculator.ComputeDaysAsync(from, to), wanted);
                var oneByOne = Lines(await KpiDays.OneByOneAsync(calculator, from, to, CancellationToken.None), wanted);
                atOnce.ShouldBe(oneByOne, calculator.GetType().Name);
                count += atOnce.Count;
            }

            return count;
        });
        compared.ShouldBeGreaterThan(10_000); // a month of days of every unit: the comparison is not of two empty lists
    }

    [Fact]
    public async Task A_districts_roll_up_is_the_sum_over_its_communes_rows_never_an_average_of_percentages()
    {
        var snapshots = await SnapshotsAsync(["2025", "2025-Q2"]);
        // The KPIs with an independent query, whose own rows at the district desk can be counted separately.
        var districts = snapshots.Where(s => s.Level == "district" && IndependentSql.ContainsKey(s.Code) && !OwnUnitOnly.Contains(s.Code)).ToList();
        districts.ShouldNotBeEmpty();
        var own = new Dictionary<(string Code, string Period), Dictionary<string, (decimal N, decimal D)>>();
        foreach (var district in districts)
        {
            var communes = snapshots.Where(s => s.Code == district.Code && s.Period == district.Period && s.Level == "commune" && s.Path.StartsWith(district.Path)).ToList();
            // The district desk's own rows (not under any commune) plus every commune's.
            if (!own.TryGetValue((district.Code, district.Period), out var rows))
            {
                own[(district.Code, district.Period)] = rows = await OwnAsync(district.Code, district.Period);
            }

            var (n, d) = rows.GetValueOrDefault(district.Path);
            district.N.ShouldBe(communes.Sum(c => c.N) + n, $"{district.Code} {district.Path} {district.Period}");
            district.D.ShouldBe(communes.Sum(c => c.D) + d, $"{district.Code} {district.Path} {district.Period}");
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
        // A dossier resolved in May without a signed result, anywhere in the province: it gets one (KPI 766 5.1).
        var unsigned = await fx.SqlAsync("""
            SELECT d."Id"::text || '|' || d."UnitPath" || '|' || to_char(d."ResolvedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') FROM digitization."Dossiers" d
            WHERE d."ResolvedAt" >= '2025-05-01 00:00+07' AND d."ResolvedAt" < '2025-06-01 00:00+07'
              AND NOT EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND x."Kind" = 'RESULT' AND x."SignedBlobKey" IS NOT NULL)
            ORDER BY d."Id" LIMIT 1
            """, r => r.GetString(0));
        var (dossierId, dossierPath, resolvedDay) = (unsigned.Split('|')[0], unsigned.Split('|')[1], unsigned.Split('|')[2]);
        string[] periods = ["2025-05-10", "2025-05", "2025-Q2", "2025", "2025-08-20", resolvedDay];
        var before = await SnapshotsAsync(periods);
        const string stamp = """SELECT max("ComputedAt") FROM evaluation."KpiSnapshots" WHERE "PeriodKey" = '2025-08-20' AND "KpiCode" LIKE '%satisfaction%'""";
        var untouchedAt = await fx.SqlAsync(stamp, r => r.GetDateTime(0));
        await fx.SqlAsync($"""
            INSERT INTO evaluation."Ratings" ("Id", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy", "DossierId", "DossierCode", "Channel", "Scores", "Points", "Overall", "RatedAt", "Seq", "PreviousHash", "Hash")
            VALUES (gen_random_uuid(), '{id}', '{path}', false, now(), 'test', gen_random_uuid(), 'INC-1', 'KIOSK', '000000000', 0, 'DISSATISFIED', '2025-05-10 09:00+07', 900000000, '', '')
            RETURNING 1
            """, r => r.GetInt32(0));
        // A queue visit of ten minutes' wait at the same commune on the same day…
        await fx.SqlAsync($"""
            INSERT INTO queue."QueueTickets" ("Id", "DeskId", "ServiceDate", "Number", "Field", "Source", "Status", "QueueKey", "IssuedAt", "CalledAt", "LastCalledAt",
                "ServiceStartedAt", "EndedAt", "CallCount", "WaitSeconds", "ServiceSeconds", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy")
            VALUES (gen_random_uuid(), gen_random_uuid(), '2025-05-10', 999999, 'Hộ tịch', 'KIOSK', 'DONE', '2025-05-10 08:00+07', '2025-05-10 08:00+07', '2025-05-10 08:10+07',
                '2025-05-10 08:10+07', '2025-05-10 08:10+07', '2025-05-10 08:20+07', 1, 600, 600, '{id}', '{path}', false, now(), 'test')
            RETURNING 1
            """, r => r.GetInt32(0));
        // …and the signed result of the dossier found above.
        await fx.SqlAsync($"""
            INSERT INTO digitization."Documents" ("Id", "Kind", "DossierId", "DossierCode", "ProcedureCode", "ApplicantKind", "ApplicantIdentity", "ApplicantName", "Name",
                "DocumentTypeCode", "DigitizedCode", "BlobKey", "ContentType", "Size", "FileName", "Place", "SharedForReuse", "SignedBlobKey", "SignedSize", "SignedAt",
                "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy")
            SELECT gen_random_uuid(), 'RESULT', d."Id", d."Code", d."ProcedureCode", d."ApplicantKind", d."ApplicantIdentity", d."ApplicantName", 'Kết quả', 'KQ.INC', 'INC-1',
                   repeat('e', 64), 'application/pdf', 1, 'kq.pdf', 'AGENCY', true, repeat('f', 64), 1, d."ResolvedAt", d."UnitId", d."UnitPath", false, now(), 'test'
            FROM digitization."Dossiers" d WHERE d."Id" = '{dossierId}'
            RETURNING 1
            """, r => r.GetInt32(0));
        await fx.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RunIncrementalAsync(CancellationToken.None));
        var after = await SnapshotsAsync(periods);
        foreach (var period in new[] { "2025-05-10", "2025-05", "2025-Q2", "2025" })
        {
            foreach (var unitPath in new[] { path, "/30/288/", "/30/" })
            {
                var old = before.SingleOrDefault(s => s.Code == KpiCodes.Satisfaction && s.Period == period && s.Path == unitPath);
                var now = after.Single(s => s.Code == KpiCodes.Satisfaction && s.Period == period && s.Path == unitPath);
                now.D.ShouldBe(old.D + 1, $"{period} {unitPath}");
                now.N.ShouldBe(old.N, $"{period} {unitPath}");
                if (period != "2025-05-10")
                {
                    var waitedBefore = before.Single(s => s.Code == KpiCodes.WaitingTime && s.Period == period && s.Path == unitPath);
                    var waited = after.Single(s => s.Code == KpiCodes.WaitingTime && s.Period == period && s.Path == unitPath);
                    (waited.N, waited.D).ShouldBe((waitedBefore.N + 10m, waitedBefore.D + 1), $"waiting time {period} {unitPath}");
                }
            }
        }

        foreach (var period in new[] { resolvedDay, "2025-05", "2025-Q2", "2025" })
        {
            foreach (var unitPath in new[] { dossierPath, "/30/" })
            {
                var old = before.Single(s => s.Code == KpiCodes.I766ElectronicResults && s.Period == period && s.Path == unitPath);
                var now = after.Single(s => s.Code == KpiCodes.I766ElectronicResults && s.Period == period && s.Path == unitPath);
                (now.N, now.D).ShouldBe((old.N + 1, old.D), $"electronic results {period} {unitPath}");
            }
        }

        // Another day was not recomputed: same rows, same values.
        after.Where(s => s.Period == "2025-08-20").OrderBy(s => s.Code + s.Path).ShouldBe(before.Where(s => s.Period == "2025-08-20").OrderBy(s => s.Code + s.Path));
        (await fx.SqlAsync(stamp, r => r.GetDateTime(0))).ShouldBe(untouchedAt);
        await fx.SqlAsync("""DELETE FROM evaluation."Ratings" WHERE "DossierCode" = 'INC-1' RETURNING 1""", r => r.GetInt32(0));
        await fx.SqlAsync("""DELETE FROM queue."QueueTickets" WHERE "Number" = 999999 RETURNING 1""", r => r.GetInt32(0));
        await fx.SqlAsync("""DELETE FROM digitization."Documents" WHERE "DigitizedCode" = 'INC-1' RETURNING 1""", r => r.GetInt32(0));
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
        var (n, d) = (await ExpectedAsync(KpiCodes.Satisfaction, "2025"))["/30/"];
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
        definitions.EnumerateArray().Single(x => x.GetProperty("code").GetString() == KpiCodes.WaitingTime).GetProperty("sourcePending").GetBoolean().ShouldBeFalse();
        // "Source pending" exactly for the codes no registered calculator answers.
        var answered = await fx.AsSystemAsync(sp => Task.FromResult(sp.GetServices<IKpiCalculator>().SelectMany(c => c.KpiCodes).ToHashSet()));
        foreach (var definition in definitions.EnumerateArray())
        {
            var code = definition.GetProperty("code").GetString()!;
            definition.GetProperty("sourcePending").GetBoolean().ShouldBe(!answered.Contains(code), code);
        }
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
