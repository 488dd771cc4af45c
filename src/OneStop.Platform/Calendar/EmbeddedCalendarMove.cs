using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Calendar;

/// <summary>
/// The embedded default's side of moving the calendar into the kernel (ADR 0022). Its SQLite files are created from the
/// model, once (ADR 0003), so a platform file from before the move has no calendar tables, and the days off and office
/// hours an administrator entered sit in the counters file. Once: create the two tables in the platform file, then
/// <see cref="EmbeddedTableMove"/> copies the rows over (table by table, into empty tables only) and drops the old
/// tables from the counters file, in one transaction. Fresh files have nothing to move.
/// </summary>
internal static class EmbeddedCalendarMove
{
    private static readonly string[] Tables = ["DaysOff", "OfficeHours"];

    public static async Task RunAsync(PlatformDbContext platform, string countersFile, ILogger logger, CancellationToken ct)
    {
        if (!await EmbeddedTableMove.HasTableAsync(platform, "DaysOff", ct))
        {
            await CreateTablesAsync(platform, ct);
        }

        var moved = await EmbeddedTableMove.RunAsync(platform, countersFile, Tables, onlyIntoEmptyFile: false, ct);
        if (moved > 0)
        {
            logger.LogInformation("Moved {Rows} working-calendar rows from the counters file into the platform file", moved);
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
}
