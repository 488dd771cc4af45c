using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Persistence;

/// <summary>
/// One-time move of tables between the embedded default's SQLite files (ADR 0021, ADR 0022). Those files are created
/// from the model once (ADR 0003), so when tables change owner the new file starts empty beside an old file that still
/// holds them. This attaches the old file, copies the rows of the tables it has into the context's file (the columns
/// both have; a column the old file lacks keeps its default), drops them from the old file and detaches it, in one
/// transaction. Rows are copied only into empty tables, so a second run, or a seeded table, is never doubled.
/// PostgreSQL moves the same tables in its migrations instead.
/// </summary>
public static class EmbeddedTableMove
{
    /// <param name="tables">Parents first; they are dropped from the old file in the reverse order.</param>
    /// <param name="onlyIntoEmptyFile">
    /// True: copy only when every one of <paramref name="tables"/> is empty in the context's file (a file already in use
    /// keeps its rows, and the leftovers are only dropped). False: decide table by table.
    /// </param>
    /// <returns>The rows copied.</returns>
    public static async Task<int> RunAsync(DbContext target, string oldFile, IReadOnlyList<string> tables, bool onlyIntoEmptyFile, CancellationToken ct)
    {
        if (!File.Exists(oldFile))
        {
            return 0;
        }

        await target.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = target.Database.GetDbConnection();
            await ExecuteAsync(connection, null, $"ATTACH DATABASE '{oldFile.Replace("'", "''", StringComparison.Ordinal)}' AS old", ct);
            try
            {
                return await MoveAsync(connection, tables, onlyIntoEmptyFile, ct);
            }
            finally
            {
                await ExecuteAsync(connection, null, "DETACH DATABASE old", ct);
            }
        }
        finally
        {
            await target.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether <paramref name="table"/> exists in the context's own SQLite file.</summary>
    public static async Task<bool> HasTableAsync(DbContext context, string table, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            return await HasTableAsync(context.Database.GetDbConnection(), null, "main", table, ct);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> MoveAsync(DbConnection connection, IReadOnlyList<string> tables, bool onlyIntoEmptyFile, CancellationToken ct)
    {
        var present = new List<string>();
        foreach (var table in tables)
        {
            if (await HasTableAsync(connection, null, "old", table, ct))
            {
                present.Add(table);
            }
        }

        if (present.Count == 0)
        {
            return 0;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        var fileEmpty = true;
        foreach (var table in tables)
        {
            fileEmpty &= await IsEmptyAsync(connection, tx, table, ct);
        }

        var copied = 0;
        foreach (var table in present)
        {
            if (onlyIntoEmptyFile ? fileEmpty : await IsEmptyAsync(connection, tx, table, ct))
            {
                var source = await ColumnsAsync(connection, tx, "old", table, ct);
                var list = string.Join(", ", (await ColumnsAsync(connection, tx, "main", table, ct)).Where(source.Contains).Select(c => $"\"{c}\""));
                copied += await ExecuteAsync(connection, tx, $"INSERT INTO main.\"{table}\" ({list}) SELECT {list} FROM old.\"{table}\"", ct);
            }
        }

        foreach (var table in present.AsEnumerable().Reverse())
        {
            await ExecuteAsync(connection, tx, $"DROP TABLE old.\"{table}\"", ct);
        }

        await tx.CommitAsync(ct);
        return copied;
    }

    private static async Task<bool> IsEmptyAsync(DbConnection connection, DbTransaction tx, string table, CancellationToken ct) =>
        await ScalarAsync(connection, tx, $"SELECT count(*) FROM main.\"{table}\"", ct) == 0;

    private static async Task<bool> HasTableAsync(DbConnection connection, DbTransaction? tx, string database, string table, CancellationToken ct) =>
        await ScalarAsync(connection, tx, $"SELECT count(*) FROM {database}.sqlite_master WHERE type = 'table' AND name = '{table}'", ct) > 0;

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, DbTransaction tx, string database, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}', '{database}')";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }
}
