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
    /// 7-day due date), 10% still processing, 10% refused.
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
                "ReceivingAgencyCode", "ReceivingUnitName", "ResolvingUnitId", "SharedUnitPath", "ResolvingUnitName", "CurrentUnitId", "CurrentUnitName",
                "SubmittedAt", "ReceivedAt", "DueAt", "DueExplanation", "ResolvedAt", "ReturnedAt", "RequestedReturnMethod", "CreatedAt", "CreatedBy")
            SELECT gen_random_uuid(), 'GEN-' || u."Code" || '-' || g, p.ids[x.i], p.codes[x.i], 'Thủ tục sinh dữ liệu', 'ho-tich', 1, 5,
                   'WORKING_DAY', CASE WHEN x.r3 < 0.3 + (abs(hashtext(u."Code")) % 40) / 100.0 THEN 'ONLINE' ELSE 'DIRECT' END,
                   CASE WHEN x.r < 0.8 THEN 'RETURNED' WHEN x.r < 0.9 THEN 'PROCESSING' ELSE 'REFUSED' END,
                   'CITIZEN', '030090001234', 'Nguyễn Văn An', true, u."Id", u."Path", 'MC' || u."Code", u."Name", u."Id", u."Path", u."Name", u."Id", u."Name",
                   x.t - interval '1 hour', x.t, x.t + interval '7 days', '',
                   CASE WHEN x.r < 0.8 THEN x.t + x.r2 * interval '10 days' END, CASE WHEN x.r < 0.8 THEN x.t + x.r2 * interval '10 days' + interval '2 hours' END,
                   'DESK', now() - interval '1 day', 'generator'
            FROM platform."AdministrativeUnits" u
            CROSS JOIN (SELECT array_agg("Id" ORDER BY "Code") AS ids, array_agg("Code" ORDER BY "Code") AS codes, count(*) AS n FROM counters."Procedures") p
            CROSS JOIN LATERAL generate_series(1, CASE u."Level" WHEN 'province' THEN @p WHEN 'district' THEN @d ELSE @c END) g
            CROSS JOIN LATERAL (SELECT random() AS r, random() AS r2, random() AS r3, 1 + floor(random() * p.n)::int AS i,
                                       make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + random() * (make_timestamptz(@year + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') - make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')) AS t
                                WHERE g = g) x
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
