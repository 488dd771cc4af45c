using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Counters.Features.DueDate.Recompute;
using OneStop.Platform.TestKit;

/// <summary>
/// Recompute of open dossiers' due dates after a calendar change, through the real host's job on PostgreSQL: generates
/// N open dossiers (received 1 Nov – 7 Dec 2026, 1–12 working days, so every date stays in the shipped calendar's 2026, a tenth with a closed clock stop, a twentieth with an
/// extension), brings their dates in line (every dossier moves: the worst case), then adds a day off on Thursday
/// 10/12/2026 through the API and runs the job for it (the dossiers due on or after it move by a working day), then
/// again (nothing moves). The baseline, in the same run: reading the same open dossiers with their stops and extensions
/// in one query, nothing computed or written.
/// </summary>
internal static class RecomputeBench
{
    public static async Task RunAsync(int count)
    {
        Console.WriteLine($"load average before: {LoadAverage()}");
        OneStopFactory.UseSourceTreeContentRoot();
        await using var host = new OneStopFactory();
        await host.InitializeAsync();
        var cs = host.Database.ConnectionString!;
        host.Clock.SetVietnamTime(2026, 12, 7, 18);

        var watch = Stopwatch.StartNew();
        await GenerateAsync(cs, count);
        Console.WriteLine($"generated {count:N0} open dossiers in {watch.Elapsed.TotalSeconds:N1} s");

        var initial = await TimedAsync(host, null, "bench: initial dates");
        Console.WriteLine($"first run (every open dossier moves, worst case): {initial.Seconds,6:N1} s — {initial.Result.Checked:N0} checked, {initial.Result.Moved:N0} moved");

        watch.Restart();
        var read = await ReadAllAsync(cs);
        var baseline = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"baseline: reading the {read:N0} open dossiers with stops and extensions: {baseline,6:N1} s");

        var admin = await host.SignInAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-12-10", kind = "holiday", name = "Nghỉ (thử tải)", source = "bench" }))
            .EnsureSuccessStatusCode();
        var dayOff = await TimedAsync(host, "2026-12-10", "Thêm ngày nghỉ Thứ Năm 10/12/2026");
        Console.WriteLine($"after a day off on 10/12/2026:                    {dayOff.Seconds,6:N1} s — {dayOff.Result.Checked:N0} checked, {dayOff.Result.Moved:N0} moved ({dayOff.Result.Moved / dayOff.Seconds:N0} moved/s)");
        var again = await TimedAsync(host, "2026-12-10", "bench: again");
        Console.WriteLine($"again (nothing moves):                            {again.Seconds,6:N1} s — {again.Result.Checked:N0} checked, {again.Result.Moved:N0} moved");

        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB (host included)");
        Console.WriteLine($"load average after: {LoadAverage()}");
    }

    private static async Task<(double Seconds, DueDateRecomputeResult Result)> TimedAsync(OneStopFactory host, string? from, string what)
    {
        var watch = Stopwatch.StartNew();
        var result = await host.AsSystemAsync(sp => sp.GetRequiredService<DueDateRecompute>().RunAsync(from, null, what, CancellationToken.None));
        return (watch.Elapsed.TotalSeconds, result);
    }

    private static async Task GenerateAsync(string cs, int count)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        const string sql = """
            SELECT setseed(0.42);
            CREATE TEMP TABLE communes AS
                SELECT row_number() OVER (ORDER BY "Code") AS n, * FROM platform."AdministrativeUnits" WHERE "Level" = 'commune';
            INSERT INTO counters."Dossiers" ("Id", "Code", "ProcedureId", "ProcedureCode", "ProcedureName", "ProcedureField", "LegalTimeVersion", "LegalTimeValue",
                "LegalTimeUnit", "Channel", "Status", "ApplicantKind", "ApplicantIdentity", "ApplicantName", "ApplicantVerified", "UnitId", "UnitPath",
                "ReceivingUnitId", "ReceivingAgencyCode", "ReceivingUnitName", "ResolvingUnitId", "SharedUnitPath", "ResolvingUnitName", "CurrentUnitId", "CurrentUnitName",
                "SubmittedAt", "ReceivedAt", "DueAt", "DueExplanation", "RequestedReturnMethod", "CreatedAt", "CreatedBy")
            SELECT gen_random_uuid(), 'BENCH-' || u."Code" || '-' || g, p."Id", p."Code", 'Thủ tục sinh dữ liệu', 'ho-tich', 1, 1 + floor(random() * 12),
                   'WORKING_DAY', 'DIRECT', 'PROCESSING', 'CITIZEN', '030090001234', 'Nguyễn Văn An', true, u."Id", u."Path",
                   u."Id", 'MC' || u."Code", u."Name", u."Id", u."Path", u."Name", u."Id", u."Name",
                   x.t - interval '1 hour', x.t, x.t, '', 'DESK', x.t, 'bench'
            FROM generate_series(1, @count) g
            CROSS JOIN LATERAL (SELECT make_timestamptz(2026, 11, 1, 7, 0, 0, 'Asia/Ho_Chi_Minh') + random() * interval '36 days' AS t, g % (SELECT count(*) FROM communes) + 1 AS n) x
            JOIN communes u ON u.n = x.n
            CROSS JOIN (SELECT "Id", "Code" FROM counters."Procedures" ORDER BY "Code" LIMIT 1) p;
            INSERT INTO counters."DossierClockStops" ("Id", "DossierId", "From", "To", "Cause", "Reason")
                SELECT gen_random_uuid(), "Id", "ReceivedAt" + interval '1 day', "ReceivedAt" + interval '3 days', 'SUPPLEMENT_REQUESTED', 'bench'
                FROM counters."Dossiers" WHERE "CreatedBy" = 'bench' AND random() < 0.1;
            INSERT INTO counters."DossierExtensions" ("Id", "DossierId", "Value", "Unit", "Reason", "At", "By")
                SELECT gen_random_uuid(), "Id", 2, 'WORKING_DAY', 'bench', "ReceivedAt" + interval '2 days', 'bench'
                FROM counters."Dossiers" WHERE "CreatedBy" = 'bench' AND random() < 0.05;
            ANALYZE counters."Dossiers"; ANALYZE counters."DossierClockStops"; ANALYZE counters."DossierExtensions";
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ReadAllAsync(string cs)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        const string sql = """
            SELECT d."Id", d."UnitId", d."ReceivedAt", d."DueAt", d."LegalTimeValue", d."LegalTimeUnit",
                   (SELECT count(*) FROM counters."DossierClockStops" s WHERE s."DossierId" = d."Id" AND s."To" IS NOT NULL),
                   (SELECT count(*) FROM counters."DossierExtensions" e WHERE e."DossierId" = d."Id")
            FROM counters."Dossiers" d WHERE d."Status" IN ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_FINANCIAL_OBLIGATION') AND d."DueAt" IS NOT NULL
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        long n = 0;
        while (await reader.ReadAsync())
        {
            n++;
        }

        return n;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
