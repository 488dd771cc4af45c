using Npgsql;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// Generates a year of rows into the tables Evaluation's calculators read, straight in SQL (PostgreSQL): ratings for
/// every unit's desk (the province's centre, each district, each commune) with a per-unit share of dissatisfied
/// applicants (so some units miss the 95% target and some meet it), and complaints (one per ~15 ratings), some
/// answered late, some still open. Shared with the benchmark etc/bench/KpiRecompute.
/// </summary>
public static class KpiDataGenerator
{
    public sealed record Volumes(int PerProvince, int PerDistrict, int PerCommune)
    {
        /// <summary>About 38,000 ratings a year: a realistic year of ratings for Hải Dương's 248 desks.</summary>
        public static readonly Volumes Realistic = new(3000, 600, 120);
    }

    /// <summary>
    /// Dossiers received in the year at every unit's desk into Counters' table (the shape Counters writes): procedures
    /// from the seeded catalogue, a per-unit online share (30–70%), 80% resolved and returned (a third of them after the
    /// 7-day due date), 10% still processing, 10% refused; 10% filed by organisations, citizens checked against the
    /// population database at a per-unit rate (45–95%); 30% with a fee and 10% with a financial obligation, paid online
    /// at a per-unit rate (20–80%), 5% not paid yet.
    /// </summary>
    public static async Task<long> GenerateDossiersAsync(string connectionString, int year, Volumes volumes, int seed = 7)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var setSeed = new NpgsqlCommand($"SELECT setseed({seed % 1000 / 1000.0:0.000})", connection))
        {
            await setSeed.ExecuteNonQueryAsync();
        }

        const string sql = """
            INSERT INTO counters."Dossiers" ("Id", "Code", "ProcedureId", "ProcedureCode", "ProcedureName", "ProcedureField", "LegalTimeVersion", "LegalTimeValue",
                "LegalTimeUnit", "Channel", "Status", "ApplicantKind", "ApplicantIdentity", "ApplicantName", "ApplicantVerified", "UnitId", "UnitPath",
                "ReceivingUnitId", "ReceivingAgencyCode", "ReceivingUnitName", "ResolvingUnitId", "SharedUnitPath", "ResolvingUnitName", "CurrentUnitId", "CurrentUnitName",
                "SubmittedAt", "ReceivedAt", "DueAt", "DueExplanation", "ResolvedAt", "ReturnedAt", "RequestedReturnMethod", "CreatedAt", "CreatedBy",
                "FeeVnd", "FinancialObligationVnd", "PaymentMethod")
            SELECT gen_random_uuid(), 'GEN-' || u."Code" || '-' || g, p.ids[x.i], p.codes[x.i], 'Thủ tục sinh dữ liệu', 'ho-tich', 1, 5,
                   'WORKING_DAY', CASE WHEN x.r3 < 0.3 + (abs(hashtext(u."Code")) % 40) / 100.0 THEN 'ONLINE' ELSE 'DIRECT' END,
                   CASE WHEN x.r < 0.8 THEN 'RETURNED' WHEN x.r < 0.9 THEN 'PROCESSING' ELSE 'REFUSED' END,
                   CASE WHEN x.r4 < 0.1 THEN 'ORGANISATION' ELSE 'CITIZEN' END, CASE WHEN x.r4 < 0.1 THEN '0800123456' ELSE '030090001234' END,
                   CASE WHEN x.r4 < 0.1 THEN 'Công ty TNHH An Phát' ELSE 'Nguyễn Văn An' END,
                   x.r4 >= 0.1 AND x.r5 < 0.45 + (abs(hashtext(u."Code" || ':population')) % 50) / 100.0,
                   u."Id", u."Path", u."Id", 'MC' || u."Code", u."Name", u."Id", u."Path", u."Name", u."Id", u."Name",
                   x.t - interval '1 hour', x.t, x.t + interval '7 days', '',
                   CASE WHEN x.r < 0.8 THEN x.t + x.r2 * interval '10 days' END, CASE WHEN x.r < 0.8 THEN x.t + x.r2 * interval '10 days' + interval '2 hours' END,
                   'DESK', now() - interval '1 day', 'generator',
                   CASE WHEN x.r6 < 0.3 THEN 50000 ELSE 0 END, CASE WHEN x.r6 >= 0.9 AND x.r < 0.8 THEN 1200000 END,
                   CASE WHEN x.r6 < 0.3 OR (x.r6 >= 0.9 AND x.r < 0.8) THEN
                        CASE WHEN x.r7 < 0.05 THEN NULL WHEN x.r7 < 0.25 + (abs(hashtext(u."Code" || ':payment')) % 60) / 100.0 THEN 'ONLINE' ELSE 'DESK' END END
            FROM platform."AdministrativeUnits" u
            CROSS JOIN (SELECT array_agg("Id" ORDER BY "Code") AS ids, array_agg("Code" ORDER BY "Code") AS codes, count(*) AS n FROM counters."Procedures") p
            CROSS JOIN LATERAL generate_series(1, CASE u."Level" WHEN 'province' THEN @p WHEN 'district' THEN @d ELSE @c END) g
            CROSS JOIN LATERAL (SELECT random() AS r, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7,
                                       1 + floor(random() * p.n)::int AS i,
                                       make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + random() * (make_timestamptz(@year + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') - make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')) AS t
                                WHERE g = g) x
            -- In the order a running system writes them: a month's dossiers on neighbouring pages, not spread over the table.
            ORDER BY x.t
            """;
        long n;
        await using (var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("p", volumes.PerProvince);
            command.Parameters.AddWithValue("d", volumes.PerDistrict);
            command.Parameters.AddWithValue("c", volumes.PerCommune);
            command.Parameters.AddWithValue("year", year);
            n = await command.ExecuteNonQueryAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE counters.\"Dossiers\";", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return n;
    }

    /// <summary>What <see cref="GenerateKpiSourcesAsync"/> wrote.</summary>
    public sealed record KpiSources(long Components, long Handovers, long Tickets, long ProceduresAmended, long DigitizedDossiers, long Documents, long ScanItems, long Desks);

    /// <summary>
    /// One dossier received at <paramref name="unitId"/> (its receiving and owning unit, as intake writes it) at
    /// <paramref name="receivedAt"/>, resolved and returned two days later within its 7-day due date, in the same shape
    /// as <see cref="GenerateDossiersAsync"/>; <paramref name="unitPath"/> is where the unit's data lives now (a retired
    /// unit's archive is under its successor).
    /// </summary>
    public static async Task<Guid> InsertDossierAsync(
        string connectionString, Guid unitId, string unitPath, string unitCode, string unitName, DateTimeOffset receivedAt, string channel, string? applicantAddress)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const string sql = """
            INSERT INTO counters."Dossiers" ("Id", "Code", "ProcedureId", "ProcedureCode", "ProcedureName", "ProcedureField", "LegalTimeVersion", "LegalTimeValue",
                "LegalTimeUnit", "Channel", "Status", "ApplicantKind", "ApplicantIdentity", "ApplicantName", "ApplicantAddress", "ApplicantVerified", "UnitId", "UnitPath",
                "ReceivingUnitId", "ReceivingAgencyCode", "ReceivingUnitName", "ResolvingUnitId", "SharedUnitPath", "ResolvingUnitName", "CurrentUnitId", "CurrentUnitName",
                "SubmittedAt", "ReceivedAt", "DueAt", "DueExplanation", "ResolvedAt", "ReturnedAt", "RequestedReturnMethod", "CreatedAt", "CreatedBy",
                "FeeVnd", "FinancialObligationVnd", "PaymentMethod")
            SELECT @id, 'TEST-' || @code || '-' || substr(md5(@id::text), 1, 8), p."Id", p."Code", 'Thủ tục thử nghiệm', 'ho-tich', 1, 5,
                   'WORKING_DAY', @channel, 'RETURNED', 'CITIZEN', '030090001234', 'Nguyễn Văn An', @address, true, @unit, @path,
                   @unit, 'MC' || @code, @name, @unit, @path, @name, @unit, @name,
                   @at - interval '1 hour', @at, @at + interval '7 days', '', @at + interval '2 days', @at + interval '2 days 2 hours', 'DESK', @at, 'test',
                   0, NULL, NULL
            FROM (SELECT "Id", "Code" FROM counters."Procedures" ORDER BY "Code" LIMIT 1) p
            """;
        var id = Guid.NewGuid();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("code", unitCode);
        command.Parameters.AddWithValue("name", unitName);
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("path", unitPath);
        command.Parameters.AddWithValue("at", receivedAt.ToUniversalTime());
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.Add(new NpgsqlParameter("address", NpgsqlTypes.NpgsqlDbType.Varchar) { Value = (object?)applicantAddress ?? DBNull.Value });
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("No procedure in the catalogue to file a dossier for.");
        }

        return id;
    }

    /// <summary>
    /// The other rows the KPI calculators read, for the dossiers of <see cref="GenerateDossiersAsync"/> (run it first):
    /// <list type="bullet">
    /// <item>Counters: 1–3 components per dossier (12% reused from a component, ~4% from a result); routing hand-overs
    /// for a fifth of the received dossiers (one or two, electronic at a per-unit rate of 60–99%); queue visits at every
    /// unit's desk (1.2 per dossier of the volumes) on days of the year with a per-unit mean wait of 5–25 minutes
    /// (exponential), 3–33 minutes of service, 6% no-shows and 2% never called; a third of the catalogue amended in the
    /// year (effective on a day of it, published up to 22 days early or 7 late, one in ten not yet published).</item>
    /// <item>Digitization, as its event handler would have written it: the module's copy of every dossier (components
    /// reused, components the data store could have supplied at reception, returned dossiers archived); two units in
    /// three run digitisation fully (everything scanned and archived, results digitised and valid, the data store used
    /// almost always), the others partly (components scanned at 50–95%, 40% of the rest waiting in the scan queue,
    /// results at 55–95%, 15% of them with a validity ending in the year, 70% archived, components the store held not
    /// reused at 30–70%); 85% of the documents shared for reuse, 4% of the components signed as electronic certified
    /// copies, results signed at a per-unit rate of 50–90%; 90% of the one-stop desks with a digitisation switch, 88%
    /// of those on since a day between two years before and the middle of the year.</item>
    /// </list>
    /// </summary>
    public static async Task<KpiSources> GenerateKpiSourcesAsync(string connectionString, int year, Volumes volumes, int seed = 11)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var setSeed = new NpgsqlCommand($"SELECT setseed({seed % 1000 / 1000.0:0.000})", connection))
        {
            await setSeed.ExecuteNonQueryAsync();
        }

        async Task<long> RunAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("year", year);
            command.Parameters.AddWithValue("p", volumes.PerProvince * 6 / 5);
            command.Parameters.AddWithValue("d", volumes.PerDistrict * 6 / 5);
            command.Parameters.AddWithValue("c", volumes.PerCommune * 6 / 5);
            return await command.ExecuteNonQueryAsync();
        }

        const string generated = """d."Code" LIKE 'GEN-%'""";
        // Two units in three run digitisation fully (everything scanned, every result digitised and archived, the data
        // store used whenever it can be): the 2025 targets of 95–100% are met somewhere and missed elsewhere.
        const string mature = """abs(hashtext(d."UnitPath" || ':mature')) % 3 <> 0""";
        var components = await RunAsync($$"""
            INSERT INTO counters."DossierComponents" ("Id", "DossierId", "Order", "Name", "DocumentTypeCode", "Required", "Source", "ReusedDocumentId", "Copies")
            SELECT gen_random_uuid(), d."Id", k, (ARRAY['Tờ khai', 'Giấy tờ tùy thân', 'Giấy chứng sinh'])[k], (ARRAY['HT-TK-KS', 'CD-CCCD', 'YT-GCS'])[k], true,
                   c.source, CASE WHEN c.source <> 'SUBMITTED' THEN gen_random_uuid() END, 1
            FROM counters."Dossiers" d
            CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(d."Code")) % 3) k
            CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.12 THEN 'REUSED_COMPONENT' WHEN random() < 0.05 THEN 'REUSED_RESULT' ELSE 'SUBMITTED' END AS source
                                WHERE k = k) c
            WHERE {{generated}}
            ORDER BY d."ReceivedAt", k
            """);
        var handovers = await RunAsync($$"""
            INSERT INTO counters."DossierHandovers" ("Id", "DossierId", "Order", "Kind", "FromName", "ToName", "ToUnitId", "SentAt", "SentBy", "ReceivedAt", "Electronic", "Note")
            SELECT gen_random_uuid(), d."Id", k, 'ROUTING', d."ReceivingUnitName", 'Cơ quan phối hợp ' || k, NULL, d."ReceivedAt" + k * interval '1 day', 'generator', NULL,
                   random() < 0.6 + (abs(hashtext(d."UnitPath" || ':routing')) % 40) / 100.0, NULL
            FROM counters."Dossiers" d
            CROSS JOIN LATERAL generate_series(1, CASE WHEN abs(hashtext(d."Code" || ':routed')) % 5 = 0 THEN 1 + abs(hashtext(d."Code" || ':twice')) % 2 ELSE 0 END) k
            WHERE {{generated}} AND d."ReceivedAt" IS NOT NULL AND d."Status" <> 'REFUSED'
            ORDER BY d."ReceivedAt", k
            """);
        var tickets = await RunAsync("""
            INSERT INTO queue."QueueTickets" ("Id", "DeskId", "ServiceDate", "Number", "Field", "PriorityGroup", "Source", "Status", "QueueKey", "IssuedAt",
                "CalledAt", "LastCalledAt", "ServiceStartedAt", "EndedAt", "CallCount", "WaitSeconds", "ServiceSeconds", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy")
            SELECT gen_random_uuid(), md5('desk:' || u."Code")::uuid, x.day, g, 'Hộ tịch', CASE WHEN x.r < 0.1 THEN 'ELDERLY' END, 'KIOSK',
                   CASE WHEN x.r2 < 0.02 THEN 'WAITING' WHEN x.r2 < 0.08 THEN 'NO_SHOW' ELSE 'DONE' END, x.issued, x.issued,
                   CASE WHEN x.r2 >= 0.02 THEN x.issued + x.wait * interval '1 second' END, CASE WHEN x.r2 >= 0.02 THEN x.issued + x.wait * interval '1 second' END,
                   CASE WHEN x.r2 >= 0.08 THEN x.issued + x.wait * interval '1 second' END,
                   CASE WHEN x.r2 >= 0.08 THEN x.issued + (x.wait + x.service) * interval '1 second' WHEN x.r2 >= 0.02 THEN x.issued + (x.wait + 120) * interval '1 second' END,
                   CASE WHEN x.r2 >= 0.02 THEN 1 ELSE 0 END, CASE WHEN x.r2 >= 0.02 THEN x.wait END, CASE WHEN x.r2 >= 0.08 THEN x.service END,
                   u."Id", u."Path", false, now() - interval '1 day', 'generator'
            FROM platform."AdministrativeUnits" u
            CROSS JOIN LATERAL generate_series(1, CASE u."Level" WHEN 'province' THEN @p WHEN 'district' THEN @d ELSE @c END) g
            CROSS JOIN LATERAL (SELECT random() AS r, random() AS r2, t.day, (t.day + time '07:30') AT TIME ZONE 'Asia/Ho_Chi_Minh' + random() * interval '9 hours' AS issued,
                                       round(-ln(1 - random()) * (300 + abs(hashtext(u."Code" || ':wait')) % 1200))::int AS wait,
                                       (180 + floor(random() * 1800))::int AS service
                                FROM (SELECT make_date(@year, 1, 1) + floor(random() * (make_date(@year + 1, 1, 1) - make_date(@year, 1, 1)))::int AS day WHERE g = g) t) x
            ORDER BY x.issued
            """);
        var amended = await RunAsync("""
            UPDATE counters."Procedures" SET
                "EffectiveFrom" = make_date(@year, 1, 1) + abs(hashtext("Code" || ':effective')) % 365,
                "PublishedOn" = CASE WHEN abs(hashtext("Code" || ':unpublished')) % 10 = 0 THEN NULL
                                     ELSE make_date(@year, 1, 1) + abs(hashtext("Code" || ':effective')) % 365 + abs(hashtext("Code" || ':delay')) % 30 - 22 END,
                "ModifiedAt" = now() - interval '1 day'
            WHERE abs(hashtext("Code" || ':amended')) % 3 = 0
            """);
        // The catalogue was seeded when the host started: date it back with the other generated rows (incremental runs).
        await RunAsync("""UPDATE counters."Procedures" SET "CreatedAt" = now() - interval '1 day' WHERE "CreatedAt" > now() - interval '1 day'""");

        var records = await RunAsync($$"""
            INSERT INTO digitization."Dossiers" ("Id", "Code", "ProcedureCode", "ProcedureName", "ApplicantKind", "ApplicantIdentity", "ApplicantName", "Status",
                "ReceivedAt", "ResolvedAt", "ReturnedAt", "ComponentCount", "ReusedCount", "ApplicantVerified", "NotAskedCount", "ResolvingUnitId", "ResolvingUnitPath",
                "ReusableCount", "ArchivedAt", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy")
            SELECT d."Id", d."Code", d."ProcedureCode", d."ProcedureName", d."ApplicantKind", d."ApplicantIdentity", d."ApplicantName", d."Status",
                   d."ReceivedAt", d."ResolvedAt", d."ReturnedAt", c.n, c.reused, d."ApplicantVerified", c.not_asked, d."ResolvingUnitId", d."SharedUnitPath",
                   c.reused + CASE WHEN d."ReceivedAt" IS NOT NULL AND c.n > c.reused
                                    AND random() < CASE WHEN {{mature}} THEN 0.04 ELSE 0.3 + (abs(hashtext(d."UnitPath" || ':store')) % 40) / 100.0 END THEN 1 ELSE 0 END,
                   CASE WHEN d."ReturnedAt" IS NOT NULL AND ({{mature}} OR random() < 0.7) THEN d."ReturnedAt" + interval '1 hour' END,
                   d."UnitId", d."UnitPath", false, now() - interval '1 day', 'generator'
            FROM counters."Dossiers" d
            CROSS JOIN LATERAL (SELECT count(*)::int AS n, (count(*) FILTER (WHERE k."Source" <> 'SUBMITTED'))::int AS reused,
                                       (count(*) FILTER (WHERE k."Source" <> 'SUBMITTED' OR (k."DocumentTypeCode" = 'CD-CCCD' AND d."ApplicantVerified")))::int AS not_asked
                                FROM counters."DossierComponents" k WHERE k."DossierId" = d."Id") c
            WHERE {{generated}}
            ORDER BY d."ReceivedAt"
            """);
        const string documentColumns = """
            "Id", "Kind", "DossierId", "DossierCode", "ProcedureCode", "ApplicantKind", "ApplicantIdentity", "ApplicantName", "Name", "DocumentTypeCode", "DigitizedCode",
            "ValidUntil", "BlobKey", "ContentType", "Size", "FileName", "Place", "SharedForReuse", "SignedBlobKey", "SignedSize", "SignedAt", "SignedBy", "SignerSubject",
            "SignerIssuer", "CertificateSerial", "CertificateNotAfter", "VerificationCode", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy"
            """;
        var documents = await RunAsync($$"""
            INSERT INTO digitization."Documents" ({{documentColumns}})
            SELECT gen_random_uuid(), 'COMPONENT', d."Id", d."Code", d."ProcedureCode", d."ApplicantKind", d."ApplicantIdentity", d."ApplicantName", k."Name", k."DocumentTypeCode",
                   'GEN.TP.' || replace(gen_random_uuid()::text, '-', ''), NULL, repeat('a', 64), 'application/pdf', 120000, 'scan.pdf', 'DESK', s.shared,
                   CASE WHEN s.signed THEN repeat('b', 64) END, CASE WHEN s.signed THEN 130000 END, CASE WHEN s.signed THEN d."ReceivedAt" + interval '2 hours' END,
                   CASE WHEN s.signed THEN 'generator' END, CASE WHEN s.signed THEN 'CN=' || d."ReceivingUnitName" END, CASE WHEN s.signed THEN 'CN=CA thử nghiệm' END,
                   CASE WHEN s.signed THEN '01' END, CASE WHEN s.signed THEN make_timestamptz(@year + 3, 1, 1, 0, 0, 0, 'UTC') END,
                   CASE WHEN s.signed THEN 'G' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 19) END,
                   d."UnitId", d."UnitPath", false, now() - interval '1 day', 'generator'
            FROM counters."Dossiers" d JOIN counters."DossierComponents" k ON k."DossierId" = d."Id"
            CROSS JOIN LATERAL (SELECT random() < 0.85 AS shared, random() < 0.04 AS signed, random() AS r WHERE k."Id" = k."Id") s
            WHERE {{generated}} AND d."ReceivedAt" IS NOT NULL AND k."Source" = 'SUBMITTED' AND ({{mature}} OR s.r < 0.5 + (abs(hashtext(d."UnitPath" || ':scan')) % 45) / 100.0)
            ORDER BY d."ReceivedAt", k."Order"
            """);
        documents += await RunAsync($$"""
            INSERT INTO digitization."Documents" ({{documentColumns}})
            SELECT gen_random_uuid(), 'RESULT', d."Id", d."Code", d."ProcedureCode", d."ApplicantKind", d."ApplicantIdentity", d."ApplicantName", 'Kết quả: ' || d."ProcedureName",
                   'KQ.' || d."ProcedureCode", 'GEN.KQ.' || replace(gen_random_uuid()::text, '-', ''),
                   CASE WHEN NOT {{mature}} AND s.r2 < 0.15 THEN make_date(@year, 1, 1) + floor(s.r3 * 365)::int END, repeat('c', 64), 'application/pdf', 80000, 'ket-qua.pdf', 'AGENCY', true,
                   CASE WHEN s.signed THEN repeat('d', 64) END, CASE WHEN s.signed THEN 90000 END, CASE WHEN s.signed THEN d."ResolvedAt" + interval '1 hour' END,
                   CASE WHEN s.signed THEN 'generator' END, CASE WHEN s.signed THEN 'CN=' || d."ResolvingUnitName" END, CASE WHEN s.signed THEN 'CN=CA thử nghiệm' END,
                   CASE WHEN s.signed THEN '02' END, CASE WHEN s.signed THEN make_timestamptz(@year + 3, 1, 1, 0, 0, 0, 'UTC') END,
                   CASE WHEN s.signed THEN 'R' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 19) END,
                   d."UnitId", d."UnitPath", false, now() - interval '1 day', 'generator'
            FROM counters."Dossiers" d
            CROSS JOIN LATERAL (SELECT random() AS r, random() AS r2, random() AS r3,
                                       random() < 0.5 + (abs(hashtext(d."UnitPath" || ':sign')) % 40) / 100.0 AS signed WHERE d."Id" = d."Id") s
            WHERE {{generated}} AND d."ResolvedAt" IS NOT NULL AND ({{mature}} OR s.r < 0.55 + (abs(hashtext(d."UnitPath" || ':result')) % 40) / 100.0)
            ORDER BY d."ResolvedAt"
            """);
        // The results' look-up below goes through the documents' index only once the planner knows the table is not empty.
        await RunAsync("""ANALYZE digitization."Documents";""");
        // The register of results issued (ADR 0030): every resolved dossier's result at its resolving unit, digitised when its
        // copy is; and old results from the back-file of every unit, issued in the ten years before, some expired, some
        // digitised during the year.
        const string resultColumns = """
            "Id", "Source", "CompetentLevel", "IssuingBody", "IssuedOn", "ValidUntil", "Name", "ProcedureCode", "ApplicantIdentity", "ApplicantName",
            "DossierId", "DossierCode", "DocumentId", "DigitisedAt", "UnitId", "UnitPath", "SharedUnitPath", "IsDeleted", "CreatedAt", "CreatedBy"
            """;
        await RunAsync($$"""
            INSERT INTO digitization."Results" ({{resultColumns}})
            SELECT gen_random_uuid(), 'DOSSIER', u."Level", d."ResolvingUnitName", (d."ResolvedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, x."ValidUntil",
                   'Kết quả: ' || d."ProcedureName", d."ProcedureCode", d."ApplicantIdentity", d."ApplicantName", d."Id", d."Code",
                   x."Id", CASE WHEN x."Id" IS NOT NULL THEN d."ResolvedAt" + interval '3 hours' END,
                   d."ResolvingUnitId", d."SharedUnitPath", d."UnitPath", false, now() - interval '1 day', 'generator'
            FROM counters."Dossiers" d JOIN platform."AdministrativeUnits" u ON u."Id" = d."ResolvingUnitId"
            LEFT JOIN LATERAL (SELECT y."Id", y."ValidUntil" FROM digitization."Documents" y WHERE y."DossierId" = d."Id" AND y."Kind" = 'RESULT' ORDER BY y."Id" LIMIT 1) x ON true
            WHERE {{generated}} AND d."ResolvedAt" IS NOT NULL
            ORDER BY d."ResolvedAt"
            """);
        await RunAsync($$"""
            INSERT INTO digitization."Results" ({{resultColumns}})
            SELECT gen_random_uuid(), 'BACK_FILE', u."Level", u."Name", s.issued,
                   CASE WHEN s.r < 0.3 THEN s.issued + (365 * (1 + floor(s.r2 * 12)))::int END, 'Kết quả cũ', '1.001193', '030090001234', 'Nguyễn Văn An', NULL, NULL, NULL,
                   CASE WHEN s.r3 < 0.2 + (abs(hashtext(u."Path" || ':backfile')) % 60) / 100.0
                        THEN make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + s.r4 * interval '364 days' END,
                   u."Id", u."Path", u."Path", false, now() - interval '1 day', 'generator'
            FROM platform."AdministrativeUnits" u
            CROSS JOIN LATERAL generate_series(1, 8) g
            CROSS JOIN LATERAL (SELECT random() AS r, random() AS r2, random() AS r3, random() AS r4, make_date(@year - 10, 1, 1) + floor(random() * 3650)::int AS issued
                                WHERE g = g) s
            WHERE u."ValidFrom" <= make_date(@year - 1, 1, 1) AND (u."ValidTo" IS NULL OR u."ValidTo" > make_date(@year - 1, 1, 1))
            """);
        var items = await RunAsync($$"""
            INSERT INTO digitization."ScanQueue" ("Id", "DossierId", "DossierCode", "ProcedureCode", "ApplicantName", "Kind", "Name", "DocumentTypeCode", "Status", "DocumentId",
                "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy")
            SELECT gen_random_uuid(), d."Id", d."Code", d."ProcedureCode", d."ApplicantName", 'COMPONENT', k."Name", k."DocumentTypeCode", 'PENDING', NULL,
                   d."UnitId", d."UnitPath", false, now() - interval '1 day', 'generator'
            FROM counters."Dossiers" d JOIN counters."DossierComponents" k ON k."DossierId" = d."Id"
            WHERE {{generated}} AND d."ReceivedAt" IS NOT NULL AND k."Source" = 'SUBMITTED' AND random() < 0.4
              AND NOT EXISTS (SELECT 1 FROM digitization."Documents" x WHERE x."DossierId" = d."Id" AND x."DocumentTypeCode" = k."DocumentTypeCode")
            ORDER BY d."ReceivedAt", k."Order"
            """);
        var desks = await RunAsync("""
            INSERT INTO digitization."Desks" ("Id", "AgencyId", "AgencyCode", "AgencyName", "Enabled", "EnabledSince", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy")
            SELECT gen_random_uuid(), a."Id", a."Code", a."Name", s.r < 0.88,
                   CASE WHEN s.r < 0.88 THEN make_timestamptz(@year - 2, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + s.r2 * (make_date(@year, 7, 1) - make_date(@year - 2, 1, 1)) * interval '1 day' END,
                   a."UnitId", a."UnitPath", false, now() - interval '1 day', 'generator'
            FROM platform."Agencies" a
            CROSS JOIN LATERAL (SELECT random() AS r, random() AS r2, random() AS r3 WHERE a."Id" = a."Id") s
            WHERE a."Kind" IN ('one-stop-desk', 'service-center') AND NOT a."IsDeleted" AND s.r3 < 0.9
              AND NOT EXISTS (SELECT 1 FROM digitization."Desks" k WHERE k."AgencyId" = a."Id")
            """);

        await RunAsync("""
            ANALYZE counters."DossierComponents"; ANALYZE counters."DossierHandovers"; ANALYZE queue."QueueTickets"; ANALYZE counters."Procedures";
            ANALYZE digitization."Dossiers"; ANALYZE digitization."Documents"; ANALYZE digitization."ScanQueue"; ANALYZE digitization."Desks"; ANALYZE digitization."Results";
            """);
        return new KpiSources(components, handovers, tickets, amended, records, documents, items, desks);
    }

    public static async Task<(long Ratings, long Complaints)> GenerateAsync(string connectionString, int year, Volumes volumes, int seed = 42)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var setSeed = new NpgsqlCommand($"SELECT setseed({seed % 1000 / 1000.0:0.000})", connection))
        {
            await setSeed.ExecuteNonQueryAsync();
        }

        const string ratings = """
            INSERT INTO evaluation."Ratings" ("Id", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy", "DossierId", "DossierCode", "Channel",
                "Scores", "Points", "Overall", "Comment", "RatedAt", "Seq", "PreviousHash", "Hash")
            SELECT gen_random_uuid(), u."Id", u."Path", false, now() - interval '1 day', 'generator', gen_random_uuid(), 'GEN-' || u."Code" || '-' || g, x.channel,
                   s.scores, s.points,
                   CASE WHEN x.r < x.bad THEN 'DISSATISFIED' WHEN x.r < 0.55 THEN 'VERY_SATISFIED' ELSE 'SATISFIED' END,
                   NULL, x.t, (SELECT coalesce(max("Seq"), 0) FROM evaluation."Ratings") + row_number() OVER (), '', ''
            FROM platform."AdministrativeUnits" u
            CROSS JOIN LATERAL generate_series(1, CASE u."Level" WHEN 'province' THEN @p WHEN 'district' THEN @d ELSE @c END) g
            CROSS JOIN LATERAL (SELECT random() AS r,
                                       -- 1%..20% dissatisfied, fixed per unit
                                       0.01 + (abs(hashtext(u."Code")) % 20) / 100.0 AS bad,
                                       (ARRAY['KIOSK','ONLINE','PAPER'])[1 + floor(random() * 3)::int] AS channel,
                                       make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + random() * (make_timestamptz(@year + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') - make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')) AS t
                                WHERE g = g) x
            CROSS JOIN LATERAL (SELECT string_agg(d::text, '') AS scores, sum(d)::int AS points
                                FROM (SELECT CASE WHEN random() < 0.8 THEN 2 WHEN random() < 0.7 THEN 1 ELSE 0 END AS d
                                      FROM generate_series(1, 9) k WHERE g = g) z) s
            ORDER BY x.t
            """;
        const string complaints = """
            INSERT INTO evaluation."Complaints" ("Id", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy", "Code", "Channel", "Subject", "Content",
                "ApplicantName", "Contact", "DossierCode", "ReceivedAt", "DueAt", "ResolvedAt", "Outcome", "Answer", "ApplicantSatisfied")
            SELECT gen_random_uuid(), u."Id", u."Path", false, now() - interval '1 day', 'generator', 'GEN-PAKN-' || u."Code" || '-' || g, 'DESK',
                   'Phản ánh về thời gian chờ', 'Nội dung phản ánh số ' || g, 'Nguyễn Văn An', NULL, NULL,
                   x.t, x.t + interval '14 days',
                   CASE WHEN x.r < 0.85 THEN x.t + (1 + random() * 19) * interval '1 day' END,
                   CASE WHEN x.r < 0.85 THEN 'EXPLAINED' END, CASE WHEN x.r < 0.85 THEN 'Đã trả lời' END,
                   CASE WHEN x.r < 0.60 THEN true WHEN x.r < 0.78 THEN false END
            FROM platform."AdministrativeUnits" u
            CROSS JOIN LATERAL generate_series(1, greatest(1, CASE u."Level" WHEN 'province' THEN @p WHEN 'district' THEN @d ELSE @c END / 15)) g
            CROSS JOIN LATERAL (SELECT random() AS r,
                                       make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + random() * interval '350 days' AS t
                                WHERE g = g) x
            ORDER BY x.t
            """;
        long r, c;
        await using (var command = new NpgsqlCommand(ratings, connection) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("p", volumes.PerProvince);
            command.Parameters.AddWithValue("d", volumes.PerDistrict);
            command.Parameters.AddWithValue("c", volumes.PerCommune);
            command.Parameters.AddWithValue("year", year);
            r = await command.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(complaints, connection) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("p", volumes.PerProvince);
            command.Parameters.AddWithValue("d", volumes.PerDistrict);
            command.Parameters.AddWithValue("c", volumes.PerCommune);
            command.Parameters.AddWithValue("year", year);
            c = await command.ExecuteNonQueryAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE evaluation.\"Ratings\"; ANALYZE evaluation.\"Complaints\";", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return (r, c);
    }
}
