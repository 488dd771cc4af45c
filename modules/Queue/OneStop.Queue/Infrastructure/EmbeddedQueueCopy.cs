using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Queue.Infrastructure;

/// <summary>
/// One-time move of the queue's tables on the embedded SQLite default (ADR 0021). Until the queue became a module its
/// tables lived in <c>counters.db</c>; the embedded files are created from the model (ADR 0003), so a new
/// <c>queue.db</c> starts empty beside an old <c>counters.db</c> that still holds them. When that file has them, their
/// rows are copied across (ATTACH + INSERT … SELECT, into a queue file that is still empty) and they are dropped from it.
/// PostgreSQL moves the tables in its migrations instead.
/// </summary>
internal static class EmbeddedQueueCopy
{
    /// <summary>Parents first: the desks before their counters, the tickets before their events and links.</summary>
    internal static readonly string[] Tables =
        ["QueueDesks", "QueueCounters", "QueueTickets", "QueueEvents", "QueueTicketDossiers", "QueueAppointments"];

    public static async Task<int> RunAsync(QueueDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return 0;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var countersFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(connection.DataSource)) ?? "", "counters.db");
        if (!File.Exists(countersFile))
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ExecuteAsync(connection, $"ATTACH DATABASE '{countersFile.Replace("'", "''", StringComparison.Ordinal)}' AS old", ct);
            try
            {
                return await MoveAsync(connection, ct);
            }
            finally
            {
                await ExecuteAsync(connection, "DETACH DATABASE old", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> MoveAsync(SqliteConnection connection, CancellationToken ct)
    {
        var present = new List<string>();
        foreach (var table in Tables)
        {
            if (await ScalarAsync(connection, $"SELECT count(*) FROM old.sqlite_master WHERE type = 'table' AND name = '{table}'", ct) > 0)
            {
                present.Add(table);
            }
        }

        if (present.Count == 0)
        {
            return 0;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        var copied = 0;
        var queueEmpty = true;
        foreach (var table in Tables)
        {
            queueEmpty &= await ScalarAsync(connection, $"SELECT count(*) FROM main.\"{table}\"", ct, tx) == 0;
        }

        // A queue file already in use keeps its rows: the leftovers in counters.db are then only dropped.
        if (queueEmpty)
        {
            foreach (var table in present)
            {
                var columns = await ColumnsAsync(connection, table, tx, ct);
                var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                copied += await ExecuteAsync(connection, $"INSERT INTO main.\"{table}\" ({list}) SELECT {list} FROM old.\"{table}\"", ct, tx);
            }
        }

        foreach (var table in present.AsEnumerable().Reverse())
        {
            await ExecuteAsync(connection, $"DROP TABLE old.\"{table}\"", ct, tx);
        }

        await tx.CommitAsync(ct);
        return copied;
    }

    /// <summary>The columns both files have (the queue file's model decides; a column the old file lacks keeps its default).</summary>
    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table, DbTransaction tx, CancellationToken ct)
    {
        async Task<HashSet<string>> Of(string schema)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            await using var command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)tx;
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}', '{schema}')";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }

        var target = await Of("main");
        var source = await Of("old");
        return target.Where(source.Contains).ToList();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)tx;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)tx;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }
}
