using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Calendar;

/// <summary>
/// The embedded default's side of moving the calendar into the kernel (ADR 0022). Its SQLite files are created from the
/// model, once (ADR 0003), so a platform file from before the move has no calendar tables, and the days off and office
/// hours an administrator entered sit in the counters file. Once: create the two tables in the platform file, copy the
/// rows over and drop the old tables from the counters file, in one transaction. Fresh files have nothing to move.
/// </summary>
internal static class EmbeddedCalendarMove
{
    private static readonly string[] Tables = ["DaysOff", "OfficeHours"];

    public static async Task RunAsync(PlatformDbContext platform, string countersFile, ILogger logger, CancellationToken ct)
    {
        await platform.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = platform.Database.GetDbConnection();
            if (!await HasTableAsync(connection, "main", "DaysOff", ct))
            {
                await CreateTablesAsync(platform, ct);
            }

            if (!File.Exists(countersFile))
            {
                return;
            }

            await ExecuteAsync(connection, $"ATTACH DATABASE '{countersFile.Replace("'", "''", StringComparison.Ordinal)}' AS old_counters", ct);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                var moved = 0;
                foreach (var table in Tables)
                {
                    if (!await HasTableAsync(connection, "old_counters", table, ct))
                    {
                        continue;
                    }

                    // Only into an empty table, so a second run (or a seeded calendar) is never doubled.
                    if (await CountAsync(connection, $"SELECT count(*) FROM main.\"{table}\"", ct) == 0)
                    {
                        var columns = string.Join(", ", (await ColumnsAsync(connection, "main", table, ct))
                            .Intersect(await ColumnsAsync(connection, "old_counters", table, ct)).Select(c => $"\"{c}\""));
                        moved += await ExecuteAsync(connection, $"INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM old_counters.\"{table}\"", ct);
                    }

                    await ExecuteAsync(connection, $"DROP TABLE old_counters.\"{table}\"", ct);
                }

                await transaction.CommitAsync(ct);
                if (moved > 0)
                {
                    logger.LogInformation("Moved {Rows} working-calendar rows from the counters file into the platform file", moved);
                }
            }
            finally
            {
                await ExecuteAsync(connection, "DETACH DATABASE old_counters", ct);
            }
        }
        finally
        {
            await platform.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The statements of the model's own create script that make the calendar tables and their indexes.</summary>
    private static async Task CreateTablesAsync(PlatformDbContext platform, CancellationToken ct)
    {
        var statements = platform.Database.GenerateCreateScript()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => Tables.Any(t => s.StartsWith($"CREATE TABLE \"{t}\"", StringComparison.Ordinal)
                || (s.StartsWith("CREATE ", StringComparison.Ordinal) && s.Contains("INDEX", StringComparison.Ordinal) && s.Contains($" ON \"{t}\" ", StringComparison.Ordinal))));
        foreach (var statement in statements)
        {
            await platform.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }

    private static async Task<bool> HasTableAsync(DbConnection connection, string database, string table, CancellationToken ct) =>
        await CountAsync(connection, $"SELECT count(*) FROM {database}.sqlite_master WHERE type = 'table' AND name = '{table}'", ct) > 0;

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, string database, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}', '{database}')";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }
}
