using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.Platform.Persistence;

/// <summary>
/// The embedded SQLite files in write-ahead-log mode with normal synchronisation: a commit appends to the log instead of
/// syncing the file twice, and readers do not wait for writers. A crash of the process loses nothing committed; a power
/// cut may lose the last commits but never corrupts the file — the trade-off SQLite recommends for WAL, fine for the
/// embedded default (ADR 0003), which is for trying the product.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
