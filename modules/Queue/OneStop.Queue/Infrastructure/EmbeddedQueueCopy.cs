using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Queue.Infrastructure;

/// <summary>
/// One-time move of the queue's tables on the embedded SQLite default (ADR 0021). Until the queue became a module its
/// tables lived in <c>counters.db</c>; the embedded files are created from the model (ADR 0003), so a new
/// <c>queue.db</c> starts empty beside an old <c>counters.db</c> that still holds them. When that file has them, their
/// rows are copied across by the kernel's <see cref="EmbeddedTableMove"/> (into a queue file that is still empty) and
/// they are dropped from it.
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
        // A queue file already in use keeps its rows: the leftovers in counters.db are then only dropped.
        return await EmbeddedTableMove.RunAsync(db, countersFile, Tables, onlyIntoEmptyFile: true, ct);
    }
}
