using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Web;

/// <summary>
/// Each API client's requests of the minute and of the day, in <c>platform.ApiClientUsages</c>: every host instance
/// counts into the same row, so a client behind several instances gets its quota once, exactly (ADR 0044).
/// </summary>
public sealed class ApiUsageMeter(PlatformDbContext db, TimeProvider clock, ApiQuotaOptions options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Counts one request of <paramref name="client"/> and says whether it is within the quota. One statement: the row
    /// lock orders concurrent requests of the same client, so of N requests in a window exactly the first
    /// <see cref="ApiQuotaOptions.PermitsPerMinute"/> are allowed, whichever instance serves them. The window begins with
    /// the first request after the previous one ended (a fixed window per client, as before).
    /// </summary>
    public async Task<ApiQuotaUse> CountAsync(string client, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var table = SqlTableName.Of<ApiClientUsage>(db);
        var sql = $"""
            INSERT INTO {table} ("ClientId", "WindowStart", "WindowCount", "Day", "DayCount") VALUES (@client, @now, 1, @day, 1)
            ON CONFLICT ("ClientId") DO UPDATE SET
                "WindowCount" = CASE WHEN {table}."WindowStart" > @now - @window THEN {table}."WindowCount" + 1 ELSE 1 END,
                "WindowStart" = CASE WHEN {table}."WindowStart" > @now - @window THEN {table}."WindowStart" ELSE @now END,
                "DayCount" = CASE WHEN {table}."Day" = @day THEN {table}."DayCount" + 1 ELSE 1 END,
                "Day" = @day
            RETURNING "WindowStart", "WindowCount"
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "client", client);
            Add(command, "now", now.ToUnixTimeMilliseconds());
            Add(command, "window", (long)Window.TotalMilliseconds);
            Add(command, "day", DayOf(now));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new ApiQuotaUse(options.PermitsPerMinute, Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The client's requests today (UTC day), refused ones included, counted by every instance.</summary>
    public async Task<long> TodayAsync(string client, CancellationToken ct = default) =>
        (await TodayAsync([client], ct)).GetValueOrDefault(client);

    /// <summary>Today's requests of each of <paramref name="clients"/> in one query (a client without any has none in the answer).</summary>
    public async Task<Dictionary<string, long>> TodayAsync(IReadOnlyCollection<string> clients, CancellationToken ct = default)
    {
        var day = DayOf(clock.GetUtcNow());
        return await db.ApiClientUsages.AsNoTracking().Where(u => clients.Contains(u.ClientId) && u.Day == day).ToDictionaryAsync(u => u.ClientId, u => u.DayCount, ct);
    }

    private static int DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).DayNumber;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
