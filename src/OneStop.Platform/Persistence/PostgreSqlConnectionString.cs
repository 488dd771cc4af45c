using System.Collections.Concurrent;
using System.Data.Common;
using Npgsql;

namespace OneStop.Platform.Persistence;

/// <summary>
/// The connection string the modules' contexts use on PostgreSQL: the operator's, with Npgsql's automatic preparation
/// switched on unless the operator set it (ADR 0052). An intake sends about forty statements, the same forty every
/// time; prepared after their second use, PostgreSQL stops parsing and planning them, which halved its CPU per intake
/// in the intake bench. Behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode before
/// 1.21) the operator writes <c>Max Auto Prepare=0</c>.
/// </summary>
internal static class PostgreSqlConnectionString
{
    public const int MaxAutoPrepare = 200;
    public const int AutoPrepareMinUsages = 2;

    private static readonly ConcurrentDictionary<string, string> Tuned = new();

    public static string Of(string? configured) => Tuned.GetOrAdd(configured ?? "", static given =>
    {
        var raw = new DbConnectionStringBuilder { ConnectionString = given };
        var builder = new NpgsqlConnectionStringBuilder(given);
        if (!raw.ContainsKey("Max Auto Prepare") && !raw.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            if (!raw.ContainsKey("Auto Prepare Min Usages") && !raw.ContainsKey("AutoPrepareMinUsages"))
            {
                builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
            }
        }

        return builder.ConnectionString;
    });
}
